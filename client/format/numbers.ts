/** @module Numbers as people write them: grouping, at most two decimals, units and percentages. */
import type { KeyResult } from '../../shared/model/index.ts'

// One formatter for every view: a new one per call is what 500 board cards feel.
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** 1,200 and 2.5, never 2.5000000001. */
export function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(value)
}

/**
 * "190 teams", "4.1%", "3 / 300 teams": percent and other one-character units sit against the
 * number. `value` is a number, or a text already written with `formatNumber`.
 */
export function withUnit(value: number | string, unit: string): string {
  const n = typeof value === 'number' ? formatNumber(value) : value
  if (unit === '') return n
  return unit === '%' || unit.length === 1 ? `${n}${unit}` : `${n} ${unit}`
}

/** 0.375 -> "38%". */
export function pct(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}

/** How many decimals a number is written with: 300 -> 0, 2.5 -> 1, 0.125 -> 3. */
function decimalsOf(value: number): number {
  const text = String(value)
  if (!Number.isFinite(value) || text.includes('e')) return 0
  const dot = text.indexOf('.')
  return dot < 0 ? 0 : text.length - dot - 1
}

/**
 * The precision a key result is written in: the most decimals of its start, target, range and
 * checked-in `values` (at most 2), so a figure derived from them ("expected by now") reads like
 * them: 242 teams, not 241.5 teams, when the KR counts whole teams; 9.8% when check-ins say 9.8%.
 */
export function keyResultDecimals(kr: Pick<KeyResult, 'start' | 'target' | 'rangeLow' | 'rangeHigh'>, values: readonly number[] = []): number {
  const given = [kr.start, kr.target, kr.rangeLow, kr.rangeHigh, ...values].filter((v): v is number => v !== null)
  return Math.min(2, Math.max(0, ...given.map(decimalsOf)))
}

/** `value` rounded to `decimals` places, halves away from zero. */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor
}
