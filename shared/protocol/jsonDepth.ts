/** @module How deeply a parsed JSON value nests, measured without recursing past the limit. */

/**
 * True when `value` nests arrays or objects more than `maxDepth` levels deep (`[]` is depth 1, a
 * scalar depth 0). Stops descending at the limit, so a hostile value cannot exhaust the stack.
 */
export function exceedsDepth(value: unknown, maxDepth: number): boolean {
  return exceeds(value, maxDepth, 0)
}

function exceeds(value: unknown, maxDepth: number, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false
  if (depth + 1 > maxDepth) return true
  const children: readonly unknown[] = Array.isArray(value) ? value : Object.values(value)
  for (const child of children) if (exceeds(child, maxDepth, depth + 1)) return true
  return false
}
