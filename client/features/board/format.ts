/** @module Short texts the board shows: a KR's value against its target, a card's age and due date. */
import { KeyResultKind } from '../../../shared/model/index.ts'
import type { KeyResult } from '../../../shared/model/index.ts'
import { DAY_MS, dayEnd } from '../../../shared/rules/index.ts'

export const KIND_LABEL: Readonly<Record<KeyResultKind, string>> = {
  increase: 'Increase',
  decrease: 'Decrease',
  range: 'Range',
  milestone: 'Milestone',
  count: 'Count',
  baseline: 'Baseline',
  'task-driven': 'Tasks',
}

/** Numbers as people write them: 1,200 and 2.5, never 2.5000000001. */
export function num(value: number): string {
  return NUMBER_FORMAT.format(value)
}

const withUnit = (text: string, unit: string) => (unit === '' ? text : unit === '%' ? `${text}%` : `${text} ${unit}`)

/** "132 / 300 teams", "25 min (20–30)", "Done", "3 / 8 tasks done". */
export function valueText(kr: KeyResult, current: number | null, tasksDone: number, tasksTotal: number): string {
  const now = current === null ? '–' : num(current)
  switch (kr.kind) {
    case KeyResultKind.Increase:
    case KeyResultKind.Decrease:
    case KeyResultKind.Count:
      return withUnit(`${now} / ${kr.target === null ? '?' : num(kr.target)}`, kr.unit)
    case KeyResultKind.Range:
      return `${withUnit(now, kr.unit)} (${kr.rangeLow === null ? '?' : num(kr.rangeLow)}–${kr.rangeHigh === null ? '?' : num(kr.rangeHigh)})`
    case KeyResultKind.Milestone:
    case KeyResultKind.Baseline: {
      const done = current !== null && current >= 1
      return `${done ? 'Done' : 'Not yet'}${kr.dueDate ? ` · due ${shortDate(kr.dueDate)}` : ''}`
    }
    case KeyResultKind.TaskDriven:
      return `${tasksDone} / ${tasksTotal} tasks done`
    default:
      return now
  }
}

// One formatter for the board: toLocaleDateString builds a new one per call, which 500 cards feel.
const DAY_FORMAT = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 })

/** "Mar 4" for a YYYY-MM-DD date (read as UTC, like the rules do). */
export function shortDate(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`)
  return Number.isNaN(ms) ? date : DAY_FORMAT.format(ms)
}

/** Overdue once its due day is over (S7's boundary), unless the card is done. */
export function isOverdue(dueDate: string | null, done: boolean, now: number): boolean {
  const end = dayEnd(dueDate)
  return !done && end !== null && now >= end
}

/** "<1d", "1d", "6d": how long a card has sat where it is. */
export function ageText(movedAt: number, now: number): string {
  const d = Math.floor(Math.max(0, now - movedAt) / DAY_MS)
  return d === 0 ? '<1d' : `${d}d`
}
