/**
 * @module Collision detection for a board with hundreds of droppables. dnd-kit's generic detectors
 * read every droppable's rect on each pointer move (every read also reads scroll offsets) and
 * return a new array each time, which re-renders every sortable. Here: find the cell under the
 * pointer from plain copies of the cells' rects (refreshed when dnd-kit re-measures or anything
 * scrolls), then the card in that cell; and return the same array while the target is unchanged.
 * On a phone, a column switcher segment under the pointer stands for the dragged card's lane in
 * that column.
 */
import { getFirstCollision, rectIntersection } from '@dnd-kit/core'
import type { ClientRect, Collision, CollisionDetection, UniqueIdentifier } from '@dnd-kit/core'
import { cellId, isCellId, isColumnTabId, parseCellId, parseColumnTabId } from './cellId.ts'
import type { CellId, ColumnTabId } from './cellId.ts'
import type { Layout } from './dropPlan.ts'

interface Box<Id = CellId> {
  readonly id: Id
  readonly top: number
  readonly left: number
  readonly right: number
  readonly bottom: number
}

const copy = <Id>(id: Id, r: ClientRect): Box<Id> => ({ id, top: r.top, left: r.left, right: r.right, bottom: r.bottom })

/** The card of `cards` under the pointer's height, else the one whose middle is nearest to it. */
function cardAt(cards: readonly { id: string }[], rects: Map<UniqueIdentifier, ClientRect>, y: number): string | null {
  let best: string | null = null
  let bestDistance = Infinity
  for (const card of cards) {
    const r = rects.get(card.id)
    if (r === undefined) continue
    const { top, bottom } = r
    if (y >= top && y <= bottom) return card.id
    const distance = Math.abs((top + bottom) / 2 - y)
    if (distance < bestDistance) {
      best = card.id
      bestDistance = distance
    }
  }
  return best
}

export function boardCollisions(read: () => { layout: Layout; keyboardOver: string | null }): CollisionDetection {
  let measured: unknown = null
  let reference = ''
  let boxes: Box[] = []
  let tabs: Box<ColumnTabId>[] = []
  let last: Collision[] = []
  const result = (id: UniqueIdentifier): Collision[] => (last.length === 1 && last[0]?.id === id ? last : (last = [{ id }]))

  return (args) => {
    const { layout, keyboardOver } = read()
    // A keyboard move names its target itself (keyboardMoves.ts): no geometry needed.
    if (keyboardOver !== null) return result(keyboardOver)
    const pointer = args.pointerCoordinates
    if (pointer === null) {
      const hit = getFirstCollision(rectIntersection(args), 'id')
      return hit === null ? last : result(hit)
    }
    // One rect tells whether anything scrolled since the copies were made (dnd-kit's rects follow scrolling).
    const first = boxes[0] ? args.droppableRects.get(boxes[0].id) : undefined
    const now = first ? `${first.top}:${first.left}` : ''
    if (measured !== args.droppableRects || now !== reference || boxes.length === 0) {
      boxes = []
      tabs = []
      for (const container of args.droppableContainers) {
        const { id } = container
        const rect = isCellId(id) || isColumnTabId(id) ? args.droppableRects.get(id) : undefined
        if (rect === undefined) continue
        if (isCellId(id)) boxes.push(copy(id, rect))
        else if (isColumnTabId(id)) tabs.push(copy(id, rect))
      }
      measured = args.droppableRects
      const again = boxes[0] ? args.droppableRects.get(boxes[0].id) : undefined
      reference = again ? `${again.top}:${again.left}` : ''
    }
    const inside = (b: Box<unknown>) => pointer.x >= b.left && pointer.x <= b.right && pointer.y >= b.top && pointer.y <= b.bottom
    const tab = tabs.find(inside)
    const from = tab === undefined ? undefined : layout.where(String(args.active.id))
    if (tab !== undefined && from !== undefined) return result(cellId(parseColumnTabId(tab.id), parseCellId(from).keyResultId))
    const cell = boxes.find(inside)
    // Between cells (a lane header, a gap): stay where we were, so the preview does not flicker.
    if (cell === undefined) return last
    const card = cardAt(layout.cells.get(cell.id) ?? [], args.droppableRects, pointer.y)
    return result(card ?? cell.id)
  }
}
