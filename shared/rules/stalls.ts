/** @module The one entry point of stall detection: every rule over a snapshot, most severe first. */
import type { ColumnId, WorkspaceSnapshot } from '../model/index.ts'
import {
  confidenceDropWarning,
  flatTrendWarning,
  idleKeyResultWarning,
  lowConfidenceWarning,
  noCheckInWarning,
  paceWarning,
} from './keyResultStalls.ts'
import { stallScope } from './stallScope.ts'
import type { StallOptions } from './stallScope.ts'
import { compareStallWarnings } from './stallWarning.ts'
import type { StallWarning } from './stallWarning.ts'
import { overWipWarning, overdueTaskWarning, staleTaskWarning } from './taskStalls.ts'

/**
 * Every stall warning (S1-S9) of the published cycles at `now`, or of `opts.cycleId` only, using
 * the workspace's stall settings. Sorted most severe first, then by rule, target kind and id.
 */
export function stallWarnings(
  snapshot: WorkspaceSnapshot,
  now: number,
  opts: StallOptions = {},
): readonly StallWarning[] {
  const scope = stallScope(snapshot, opts)
  const { settings } = scope
  const found: Array<StallWarning | null> = []

  for (const facts of scope.keyResults) {
    found.push(
      noCheckInWarning(facts, now, settings),
      paceWarning(facts, now, settings),
      lowConfidenceWarning(facts),
      confidenceDropWarning(facts),
      flatTrendWarning(facts),
      idleKeyResultWarning(facts, now, settings),
    )
  }

  const cards = new Map<ColumnId, number>()
  for (const { task, column } of scope.tasks) {
    found.push(staleTaskWarning(task, column, now, settings), overdueTaskWarning(task, column, now))
    cards.set(column.id, (cards.get(column.id) ?? 0) + 1)
  }
  for (const [columnId, count] of cards) {
    const column = snapshot.columns.get(columnId)
    if (column !== undefined) found.push(overWipWarning(column, count))
  }

  return found.filter((w): w is StallWarning => w !== null).sort(compareStallWarnings)
}
