/**
 * @module Where a dragged card lands, as pure functions over a layout (cells and where each card
 * sits). While dragging, a card over another cell is shown there (a "preview") so that cell's cards
 * make room; on drop the final place becomes ONE moveTask input.
 */
import type { MoveTaskInput } from '../../../shared/doc/index.ts'
import type { Task, TaskId } from '../../../shared/model/index.ts'
import { isCellId, parseCellId } from './cellId.ts'
import type { CellId } from './cellId.ts'

export interface Layout {
  readonly cells: ReadonlyMap<CellId, readonly Task[]>
  /** The cell a card sits in, in this layout. */
  where(taskId: string): CellId | undefined
}

/** The dragged card shown in another cell than its own, at `index` among that cell's cards. */
export interface Preview {
  readonly taskId: TaskId
  readonly to: CellId
  readonly index: number
}

const NONE: readonly Task[] = []

export function layoutOf(cells: ReadonlyMap<CellId, readonly Task[]>, cellOf: ReadonlyMap<TaskId, CellId>): Layout {
  return { cells, where: (id) => cellOf.get(id as TaskId) }
}

/** The cell under `overId`: the droppable cell itself, or the cell of the card it names. */
export function targetCell(layout: Layout, overId: string): CellId | undefined {
  return isCellId(overId) ? overId : layout.where(overId)
}

/** `base` with the dragged card moved to the preview's cell; other cells keep their arrays. */
export function applyPreview(base: Layout, preview: Preview): Layout {
  const from = base.where(preview.taskId)
  const task = from === undefined ? undefined : base.cells.get(from)?.find((t) => t.id === preview.taskId)
  if (from === undefined || task === undefined) return base
  const cells = new Map(base.cells)
  cells.set(from, (cells.get(from) ?? NONE).filter((t) => t !== task))
  const rest = (cells.get(preview.to) ?? NONE).filter((t) => t !== task)
  const at = Math.max(0, Math.min(preview.index, rest.length))
  cells.set(preview.to, [...rest.slice(0, at), task, ...rest.slice(at)])
  return { cells, where: (id) => (id === preview.taskId ? preview.to : base.where(id)) }
}

/**
 * The preview for a card dragged over `overId`, or null when it is over its own cell (sorting in
 * a cell is SortableContext's job). Over a card: before it, or after it when `below` (the dragged
 * card's middle is below that card's middle). Over a cell: at its end.
 */
export function planOver(layout: Layout, activeId: TaskId, overId: string, below: boolean): Preview | null {
  const to = targetCell(layout, overId)
  const from = layout.where(activeId)
  if (to === undefined || from === undefined || to === from) return null
  const list = layout.cells.get(to) ?? NONE
  const i = isCellId(overId) ? -1 : list.findIndex((t) => t.id === overId)
  return { taskId: activeId, to, index: i < 0 ? list.length : i + (below ? 1 : 0) }
}

/**
 * The one move a drop makes, or null when the card ends where it started. `index` is the position
 * among the OTHER cards of the target cell, which is what moveTask expects. Over a card of the
 * cell the card is (previewed) in, the card takes that card's place (arrayMove semantics).
 */
export function planDrop(layout: Layout, original: Layout, activeId: TaskId, overId: string, below: boolean): MoveTaskInput | null {
  const to = targetCell(layout, overId)
  if (to === undefined) return null
  const list = layout.cells.get(to) ?? NONE
  const others = list.filter((t) => t.id !== activeId)
  const at = list.findIndex((t) => t.id === activeId)
  let index: number
  if (isCellId(overId) || overId === activeId) index = at >= 0 ? at : others.length
  else if (at >= 0) index = list.findIndex((t) => t.id === overId)
  else index = others.findIndex((t) => t.id === overId) + (below ? 1 : 0)
  if (index < 0) index = others.length

  const from = original.where(activeId)
  const fromIndex = from === undefined ? -1 : (original.cells.get(from) ?? NONE).findIndex((t) => t.id === activeId)
  if (from === to && fromIndex === index) return null
  const { columnId, keyResultId } = parseCellId(to)
  return { taskId: activeId, columnId, keyResultId, index }
}
