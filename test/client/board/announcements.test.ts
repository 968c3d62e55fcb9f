/** What a screen reader hears when a card is dropped: the place it landed, as the move places it. */
import { describe, expect, it } from 'vitest'
import type { Active, Over } from '@dnd-kit/core'
import type { Task, TaskId } from '../../../shared/model/index.ts'
import { boardAnnouncements } from '../../../client/features/board/announcements.ts'
import type { BoardNames } from '../../../client/features/board/announcements.ts'
import { cellId } from '../../../client/features/board/cellId.ts'
import type { CellId } from '../../../client/features/board/cellId.ts'
import { applyPreview, layoutOf, planDrop } from '../../../client/features/board/dropPlan.ts'
import type { Layout } from '../../../client/features/board/dropPlan.ts'

const task = (id: string) => ({ id }) as unknown as Task
const TODO = cellId('todo' as never, 'kr-a' as never)
const DOING = cellId('doing' as never, 'kr-a' as never)

/** To do: a b c; Doing: x y. */
function base(): Layout {
  const cells = new Map<CellId, readonly Task[]>([
    [TODO, ['a', 'b', 'c'].map(task)],
    [DOING, ['x', 'y'].map(task)],
  ])
  const cellOf = new Map<TaskId, CellId>()
  for (const [id, list] of cells) for (const t of list) cellOf.set(t.id, id)
  return layoutOf(cells, cellOf)
}

const names: BoardNames = {
  columns: new Map([['todo', 'To do'], ['doing', 'Doing']]) as never,
  keyResults: new Map([['kr-a', 'Raise activation']]) as never,
  tasks: new Map([['a', 'Email nudges']]),
}

const dropped = (layout: Layout, activeId: string, overId: string) =>
  boardAnnouncements(() => layout, base, () => names).onDragEnd({ active: { id: activeId } as Active, over: { id: overId } as Over }) as string

describe('drop announcement', () => {
  it('says "position 2 of 3" for a card moved down one place by keyboard, where it lands', () => {
    // Space, Down, Space: the card is over "b" (the sortable list shows it below b), the layout
    // still lists it first, and the move puts it second.
    const layout = base()
    expect(planDrop(layout, base(), 'a' as TaskId, 'b', false)).toMatchObject({ columnId: 'todo', index: 1 })
    expect(dropped(layout, 'a', 'b')).toBe('task Email nudges was dropped in To do, under Raise activation, position 2 of 3.')
  })

  it('names the same position the move lands at, for every card dropped over every card or cell', () => {
    // As dragged: any card in the board as it is, and "a" previewed in Doing (only the dragged card moves).
    const shown = [{ layout: base(), actives: ['a', 'b', 'x'] }, { layout: applyPreview(base(), { taskId: 'a' as TaskId, to: DOING, index: 1 }), actives: ['a'] }]
    for (const { layout, actives } of shown) {
      for (const active of actives) {
        for (const over of ['a', 'b', 'c', 'x', 'y', TODO, DOING]) {
          const cell = layout.where(over) ?? (over as CellId)
          if (cell !== layout.where(active)) continue // across cells, onDragOver previews first
          const plan = planDrop(layout, base(), active as TaskId, over, false)
          const list = layout.cells.get(cell) ?? []
          // No move: the card stays at its place in the layout.
          const expected = plan === null ? list.findIndex((t) => t.id === active) + 1 : plan.index + 1
          expect(dropped(layout, active, over), `${active} over ${over}`).toContain(`position ${expected} of ${list.length}.`)
        }
      }
    }
  })
})
