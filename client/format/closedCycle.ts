/**
 * @module The one sentence every view shows for a closed cycle, so the board, the key-result panel
 * and the check-in say the same thing: when it closed and what still changes.
 */
import { CycleStatus } from '../../shared/model/index.ts'
import type { Cycle } from '../../shared/model/index.ts'

const DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' })

/** When a cycle closed, "Dec 31" (the close's local day; the cycle's end date when unknown). */
export function closedOn(cycle: Cycle): string {
  if (cycle.closedAt !== null) return DAY.format(cycle.closedAt)
  const end = Date.parse(`${cycle.endDate}T12:00:00Z`)
  return Number.isNaN(end) ? cycle.endDate : DAY.format(end)
}

/** "Cycle closed on Dec 31: scores and comments only", or null while the cycle is open. */
export function closedCycleNote(cycle: Cycle | null | undefined): string | null {
  return cycle?.status === CycleStatus.Closed ? `Cycle closed on ${closedOn(cycle)}: scores and comments only` : null
}
