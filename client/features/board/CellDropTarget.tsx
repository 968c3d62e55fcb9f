/**
 * @module Makes a cell a dnd-kit drop target. A separate, empty component: dnd-kit re-renders every
 * droppable whenever the drop target changes, and this way only this stub re-renders, not the cell.
 */
import { useDroppable } from '@dnd-kit/core'
import { useEffect } from 'react'
import type { RefObject } from 'react'
import type { CellId } from './cellId.ts'

export function CellDropTarget({ id, node, disabled }: { id: CellId; node: RefObject<HTMLElement | null>; disabled: boolean }) {
  const { setNodeRef } = useDroppable({ id, disabled })
  // A passive effect: it runs after the parent's ref is attached (layout effects of children run before).
  useEffect(() => {
    setNodeRef(node.current)
    return () => setNodeRef(null)
  }, [setNodeRef, node])
  return null
}
