/** @module Small numeric and wording helpers shared by the rules; not part of the public API. */
/** Clamp to 0..1; NaN and infinities become 0 so a broken value never reads as progress. */
export function clamp01(x: number): number {
  if (!Number.isFinite(x)) return 0
  return Math.min(1, Math.max(0, x))
}

/** A 0..1 ratio as a whole percentage: 0.375 -> "38%". */
export function percent(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}

/** A percentage amount with at most one decimal: 99.94 -> "99.9%", 90 -> "90%". */
export function percentPoints(value: number): string {
  return `${Math.round(value * 10) / 10}%`
}

/** "1 card", "6 cards" and the like, for regular plurals. */
export function plural(count: number, noun: string): string {
  return count === 1 ? `1 ${noun}` : `${count} ${noun}s`
}

/** A day-count setting enables its rule only when it is a positive finite number. */
export function activeDays(value: number): boolean {
  return Number.isFinite(value) && value > 0
}

/** Plain string order (not locale order), so sorting is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
