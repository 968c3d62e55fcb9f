/**
 * @module The numbers behind the check-in chart: scales over the cycle window and the value range,
 * the actual line, the expected pace line from start to target, and the range band.
 */
import { KeyResultKind } from '../../../shared/model/index.ts'
import type { CheckIn, Cycle, KeyResult } from '../../../shared/model/index.ts'
import { cycleWindow } from '../../../shared/rules/index.ts'

export const CHART = { width: 360, height: 150, left: 36, right: 12, top: 12, bottom: 22 } as const

export interface ChartGeometry {
  readonly points: ReadonlyArray<{ x: number; y: number; checkIn: CheckIn }>
  /** From the start value at the KR's start to the target at the cycle's end; null without both. */
  readonly pace: { x1: number; y1: number; x2: number; y2: number } | null
  /** The range a `range` KR must stay within. */
  readonly band: { y1: number; y2: number } | null
  readonly today: number | null
  readonly yTicks: readonly { y: number; value: number }[]
  readonly start: number
  readonly end: number
}

/** Null when the chart has nothing to say (no parseable cycle, or a KR not measured by value). */
export function chartGeometry(kr: KeyResult, cycle: Cycle, checkIns: readonly CheckIn[], now: number): ChartGeometry | null {
  const window = cycleWindow(cycle)
  if (window === null || !['increase', 'decrease', 'count', 'range'].includes(kr.kind)) return null
  const startValue = kr.kind === KeyResultKind.Count ? (kr.start ?? 0) : kr.start
  const values = [...checkIns.map((c) => c.value), startValue, kr.target, kr.rangeLow, kr.rangeHigh].filter((v): v is number => v !== null && Number.isFinite(v))
  if (values.length === 0) return null
  let lo = Math.min(...values)
  let hi = Math.max(...values)
  if (lo === hi) [lo, hi] = [lo - 1, hi + 1]
  const pad = (hi - lo) * 0.08
  lo -= pad
  hi += pad
  const innerW = CHART.width - CHART.left - CHART.right
  const innerH = CHART.height - CHART.top - CHART.bottom
  const x = (t: number) => CHART.left + ((Math.min(Math.max(t, window.start), window.end) - window.start) / (window.end - window.start)) * innerW
  const y = (v: number) => CHART.top + (1 - (v - lo) / (hi - lo)) * innerH
  const from = Math.max(window.start, kr.createdAt)
  const pace = kr.kind !== KeyResultKind.Range && startValue !== null && kr.target !== null ? { x1: x(from), y1: y(startValue), x2: x(window.end), y2: y(kr.target) } : null
  const band = kr.kind === KeyResultKind.Range && kr.rangeLow !== null && kr.rangeHigh !== null ? { y1: y(Math.max(kr.rangeLow, kr.rangeHigh)), y2: y(Math.min(kr.rangeLow, kr.rangeHigh)) } : null
  return {
    points: checkIns.map((c) => ({ x: x(c.at), y: y(c.value), checkIn: c })),
    pace,
    band,
    today: now >= window.start && now < window.end ? x(now) : null,
    yTicks: [hi - pad, lo + pad].map((value) => ({ y: y(value), value })),
    start: window.start,
    end: window.end,
  }
}
