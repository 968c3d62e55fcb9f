/**
 * @module Drag and drop for the board: sensors (pointer, touch, keyboard), a collision rule that
 * prefers the card under the pointer, the cross-cell preview, screen-reader announcements, my
 * "dragging" presence, and ONE moveTask per drop (a refused move is reported, never thrown).
 */
import { KeyboardSensor, PointerSensor, TouchSensor, useSensor, useSensors } from '@dnd-kit/core'
import type { DndContextProps, DragEndEvent, DragOverEvent } from '@dnd-kit/core'
import { useMemo, useRef, useState } from 'react'
import { moveTask } from '../../../shared/doc/index.ts'
import type { Task, TaskId } from '../../../shared/model/index.ts'
import type { Workspace } from '../../sync/openWorkspace.ts'
import { SCREEN_READER_INSTRUCTIONS, boardAnnouncements } from './announcements.ts'
import type { BoardNames } from './announcements.ts'
import type { BoardModel } from './boardModel.ts'
import type { CellId } from './cellId.ts'
import { boardCollisions } from './boardCollisions.ts'
import { applyPreview, layoutOf, planDrop, planOver } from './dropPlan.ts'
import type { Layout, Preview } from './dropPlan.ts'
import { boardKeyboardCoordinates } from './keyboardMoves.ts'
import type { BoardGrid } from './keyboardMoves.ts'

const EMPTY: Layout = { cells: new Map(), where: () => undefined }
const NO_GRID: BoardGrid = { lanes: [], columns: [] }

function gridOf(model: BoardModel | null): BoardGrid {
  if (model === null) return NO_GRID
  const lanes = model.groups.flatMap((g) => g.lanes.map((l) => l.keyResult?.id ?? null))
  return { lanes: [...lanes, null], columns: model.columns.map((c) => c.id) }
}
/**
 * The pointer sensor for mouse and pen only: a finger is the touch sensor's, else 5 px of a swipe
 * would start a drag before the browser took the swipe as a scroll.
 */
class MouseSensor extends PointerSensor {
  static override activators: (typeof PointerSensor)['activators'] = [
    {
      eventName: 'onPointerDown',
      handler: ({ nativeEvent: event }, { onActivation }) => {
        if (!event.isPrimary || event.button !== 0 || event.pointerType === 'touch') return false
        onActivation?.({ event })
        return true
      },
    },
  ]
}
// A few pixels of travel before a drag starts, so clicks on a card's buttons still work; on touch,
// a press held still for a quarter second, so a swipe scrolls the board and never drags.
const POINTER = { activationConstraint: { distance: 5 } }
const TOUCH = { activationConstraint: { delay: 250, tolerance: 8 } }
/** Space lifts and drops; Enter is left to the card (it edits the title). */
const KEYS = { start: ['Space'], cancel: ['Escape'], end: ['Space', 'Enter'] }

/** Is the dragged card's middle below the middle of what it is over? */
function isBelow(event: DragOverEvent | DragEndEvent): boolean {
  const rect = event.active.rect.current.translated
  const over = event.over?.rect
  return rect !== null && over !== undefined && rect.top + rect.height / 2 > over.top + over.height / 2
}

export interface BoardDnd {
  readonly contextProps: DndContextProps
  /** The cells as shown: with the dragged card in the cell it is over. */
  readonly cells: Layout['cells']
  readonly activeTask: Task | null
  /** The cell the dragged card shows in now; undefined when nothing is dragged. */
  readonly dragCell: CellId | undefined
}

export function useBoardDnd(model: BoardModel | null, names: BoardNames, ws: Workspace, report: (err: unknown) => void): BoardDnd {
  const [activeId, setActiveId] = useState<TaskId | null>(null)
  const [preview, setPreview] = useState<Preview | null>(null)
  const base = useMemo(() => (model ? layoutOf(model.cells, model.cellOf) : EMPTY), [model])
  const layout = useMemo(() => (preview ? applyPreview(base, preview) : base), [base, preview])
  const grid = useMemo(() => gridOf(model), [model])
  // dnd-kit keeps its callbacks between renders: they read the latest values through refs.
  const latest = useRef({ base, layout, grid, names, report })
  latest.current = { base, layout, grid, names, report }
  /** Where the keyboard moved the card: a keyboard drag's "over", decided by the grid, not geometry. */
  const keyboardOver = useRef<string | null>(null)

  const keyboardOptions = useMemo(
    () => ({ coordinateGetter: boardKeyboardCoordinates(() => latest.current, keyboardOver), keyboardCodes: KEYS }),
    [],
  )
  const sensors = useSensors(
    useSensor(MouseSensor, POINTER),
    useSensor(TouchSensor, TOUCH),
    useSensor(KeyboardSensor, keyboardOptions),
  )

  const contextProps = useMemo((): DndContextProps => {
    const collisionDetection = boardCollisions(() => ({ layout: latest.current.layout, keyboardOver: keyboardOver.current }))
    const finish = () => {
      setActiveId(null)
      setPreview(null)
      keyboardOver.current = null
      ws.presence.setActivity(null)
    }
    return {
      sensors,
      collisionDetection,
      accessibility: {
        announcements: boardAnnouncements(() => latest.current.layout, () => latest.current.base, () => latest.current.names),
        screenReaderInstructions: SCREEN_READER_INSTRUCTIONS,
      },
      onDragStart: ({ active }) => {
        keyboardOver.current = null
        setActiveId(active.id as TaskId)
        ws.presence.setActivity({ kind: 'dragging', taskId: String(active.id) })
      },
      onDragOver: (event) => {
        if (!event.over) return
        // A keyboard move names its target card: the card goes before it, whatever the rects say.
        const below = keyboardOver.current === null && isBelow(event)
        const next = planOver(latest.current.layout, event.active.id as TaskId, String(event.over.id), below)
        if (next === null) return
        // Once shown in the new cell, a keyboard-moved card is "over" itself: otherwise sorting
        // would swap it past the card it was placed before.
        if (keyboardOver.current !== null) keyboardOver.current = String(event.active.id)
        setPreview(next)
      },
      onDragEnd: (event) => {
        const { layout: shown, base: original, report: fail } = latest.current
        const below = keyboardOver.current === null && isBelow(event)
        const plan = event.over ? planDrop(shown, original, event.active.id as TaskId, String(event.over.id), below) : null
        // Move first, then clear the preview: both land in one render, so the card never flickers back.
        if (plan !== null) {
          try {
            moveTask(ws.session, plan)
          } catch (err) {
            fail(err)
          }
        }
        finish()
      },
      onDragCancel: finish,
    }
  }, [sensors, ws])

  const activeTask = useMemo(() => {
    if (activeId === null) return null
    const cell = base.where(activeId)
    return (cell && base.cells.get(cell)?.find((t) => t.id === activeId)) || null
  }, [activeId, base])

  const dragCell = activeId === null ? undefined : layout.where(activeId)
  return { contextProps, cells: layout.cells, activeTask, dragCell }
}
