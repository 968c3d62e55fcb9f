/** Where a dropped card lands: ONE moveTask input with the index among the target cell's other cards. */
import { describe, expect, it } from 'vitest'
import type { Task, TaskId } from '../../../shared/model/index.ts'
import { describePlace } from '../../../client/features/board/announcements.ts'
import { cellId } from '../../../client/features/board/cellId.ts'
import type { CellId } from '../../../client/features/board/cellId.ts'
import { applyPreview, layoutOf, planDrop, planOver } from '../../../client/features/board/dropPlan.ts'
import { keyboardTarget } from '../../../client/features/board/keyboardMoves.ts'

const task = (id: string) => ({ id }) as unknown as Task
const TODO = cellId('todo' as never, 'kr-a' as never)
const DOING = cellId('doing' as never, 'kr-a' as never)
const DOING_B = cellId('doing' as never, 'kr-b' as never)
const UNLINKED = cellId('todo' as never, null)

/** To do: a b c; Doing: x y; Doing under kr-b: empty; unlinked To do: u. */
function base() {
  const cells = new Map<CellId, readonly Task[]>([
    [TODO, ['a', 'b', 'c'].map(task)],
    [DOING, ['x', 'y'].map(task)],
    [UNLINKED, [task('u')]],
  ])
  const cellOf = new Map<TaskId, CellId>()
  for (const [id, list] of cells) for (const t of list) cellOf.set(t.id, id)
  return layoutOf(cells, cellOf)
}
const ids = (layout: ReturnType<typeof base>, cell: CellId) => (layout.cells.get(cell) ?? []).map((t) => t.id)

describe('drop plan', () => {
  it('moves a card onto a card of another column: before it, or after it when dropped below its middle', () => {
    const b = base()
    expect(planDrop(b, b, 'a' as TaskId, 'y', false)).toEqual({ taskId: 'a', columnId: 'doing', keyResultId: 'kr-a', index: 1 })
    expect(planDrop(b, b, 'a' as TaskId, 'y', true)).toEqual({ taskId: 'a', columnId: 'doing', keyResultId: 'kr-a', index: 2 })
  })

  it('drops on an empty cell of another lane, or at the end of a cell, and unlinks with keyResultId null', () => {
    const b = base()
    expect(planDrop(b, b, 'a' as TaskId, DOING_B, false)).toEqual({ taskId: 'a', columnId: 'doing', keyResultId: 'kr-b', index: 0 })
    expect(planDrop(b, b, 'a' as TaskId, DOING, false)).toMatchObject({ index: 2 })
    expect(planDrop(b, b, 'x' as TaskId, UNLINKED, false)).toEqual({ taskId: 'x', columnId: 'todo', keyResultId: null, index: 1 })
  })

  it('reorders within a cell the way the sortable list shows it (the card takes the place of the one it is over)', () => {
    const b = base()
    expect(planDrop(b, b, 'a' as TaskId, 'c', false)).toMatchObject({ columnId: 'todo', index: 2 })
    expect(planDrop(b, b, 'c' as TaskId, 'a', false)).toMatchObject({ columnId: 'todo', index: 0 })
  })

  it('makes no move when the card ends where it started', () => {
    const b = base()
    expect(planDrop(b, b, 'b' as TaskId, 'b', false)).toBeNull()
    expect(planDrop(b, b, 'b' as TaskId, TODO, false)).toBeNull()
  })

  it('previews a card in the cell it is dragged over, and drops it where the preview shows it', () => {
    const b = base()
    const preview = planOver(b, 'a' as TaskId, 'x', true)
    expect(preview).toEqual({ taskId: 'a', to: DOING, index: 1 })
    const shown = applyPreview(b, preview!)
    expect(ids(shown, TODO)).toEqual(['b', 'c'])
    expect(ids(shown, DOING)).toEqual(['x', 'a', 'y'])
    expect(shown.cells.get(UNLINKED)).toBe(b.cells.get(UNLINKED))
    expect(planOver(shown, 'a' as TaskId, 'y', false)).toBeNull()
    expect(planDrop(shown, b, 'a' as TaskId, 'a', false)).toEqual({ taskId: 'a', columnId: 'doing', keyResultId: 'kr-a', index: 1 })
  })

  it('names the place for screen readers: column, key result and position', () => {
    const names = { columns: new Map([['todo', 'To do'], ['doing', 'Doing']]), keyResults: new Map([['kr-a', 'Raise activation']]), tasks: new Map() } as never
    expect(describePlace(base(), names, 'x', 'a')).toBe('Doing, under Raise activation, position 1 of 3')
    expect(describePlace(base(), names, 'a', 'a')).toBe('To do, under Raise activation, position 1 of 3')
    expect(describePlace(base(), names, 'u')).toBe('To do, unlinked')
  })
})

describe('keyboard moves', () => {
  const grid = { lanes: ['kr-a', 'kr-b', null], columns: ['todo', 'doing'] } as never
  it('moves down within a cell, then on to the lane below; right to the same lane in the next column', () => {
    const b = base()
    expect(keyboardTarget(b, grid, 'a', 'a', 'ArrowDown')).toBe('b')
    expect(keyboardTarget(b, grid, 'a', 'c', 'ArrowDown')).toBe(cellId('todo' as never, 'kr-b' as never))
    expect(keyboardTarget(b, grid, 'b', 'b', 'ArrowRight')).toBe('y')
    expect(keyboardTarget(b, grid, 'c', 'c', 'ArrowRight')).toBe(DOING)
    expect(keyboardTarget(b, grid, 'x', 'x', 'ArrowUp')).toBeNull()
    expect(keyboardTarget(b, grid, 'x', 'x', 'ArrowLeft')).toBe('a')
    expect(keyboardTarget(b, grid, 'a', 'a', 'ArrowLeft')).toBeNull()
  })
})
