/** @module Words for the model's enums and values, in one place so every view says the same. */
import type { KeyResult, KeyResultKind, ObjectiveLevel, ObjectiveStatus, Origin } from '../../../shared/model/index.ts'
import type { ScoreBand } from '../../../shared/rules/index.ts'

export const LEVEL_LABEL: Readonly<Record<ObjectiveLevel, string>> = {
  company: 'Company',
  team: 'Team',
  individual: 'Individual',
}

export const ORIGIN_LABEL: Readonly<Record<Origin, string>> = {
  'top-down': 'Top-down',
  'bottom-up': 'Bottom-up',
}

export const STATUS_LABEL: Readonly<Record<ObjectiveStatus, string>> = {
  active: 'Active',
  achieved: 'Achieved',
  dropped: 'Dropped',
}

export const KIND_LABEL: Readonly<Record<KeyResultKind, string>> = {
  increase: 'Increase to a target',
  decrease: 'Decrease to a target',
  range: 'Stay within a range',
  milestone: 'Milestone by a date',
  count: 'Count of a process',
  baseline: 'Baseline established',
  'task-driven': 'Task-driven',
}

export const BAND_LABEL: Readonly<Record<ScoreBand, string>> = {
  reconsider: 'Reconsider',
  short: 'Short',
  stretch: 'Stretch',
  strong: 'Strong',
  notAmbitious: 'Not ambitious',
}

/** What an objective without key results shows instead of a score (O2: empty, nothing to average). */
export const NO_KEY_RESULTS = 'no KRs yet'

/** A number as people write it: at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100)
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

/** "190 teams", "4.1%": percent and currency-like short units sit against the number. */
export function withUnit(value: number, unit: string): string {
  const n = formatNumber(value)
  if (unit === '') return n
  return unit === '%' || unit.length === 1 ? `${n}${unit}` : `${n} ${unit}`
}

/** What a key result aims for, in a few words: "120 → 300 teams", "20–30 min", "by 2025-09-01". */
export function describeTarget(kr: KeyResult): string {
  switch (kr.kind) {
    case 'increase':
    case 'decrease':
    case 'count':
      if (kr.target === null) return 'no target yet'
      return `${withUnit(kr.start ?? 0, kr.unit)} → ${withUnit(kr.target, kr.unit)}`
    case 'range':
      if (kr.rangeLow === null || kr.rangeHigh === null) return 'no range yet'
      return `${formatNumber(kr.rangeLow)}–${withUnit(kr.rangeHigh, kr.unit)}`
    case 'milestone':
    case 'baseline':
      return kr.dueDate === null ? 'no due date yet' : `by ${formatDate(kr.dueDate)}`
    case 'task-driven':
      return 'by its tasks'
  }
}

/** A calendar date or an instant as "Sep 30" (with the year when it is not this year's). */
export function formatDate(date: string | number, now = Date.now()): string {
  const d = typeof date === 'number' ? new Date(date) : new Date(`${date}T00:00:00Z`)
  if (Number.isNaN(d.getTime())) return String(date)
  const sameYear = d.getUTCFullYear() === new Date(now).getUTCFullYear()
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: sameYear ? undefined : 'numeric', timeZone: 'UTC' })
}

/** "just now", "5 minutes ago", "3 days ago". */
export function timeAgo(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`
  const days = Math.floor(hours / 24)
  return `${days} day${days === 1 ? '' : 's'} ago`
}

/** 0.375 -> "38%". */
export function pct(ratio: number): string {
  return `${Math.round(ratio * 100)}%`
}
