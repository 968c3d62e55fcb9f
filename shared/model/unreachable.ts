/**
 * @module The one helper for the default branch of an exhaustive switch: the compiler proves the
 * branch is never reached, and a value that slips past the types anyway fails loudly.
 */

/** Throws "unexpected `what`: value"; typed `(value: never) => never` so a missed case does not compile. */
export function unreachable(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value) ?? String(value)}`)
}
