/** @module Where a key result lands at the cycle's end if its recent pace goes on (I3). */
import { KeyResultKind } from '../../model/index.ts'
import type { CheckIn, Cycle, KeyResult } from '../../model/index.ts'
import { DAY_MS, cycleWindow } from '../cycleTime.ts'
import { clamp01, percent } from '../math.ts'
import { valueMeasure } from '../progress.ts'
import { FORECAST_MIN_CHECK_INS, FORECAST_POINTS } from './insightThresholds.ts'

/** A point of a line over time, in the KR's own units. */
export interface TimeValue {
  readonly at: number
  readonly value: number
}

export type Forecast =
  | {
      readonly status: 'forecast'
      /** How many check-ins the line was fitted on. */
      readonly points: number
      /** Change of the value per day along the fitted line. */
      readonly slopePerDay: number
      /** The value the line reaches at the cycle's end. */
      readonly value: number
      /** Its progress (P2-P4), clamped to 0..1, and unclamped. */
      readonly progress: number
      readonly raw: number
      /** The fitted line from the first check-in it used to the cycle's end (drawn dashed). */
      readonly line: readonly [TimeValue, TimeValue]
      /** "on this pace: 72% by Dec 31 (line over the last 6 check-ins)". */
      readonly text: string
    }
  | {
      readonly status: 'tooFew' | 'notMeasured'
      readonly points: number
      /** "no forecast: 2 check-ins, at least 3 needed". */
      readonly text: string
    }

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Dec 31" from `2026-12-31` (the cycle's last day, in UTC). */
export function shortDate(iso: string): string {
  const month = MONTHS[Number(iso.slice(5, 7)) - 1]
  return month === undefined ? iso : `${month} ${Number(iso.slice(8, 10))}`
}

/**
 * The forecast of a value-based KR (I3): a least-squares line of value against time over its last
 * FORECAST_POINTS check-ins, extended to the cycle's end (P7). None from fewer than
 * FORECAST_MIN_CHECK_INS check-ins, nor for kinds that are done or not (milestone, baseline) or
 * measured by tasks.
 */
export function forecast(kr: KeyResult, cycle: Cycle, checkIns: readonly CheckIn[]): Forecast {
  const measure = valueMeasure(kr)
  const window = cycleWindow(cycle)
  const n = checkIns.length
  if (measure === null || window === null) {
    const why =
      window === null ? 'the cycle has no valid dates'
      : kr.kind === KeyResultKind.Milestone || kr.kind === KeyResultKind.Baseline ? `a ${kr.kind} is done or not`
      : kr.kind === KeyResultKind.TaskDriven ? 'it is measured by its cards'
      : 'it has no target to aim at'
    return { status: 'notMeasured', points: 0, text: `no forecast: ${why}` }
  }
  if (n < FORECAST_MIN_CHECK_INS) {
    const had = n === 1 ? '1 check-in' : `${n} check-ins`
    return { status: 'tooFew', points: n, text: `no forecast: ${had}, at least ${FORECAST_MIN_CHECK_INS} needed` }
  }
  const recent = checkIns.slice(-FORECAST_POINTS)
  const first = recent[0]!
  // x in days from the first point, y from the first value: small numbers, exact zero for flat values.
  const pts = recent.map((c) => ({ x: (c.at - first.at) / DAY_MS, y: c.value - first.value }))
  const xMean = pts.reduce((s, p) => s + p.x, 0) / pts.length
  const yMean = pts.reduce((s, p) => s + p.y, 0) / pts.length
  let sxx = 0
  let sxy = 0
  for (const p of pts) {
    sxx += (p.x - xMean) ** 2
    sxy += (p.x - xMean) * (p.y - yMean)
  }
  const slope = sxx === 0 ? 0 : sxy / sxx
  const at = (t: number) => first.value + yMean + slope * ((t - first.at) / DAY_MS - xMean)
  const value = at(window.end)
  const raw = measure(value)
  const progress = clamp01(raw)
  const text = `on this pace: ${percent(progress)} by ${shortDate(cycle.endDate)} (line over the last ${recent.length} check-ins)`
  return {
    status: 'forecast',
    points: recent.length,
    slopePerDay: slope,
    value,
    progress,
    raw,
    line: [{ at: first.at, value: at(first.at) }, { at: window.end, value }],
    text,
  }
}
