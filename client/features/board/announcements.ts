/**
 * @module What a screen reader hears while a card is dragged: the card's title and where it is,
 * in the board's own words ("Doing, under Raise activation"), never dnd-kit's raw ids.
 */
import type { Announcements, ScreenReaderInstructions } from '@dnd-kit/core'
import type { ColumnId, KeyResultId } from '../../../shared/model/index.ts'
import { parseCellId } from './cellId.ts'
import { targetCell } from './dropPlan.ts'
import type { Layout } from './dropPlan.ts'

export interface BoardNames {
  readonly columns: ReadonlyMap<ColumnId, string>
  readonly keyResults: ReadonlyMap<KeyResultId, string>
  readonly tasks: ReadonlyMap<string, string>
}

export const SCREEN_READER_INSTRUCTIONS: ScreenReaderInstructions = {
  draggable:
    'To move this task, press space to pick it up. Use the arrow keys to move it between columns and key results, space to drop it, or escape to cancel.',
}

/**
 * "Doing, under Raise activation, position 2 of 3": where the card is, or would land over `overId`
 * (before a card, at the end of a cell; within its own cell it takes the card's place).
 */
export function describePlace(layout: Layout, names: BoardNames, overId: string, activeId?: string): string {
  const cell = targetCell(layout, overId)
  if (cell === undefined) return 'no drop area'
  const { columnId, keyResultId } = parseCellId(cell)
  const column = names.columns.get(columnId) ?? 'a column'
  const lane = keyResultId === null ? 'unlinked' : `under ${names.keyResults.get(keyResultId) ?? 'a key result'}`
  if (activeId === undefined) return `${column}, ${lane}`
  const cards = layout.cells.get(cell) ?? []
  const at = cards.findIndex((t) => t.id === activeId)
  const over = cards.findIndex((t) => t.id === overId)
  const position = at >= 0 ? (over >= 0 ? over : at) : over >= 0 ? over : cards.length
  const total = at >= 0 ? cards.length : cards.length + 1
  return `${column}, ${lane}, position ${position + 1} of ${total}`
}

/** Announcements read from the latest layout and names (refs, because dnd-kit keeps the object). */
export function boardAnnouncements(layout: () => Layout, original: () => Layout, names: () => BoardNames): Announcements {
  const title = (id: string | number) => `task ${names().tasks.get(String(id)) ?? ''}`.trim()
  return {
    onDragStart: ({ active }) =>
      `Picked up ${title(active.id)}. It is in ${describePlace(original(), names(), String(active.id), String(active.id))}.`,
    onDragOver: ({ active, over }) =>
      over
        ? `${title(active.id)} is over ${describePlace(layout(), names(), String(over.id), String(active.id))}.`
        : `${title(active.id)} is no longer over a drop area.`,
    // dnd-kit announces the drop right after onDragEnd, before the move renders: the layout still
    // shows the card where it was picked up within its cell (the sortable list only translated
    // it), so the landing place is read from what it was dropped over, as planDrop reads it.
    onDragEnd: ({ active, over }) =>
      over
        ? `${title(active.id)} was dropped in ${describePlace(layout(), names(), String(over.id), String(active.id))}.`
        : `${title(active.id)} was dropped outside the board and stays where it was.`,
    onDragCancel: ({ active }) =>
      `Moving ${title(active.id)} was cancelled. It is back in ${describePlace(original(), names(), String(active.id))}.`,
  }
}
