/** @module When a card's due date has passed. */
import { dayEnd } from '../../../shared/rules/index.ts'

/** Overdue once its due day is over (S7's boundary), unless the card is done. */
export function isOverdue(dueDate: string | null, done: boolean, now: number): boolean {
  const end = dayEnd(dueDate)
  return !done && end !== null && now >= end
}
