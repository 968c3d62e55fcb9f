/** @module Small statistics over measured values: percentiles, median and range. */

/** The `p`-th percentile (0-100) of `values` by nearest rank; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = Float64Array.from(values).sort()
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN
  const sorted = Float64Array.from(values).sort()
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

export interface Summary {
  readonly median: number
  readonly min: number
  readonly max: number
  readonly n: number
}

/** Median and range of the finite values; NaN everywhere when there are none. */
export function summarize(values: readonly number[]): Summary {
  const finite = values.filter(Number.isFinite)
  if (finite.length === 0) return { median: Number.NaN, min: Number.NaN, max: Number.NaN, n: 0 }
  return { median: median(finite), min: Math.min(...finite), max: Math.max(...finite), n: finite.length }
}
