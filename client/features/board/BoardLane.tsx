/**
 * @module One swimlane: a key result's header (or "Unlinked") and its cell in every column. Scrolls
 * into view and is highlighted when its key result is focused (from the radar or the KR panel).
 *
 * Only lanes in or near the visible area build their cards (useNearView): a far lane shows its
 * header and one empty cell per column sized for its cards, so a 2,000-card board holds the few
 * lanes on screen, not 36,000 nodes. A lane stays built while it is focused, holds the card in
 * focus (a jump from the radar or the palette builds it first), holds keyboard focus or shows the
 * dragged card. On a phone every lane is built (see `built`).
 */
import { useEffect, useRef, useState } from 'react'
import type { Column, ColumnId, Task, TaskId } from '../../../shared/model/index.ts'
import { BoardCell } from './BoardCell.tsx'
import type { LaneModel, StallSummary } from './boardModel.ts'
import { cellId, parseCellId } from './cellId.ts'
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
  /** Where the dragged card shows now (its cell, or the one it is previewed in); undefined when no drag. */
  readonly dragCell: CellId | undefined
}

const NONE: readonly Task[] = []
/** About one card and the gap below it, for sizing a cell whose cards are not built. */
const CARD_PX = 84
const CELL_PAD_PX = 12

export function BoardLane({ lane, focused, ctx }: { lane: LaneModel; focused: boolean; ctx: LaneContext }) {
  const kr = lane.keyResult
  const title = kr?.title ?? 'Unlinked'
  const node = useRef<HTMLDivElement>(null)
  const near = useNearView(node)
  const [holdsFocus, setHoldsFocus] = useState(false)
  const holds = (cell: CellId | undefined) => cell !== undefined && parseCellId(cell).keyResultId === (kr?.id ?? null)
  // The dragged card must stay mounted (dnd-kit drops a drag whose node goes) wherever the drag
  // scrolls the board to.
  const wanted = near || focused || holds(ctx.focusCell) || holdsFocus || holds(ctx.dragCell)
  // A phone (one column shown) builds every lane for now: in CI the touch drag's press lifted
  // nothing twice with near lanes only, and here once in two runs even with every lane kept built
  // once near (so not a card unbuilt under the finger); with every lane built it passes (issue 16).
  const built = ctx.shownColumn !== null || wanted
  useEffect(() => {
    if (focused && node.current) return revealElement(node.current, 'center')
  }, [focused])
  return (
    <div
      ref={node}
      className={`lane${focused ? ' lane--focused' : ''}${kr ? '' : ' lane--unlinked'}`}
      role="group"
      aria-label={kr ? `Key result: ${title}` : 'Unlinked tasks'}
      onFocus={() => setHoldsFocus(true)}
      onBlur={(event) => setHoldsFocus(event.currentTarget.contains(event.relatedTarget as Node | null))}
    >
      {kr ? <LaneHeader {...lane} keyResult={kr} /> : <UnlinkedHeader count={lane.tasksTotal} />}
      {ctx.columns.map((column, i) => {
        const id = cellId(column.id, kr?.id ?? null)
        const off = ctx.shownColumn !== null && ctx.shownColumn !== column.id
        if (!built) {
          const count = (ctx.cells.get(id) ?? NONE).length
          return <div key={column.id} className={`cell cell--pending${off ? ' cell--off' : ''}`} style={{ minHeight: count * CARD_PX + CELL_PAD_PX }} aria-hidden="true" />
        }
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
            off={off}
            droppable={near}
          />
        )
      })}
    </div>
  )
}
