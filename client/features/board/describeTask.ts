/** @module The card's details in one sentence, for screen readers (the card's name is its title). */
import type { Task } from '../../../shared/model/index.ts'
import { formatDate } from '../../format/dates.ts'
import { isOverdue } from './isOverdue.ts'

export function describeTask(
  task: Task,
  facts: { done: boolean; now: number; stallText: string },
  assignee: string | null,
): string {
  const parts: string[] = []
  parts.push(assignee === null ? 'unassigned' : `assigned to ${assignee}`)
  if (task.dueDate !== null) {
    parts.push(`due ${formatDate(task.dueDate, facts.now)}${isOverdue(task.dueDate, facts.done, facts.now) ? ', overdue' : ''}`)
  }
  if (task.labels.length > 0) parts.push(`labels ${task.labels.join(', ')}`)
  if (facts.stallText) parts.push(facts.stallText)
  return parts.join('; ')
}
