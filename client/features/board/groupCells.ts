/**
 * @module One pass over a cycle's tasks: every cell's cards in rank order, where each card sits,
 * how many cards each column holds, and each KR's task tally (P6). Calling `boardCell` per cell
 * would scan every task once per cell: 60 lanes x 4 columns x 500 tasks.
 */
import { ColumnKind } from '../../../shared/model/index.ts'
import type { ColumnId, CycleId, KeyResultId, Task, TaskId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import type { TaskTally } from '../../../shared/rules/index.ts'
import { cellId } from './cellId.ts'
import type { CellId } from './cellId.ts'

export interface CellGrouping {
  readonly cells: ReadonlyMap<CellId, readonly Task[]>
  readonly cellOf: ReadonlyMap<TaskId, CellId>
  /** Cards of this cycle per column, whatever the filters: what a WIP limit is about. */
  readonly columnCounts: ReadonlyMap<ColumnId, number>
  readonly tallies: ReadonlyMap<KeyResultId, TaskTally>
}

/** The order shared/doc ranks cells in (rank, then id); drop indexes rely on it being the same. */
export function compareByRank(a: Task, b: Task): number {
  const ra = a.placement.rank
  const rb = b.placement.rank
  if (ra !== rb) return ra < rb ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export function groupCells(snap: WorkspaceSnapshot, cycleId: CycleId): CellGrouping {
  const cells = new Map<CellId, Task[]>()
  const cellOf = new Map<TaskId, CellId>()
  const columnCounts = new Map<ColumnId, number>()
  const tallies = new Map<KeyResultId, { done: number; total: number }>()
  for (const task of snap.tasks.values()) {
    const { columnId, keyResultId } = task.placement
    if (keyResultId !== null) {
      // Tallied across cycles, exactly as taskTally (P6) does.
      const tally = tallies.get(keyResultId) ?? { done: 0, total: 0 }
      tally.total += 1
      if (snap.columns.get(columnId)?.kind === ColumnKind.Done) tally.done += 1
      tallies.set(keyResultId, tally)
    }
    if (task.cycleId !== cycleId) continue
    const id = cellId(columnId, keyResultId)
    const list = cells.get(id)
    if (list) list.push(task)
    else cells.set(id, [task])
    cellOf.set(task.id, id)
    columnCounts.set(columnId, (columnCounts.get(columnId) ?? 0) + 1)
  }
  for (const list of cells.values()) list.sort(compareByRank)
  return { cells, cellOf, columnCounts, tallies }
}
