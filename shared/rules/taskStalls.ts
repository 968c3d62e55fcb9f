/** @module The stall rules about cards and columns: stuck, overdue, over the WIP limit. */
import { ColumnKind } from '../model/index.ts'
import type { Column, StallSettings, Task } from '../model/index.ts'
import { DAY_MS, dayEnd, dayStart, days, wholeDays } from './cycleTime.ts'
import { activeDays, plural } from './math.ts'
import { Severity, StallRule } from './stallWarning.ts'
import type { StallWarning } from './stallWarning.ts'

function taskWarning(task: Task, ruleId: StallRule, severity: Severity, reason: string): StallWarning {
  const krId = task.placement.keyResultId
  const target = { kind: 'task', id: task.id } as const
  return krId === null
    ? { ruleId, severity, target, reason }
    : { ruleId, severity, target, keyResultId: krId, reason }
}

/**
 * S6: a card in a doing or blocked column that has not moved for `staleTaskDays` days. Only
 * `movedAt` ages a card, so renaming or relabelling it does not make it look fresh.
 */
export function staleTaskWarning(
  task: Task,
  column: Column,
  now: number,
  settings: StallSettings,
): StallWarning | null {
  if (column.kind !== ColumnKind.Doing && column.kind !== ColumnKind.Blocked) return null
  if (!activeDays(settings.staleTaskDays)) return null
  const still = now - task.movedAt
  if (still < settings.staleTaskDays * DAY_MS) return null
  const severity = column.kind === ColumnKind.Blocked ? Severity.Warning : Severity.Info
  const reason = `in ${column.name} for ${days(wholeDays(still))} without moving`
  return taskWarning(task, StallRule.StaleTask, severity, reason)
}

/** S7: a card past the end of its due day and not done; quieter once a reason was given. */
export function overdueTaskWarning(task: Task, column: Column, now: number): StallWarning | null {
  if (column.kind === ColumnKind.Done) return null
  const due = dayEnd(task.dueDate)
  const dueStart = dayStart(task.dueDate)
  if (due === null || dueStart === null || now < due) return null
  const explained = task.missedReason !== null && task.missedReason.trim() !== ''
  const late = days(wholeDays(now - dueStart))
  const said = explained ? 'reason given' : 'no reason given'
  const reason = `${late} past its due date ${task.dueDate}, ${said}`
  return taskWarning(task, StallRule.OverdueTask, explained ? Severity.Info : Severity.Warning, reason)
}

/** S8: a column holding more cards than its WIP limit; a null, negative or non-finite limit is none. */
export function overWipWarning(column: Column, cards: number): StallWarning | null {
  const limit = column.wipLimit
  if (limit === null || !Number.isFinite(limit) || limit < 0 || cards <= limit) return null
  return {
    ruleId: StallRule.OverWipLimit,
    severity: Severity.Info,
    target: { kind: 'column', id: column.id },
    reason: `${plural(cards, 'card')}, limit ${limit}`,
  }
}
