/**
 * @module One swimlane: a key result's header (or "Unlinked") and its cell in every column. Scrolls
 * into view and is highlighted when its key result is focused (from the radar or the KR panel).
 */
import { useEffect, useRef } from 'react'
import type { Column, ColumnId, Task, TaskId } from '../../../shared/model/index.ts'
import { BoardCell } from './BoardCell.tsx'
import type { LaneModel, StallSummary } from './boardModel.ts'
import { cellId } from './cellId.ts'
import { revealElement } from './revealElement.ts'
import type { CellId } from './cellId.ts'
import { LaneHeader } from './LaneHeader.tsx'
import { UnlinkedHeader } from './UnlinkedHeader.tsx'
import { useNearView } from './useNearView.ts'

export interface LaneContext {
  readonly columns: readonly Column[]
  /** On a phone, the one column shown (the others' cells stay mounted, hidden); null shows all. */
  readonly shownColumn: ColumnId | null
  readonly cells: ReadonlyMap<CellId, readonly Task[]>
  readonly stalls: ReadonlyMap<TaskId, StallSummary>
  readonly now: number
  readonly focusTaskId: TaskId | null
  readonly focusCell: CellId | undefined
}

const NONE: readonly Task[] = []

export function BoardLane({ lane, focused, ctx }: { lane: LaneModel; focused: boolean; ctx: LaneContext }) {
  const kr = lane.keyResult
  const title = kr?.title ?? 'Unlinked'
  const node = useRef<HTMLDivElement>(null)
  const near = useNearView(node)
  useEffect(() => {
    if (focused && node.current) return revealElement(node.current, 'center')
  }, [focused])
  return (
    <div ref={node} className={`lane${focused ? ' lane--focused' : ''}${kr ? '' : ' lane--unlinked'}`} role="group" aria-label={kr ? `Key result: ${title}` : 'Unlinked tasks'}>
      {kr ? <LaneHeader {...lane} keyResult={kr} /> : <UnlinkedHeader count={lane.tasksTotal} />}
      {ctx.columns.map((column, i) => {
        const id = cellId(column.id, kr?.id ?? null)
        return (
          <BoardCell
            key={column.id}
            id={id}
            column={column}
            keyResultId={kr?.id ?? null}
            laneTitle={title}
            tasks={ctx.cells.get(id) ?? NONE}
            stalls={ctx.stalls}
            now={ctx.now}
            focusTaskId={ctx.focusCell === id ? ctx.focusTaskId : null}
            first={i === 0}
            off={ctx.shownColumn !== null && ctx.shownColumn !== column.id}
            droppable={near}
          />
        )
      })}
    </div>
  )
}
