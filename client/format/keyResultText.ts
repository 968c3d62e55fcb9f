/** @module A key result in a few words: what it aims for, and where it stands against that. */
import { KeyResultKind } from '../../shared/model/index.ts'
import type { KeyResult } from '../../shared/model/index.ts'
import { formatDate } from './dates.ts'
import { formatNumber, withUnit } from './numbers.ts'

/** What a key result aims for: "120 → 300 teams", "20–30 min", "by Sep 1". */
export function describeTarget(kr: KeyResult): string {
  switch (kr.kind) {
    case KeyResultKind.Increase:
    case KeyResultKind.Decrease:
    case KeyResultKind.Count:
      if (kr.target === null) return 'no target yet'
      return `${withUnit(kr.start ?? 0, kr.unit)} → ${withUnit(kr.target, kr.unit)}`
    case KeyResultKind.Range:
      if (kr.rangeLow === null || kr.rangeHigh === null) return 'no range yet'
      return `${formatNumber(kr.rangeLow)}–${withUnit(kr.rangeHigh, kr.unit)}`
    case KeyResultKind.Milestone:
    case KeyResultKind.Baseline:
      return kr.dueDate === null ? 'no due date yet' : `by ${formatDate(kr.dueDate)}`
    case KeyResultKind.TaskDriven:
      return 'by its tasks'
  }
}

/** Where a key result stands: "132 / 300 teams", "25 min (20–30)", "Done", "3 / 8 tasks done". */
export function valueText(kr: KeyResult, current: number | null, tasksDone: number, tasksTotal: number): string {
  const now = current === null ? '–' : formatNumber(current)
  switch (kr.kind) {
    case KeyResultKind.Increase:
    case KeyResultKind.Decrease:
    case KeyResultKind.Count:
      return withUnit(`${now} / ${kr.target === null ? '?' : formatNumber(kr.target)}`, kr.unit)
    case KeyResultKind.Range:
      return `${withUnit(now, kr.unit)} (${kr.rangeLow === null ? '?' : formatNumber(kr.rangeLow)}–${kr.rangeHigh === null ? '?' : formatNumber(kr.rangeHigh)})`
    case KeyResultKind.Milestone:
    case KeyResultKind.Baseline: {
      const done = current !== null && current >= 1
      return `${done ? 'Done' : 'Not yet'}${kr.dueDate ? ` · due ${formatDate(kr.dueDate)}` : ''}`
    }
    case KeyResultKind.TaskDriven:
      return `${tasksDone} / ${tasksTotal} tasks done`
    default:
      return now
  }
}
