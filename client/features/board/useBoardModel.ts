/**
 * @module The board model of the cycle in view, rebuilt when the document (or the minute) changes.
 * Cells whose cards did not change keep their previous array, so their memoised cells and cards
 * skip rendering: a remote edit to one card re-renders one cell, not the board.
 */
import { useCallback, useRef } from 'react'
import type { Cycle, Task, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import type { Filters } from '../../hooks/useView.ts'
import { sameItems, useSnapshot } from '../../hooks/useSnapshot.ts'
import { buildBoardModel } from './boardModel.ts'
import type { BoardModel } from './boardModel.ts'
import type { CellId } from './cellId.ts'

/** Reuses `prev`'s arrays for cells holding the same cards in the same order. */
export function shareCells(
  prev: ReadonlyMap<CellId, readonly Task[]> | undefined,
  next: ReadonlyMap<CellId, readonly Task[]>,
): ReadonlyMap<CellId, readonly Task[]> {
  if (prev === undefined) return next
  const out = new Map<CellId, readonly Task[]>()
  for (const [id, list] of next) {
    const old = prev.get(id)
    out.set(id, old !== undefined && sameItems(old, list) ? old : list)
  }
  return out
}

export function useBoardModel(cycle: Cycle | null, filters: Filters, now: number): BoardModel | null {
  const last = useRef<BoardModel | null>(null)
  const selector = useCallback(
    (snap: WorkspaceSnapshot) => {
      if (cycle === null) return null
      const model = buildBoardModel(snap, cycle, filters, now)
      const shared = { ...model, cells: shareCells(last.current?.cells, model.cells) }
      last.current = shared
      return shared
    },
    [cycle, filters, now],
  )
  return useSnapshot(selector)
}
