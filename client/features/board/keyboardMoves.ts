/**
 * @module Keyboard dragging across the board's grid: Up/Down move a card within its cell (and on
 * to the lane above or below at the ends), Left/Right to the same lane's cell in the next column.
 * The generic geometric getter picks droppables by distance, which on a board of many lanes can
 * jump to a card of another lane; here the target follows the grid the user sees.
 */
import { KeyboardCode } from '@dnd-kit/core'
import type { KeyboardCoordinateGetter } from '@dnd-kit/core'
import type { ColumnId, KeyResultId } from '../../../shared/model/index.ts'
import { cellId, isCellId, parseCellId } from './cellId.ts'
import type { Layout } from './dropPlan.ts'

/** The visible lanes (top to bottom, null for "Unlinked") and columns (left to right). */
export interface BoardGrid {
  readonly lanes: readonly (KeyResultId | null)[]
  readonly columns: readonly ColumnId[]
}

/**
 * The droppable a key moves the dragged card to: a card (the card goes before it) or a cell (the
 * card goes to its end); null when there is nowhere to go. `overId` is what the card is over now,
 * which within its own cell is its visual position.
 */
export function keyboardTarget(layout: Layout, grid: BoardGrid, activeId: string, overId: string | null, key: string): string | null {
  const cell = layout.where(activeId)
  if (cell === undefined) return null
  const list = layout.cells.get(cell) ?? []
  let at = list.findIndex((t) => t.id === activeId)
  if (overId !== null && !isCellId(overId) && overId !== activeId && layout.where(overId) === cell) {
    at = list.findIndex((t) => t.id === overId)
  }
  const { columnId, keyResultId } = parseCellId(cell)
  const col = grid.columns.indexOf(columnId)
  const lane = grid.lanes.indexOf(keyResultId)
  const entry = (c: number, l: number, where: number | 'last'): string | null => {
    const columnAt = grid.columns[c]
    if (columnAt === undefined || l < 0 || l >= grid.lanes.length) return null
    const id = cellId(columnAt, grid.lanes[l] ?? null)
    const others = (layout.cells.get(id) ?? []).filter((t) => t.id !== activeId)
    const card = where === 'last' ? undefined : others[where]
    return card?.id ?? id
  }
  switch (key) {
    case KeyboardCode.Down:
      return at < list.length - 1 ? (list[at + 1]?.id ?? null) : entry(col, lane + 1, 0)
    case KeyboardCode.Up:
      return at > 0 ? (list[at - 1]?.id ?? null) : entry(col, lane - 1, 'last')
    case KeyboardCode.Right:
      return entry(col + 1, lane, Math.max(0, at))
    case KeyboardCode.Left:
      return entry(col - 1, lane, Math.max(0, at))
    default:
      return null
  }
}

/**
 * A dnd-kit coordinate getter that moves to `keyboardTarget` and records it in `target`, which
 * the collision detection then reports as "over" (no geometry guessing for keyboard drags).
 */
export function boardKeyboardCoordinates(
  read: () => { layout: Layout; grid: BoardGrid },
  target: { current: string | null },
): KeyboardCoordinateGetter {
  return (event, { active, context }) => {
    if (![KeyboardCode.Up, KeyboardCode.Down, KeyboardCode.Left, KeyboardCode.Right].includes(event.code as KeyboardCode)) return undefined
    event.preventDefault()
    const { layout, grid } = read()
    const overId = context.over ? String(context.over.id) : null
    const next = keyboardTarget(layout, grid, String(active), overId, event.code)
    const rect = next === null ? undefined : context.droppableRects.get(next)
    if (next === null || rect === undefined) return undefined
    target.current = next
    if (!isCellId(next)) return { x: rect.left, y: rect.top }
    // A cell: just below its last card, where the card will land.
    const last = (layout.cells.get(next) ?? []).filter((t) => t.id !== String(active)).at(-1)
    const lastRect = last === undefined ? undefined : context.droppableRects.get(last.id)
    return { x: rect.left + 6, y: lastRect ? lastRect.bottom + 6 : rect.top + 6 }
  }
}
