/** @module Plain reads over a snapshot that both the board and the server need. */
import type { Column, ColumnId, CycleId, KeyResultId, Task, WorkspaceSnapshot } from '../model/index.ts'
import { byRank } from './rank.ts'

/** The board's columns, left to right. */
export function sortedColumns(snap: WorkspaceSnapshot): Column[] {
  return [...snap.columns.values()].sort(byRank((c) => c.order))
}

/** The cards of one cell (a column under a key result, or unlinked in a cycle), top to bottom. */
export function boardCell(
  snap: WorkspaceSnapshot,
  cycleId: CycleId,
  columnId: ColumnId,
  keyResultId: KeyResultId | null,
): Task[] {
  return [...snap.tasks.values()]
    .filter(
      (t) =>
        t.cycleId === cycleId && t.placement.columnId === columnId && t.placement.keyResultId === keyResultId,
    )
    .sort(byRank((t) => t.placement.rank))
}
