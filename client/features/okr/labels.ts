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

/** A number as people write it: at most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Math.round(value * 100) / 100)
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
