/** @module Fractional ranks: order cards and columns without moving array items. */
import { generateKeyBetween } from 'fractional-indexing'

/** A valid rank between `before` and `after` (either may be null for an open end). */
export function rankBetween(before: string | null, after: string | null): string {
  try {
    if (before !== null && after !== null && before >= after) {
      // Equal neighbours come from concurrent inserts at one spot; order falls back to ids there.
      return generateKeyBetween(before, null)
    }
    return generateKeyBetween(before, after)
  } catch {
    // A peer wrote a rank that is not a valid key: start afresh after the valid neighbour if any.
    return safeKey(before) ?? safeKey(after) ?? generateKeyBetween(null, null)
  }
}

function safeKey(key: string | null): string | null {
  if (key === null) return null
  try {
    return generateKeyBetween(key, null)
  } catch {
    return null
  }
}

/** Orders records by rank, then id, so equal ranks still sort the same on every replica. */
export function byRank<T extends { readonly id: string }>(rankOf: (item: T) => string) {
  return (a: T, b: T): number => {
    const ra = rankOf(a)
    const rb = rankOf(b)
    if (ra !== rb) return ra < rb ? -1 : 1
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
  }
}

/** The rank for inserting at `index` into `sortedRanks` (the ranks already there, in order). */
export function rankAt(sortedRanks: readonly string[], index: number): string {
  const at = Math.max(0, Math.min(index, sortedRanks.length))
  return rankBetween(sortedRanks[at - 1] ?? null, sortedRanks[at] ?? null)
}
