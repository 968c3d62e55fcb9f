/** @module An error as one log-line fragment: its message, never its stack. */

/** The message of `err` (or its string form when it is not an Error). */
export function describeError(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
