/**
 * @module Collision detection for a board with hundreds of droppables. dnd-kit's generic detectors
 * read every droppable's rect on each pointer move (every read also reads scroll offsets) and
 * return a new array each time, which re-renders every sortable. Here: find the cell under the
 * pointer from plain copies of the cells' rects (refreshed when dnd-kit re-measures or anything
 * scrolls), then the card in that cell; and return the same array while the target is unchanged.
 */
import { getFirstCollision, rectIntersection } from '@dnd-kit/core'
import type { ClientRect, Collision, CollisionDetection, UniqueIdentifier } from '@dnd-kit/core'
import { isCellId } from './cellId.ts'
import type { CellId } from './cellId.ts'
import type { Layout } from './dropPlan.ts'

interface Box {
  readonly id: CellId
  readonly top: number
  readonly left: number
  readonly right: number
  readonly bottom: number
}

const copy = (id: CellId, r: ClientRect): Box => ({ id, top: r.top, left: r.left, right: r.right, bottom: r.bottom })

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
      for (const container of args.droppableContainers) {
        const rect = isCellId(container.id) ? args.droppableRects.get(container.id) : undefined
        if (rect !== undefined) boxes.push(copy(container.id as CellId, rect))
      }
      measured = args.droppableRects
      const again = boxes[0] ? args.droppableRects.get(boxes[0].id) : undefined
      reference = again ? `${again.top}:${again.left}` : ''
    }
    const cell = boxes.find((b) => pointer.x >= b.left && pointer.x <= b.right && pointer.y >= b.top && pointer.y <= b.bottom)
    // Between cells (a lane header, a gap): stay where we were, so the preview does not flicker.
    if (cell === undefined) return last
    const card = cardAt(layout.cells.get(cell.id) ?? [], args.droppableRects, pointer.y)
    return result(card ?? cell.id)
  }
}
