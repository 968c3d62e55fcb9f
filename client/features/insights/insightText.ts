/** @module Words of the insights dashboard: pace and check-in states, dates of chart axes. */
import type { ConfidenceLevel, Disagreement, PaceStatus, SlotCounts, SlotStatus } from '../../../shared/rules/index.ts'

export const PACE_LABEL: Readonly<Record<PaceStatus, string>> = {
  early: 'Too early to tell',
  done: 'Done',
  onPace: 'On pace',
  behind: 'Behind',
  atRisk: 'At risk',
  notPaced: 'Not paced',
}

export const SLOT_LABEL: Readonly<Record<SlotStatus, string>> = {
  onTime: 'On time',
  late: 'Late',
  missed: 'Missed',
  notYetDue: 'Not yet due',
}

export const CONFIDENCE_LABEL: Readonly<Record<ConfidenceLevel, string>> = {
  high: 'High (7-10)',
  medium: 'Medium (4-6)',
  low: 'Low (0-3)',
  none: 'No check-in',
}

export const DISAGREEMENT_LABEL: Readonly<Record<Disagreement, string>> = {
  confidentButBehind: 'Confident, but far behind',
  worriedButAhead: 'Worried, but ahead',
}

const DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })

/** "Oct 8": an instant's UTC day, as the rules count days. */
export function dayLabel(at: number): string {
  return DAY.format(at)
}

/** The day before an exclusive end: a week due at Oct 8 00:00 covers up to Oct 7. */
export function lastDayLabel(end: number): string {
  return DAY.format(end - 1)
}

/** "40% on time (4 of 10 decided weeks)", or "no week decided yet". */
export function onTimeText(counts: SlotCounts): string {
  const decided = counts.onTime + counts.late + counts.missed
  if (counts.onTimeShare === null) return 'no week decided yet'
  return `${Math.round(counts.onTimeShare * 100)}% on time (${counts.onTime} of ${decided} ${decided === 1 ? 'week' : 'weeks'})`
}
