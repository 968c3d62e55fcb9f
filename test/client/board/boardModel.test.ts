/** The board model: lanes, cells and stalls computed in one pass from a snapshot. */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { createTask, deleteKeyResult, initWorkspace, moveTask, openSession, snapshot } from '../../../shared/doc/index.ts'
import type { Cycle, CycleId } from '../../../shared/model/index.ts'
import { buildBoardModel } from '../../../client/features/board/boardModel.ts'
import type { BoardModel } from '../../../client/features/board/boardModel.ts'
import { cellId, parseCellId } from '../../../client/features/board/cellId.ts'
import { shareCells } from '../../../client/features/board/useBoardModel.ts'
import { INITIAL_VIEW } from '../../../client/hooks/useView.ts'
import type { Filters } from '../../../client/hooks/useView.ts'
import { NOW, seedBoard } from './seedBoard.ts'

const NO_FILTERS = INITIAL_VIEW.filters

function board(filters: Filters = NO_FILTERS) {
  const doc = new Y.Doc()
  // A clock that ticks on every command, so records have a creation order.
  let t = NOW - 20 * 86_400_000
  const s = openSession(doc, { now: () => (t += 1000) })
  initWorkspace(s, { name: 'Acme' })
  seedBoard(s)
  const model = () => buildBoardModel(snapshot(doc), snapshot(doc).cycles.get('cy' as CycleId) as Cycle, filters, NOW)
  return { doc, s, model }
}

const titles = (m: BoardModel) => m.groups.map((g) => [g.objective.title, g.lanes.map((l) => l.keyResult?.title)])
const cell = (m: BoardModel, column: string, kr: string | null) =>
  (m.cells.get(cellId(column as never, kr as never)) ?? []).map((t) => t.title)

describe('board model', () => {
  it('groups lanes under objectives, company then team then individual, KRs in creation order', () => {
    expect(titles(board().model())).toEqual([
      ['Become the tool teams love', ['Grow weekly active teams']],
      ['Turn trials into teams', ['Raise activation', 'Cut onboarding time']],
      ['Make sync bulletproof', ['Cut latency']],
    ])
  })

  it('has no score for an objective without key results (O2: empty), so the header can say "no KRs yet"', () => {
    const { s, model } = board()
    const group = () => model().groups.find((g) => g.objective.title === 'Make sync bulletproof')!
    expect(group().score).not.toBeNull()
    deleteKeyResult(s, 'kr-latency' as never, 'rethinking it')
    expect(group().score).toBeNull()
    expect(group().lanes).toEqual([])
  })

  it('fills each cell in rank order in one pass, and counts cards per column', () => {
    const { s, model } = board()
    createTask(s, { id: 'tk-first', title: 'Goes first', columnId: 'todo', keyResultId: 'kr-activation', index: 0 })
    const m = model()
    expect(cell(m, 'todo', 'kr-activation')).toEqual(['Goes first', 'Email nudges', 'Product tour'])
    expect(cell(m, 'doing', 'kr-activation')).toEqual(['A/B test pricing'])
    expect(cell(m, 'done', 'kr-onboarding')).toEqual(['Template gallery'])
    expect(m.columnCounts.get('todo' as never)).toBe(4)
    expect(m.cellOf.get('tk-ab' as never)).toBe('cell:doing:kr-activation')
    expect(m.columns.map((c) => c.name)).toEqual(['To do', 'Doing', 'Blocked', 'Done'])
  })

  it('shows tasks without a key result, and those of a deleted KR, in the unlinked lane', () => {
    const { s, model } = board()
    expect(cell(model(), 'todo', null)).toEqual(['Tidy the backlog'])
    deleteKeyResult(s, 'kr-onboarding' as never, 'merged into activation')
    const m = model()
    expect(cell(m, 'done', null)).toEqual(['Template gallery'])
    expect(m.unlinked.keyResult).toBeNull()
    expect(m.unlinked.tasksTotal).toBe(2)
    expect(titles(m)[1]).toEqual(['Turn trials into teams', ['Raise activation']])
  })

  it('filters by level, by team and by owner (the objective, or only the KRs the person owns)', () => {
    expect(titles(board({ ...NO_FILTERS, level: 'team' }).model())).toEqual([['Turn trials into teams', ['Raise activation', 'Cut onboarding time']]])
    expect(titles(board({ ...NO_FILTERS, teamId: 't-growth' as never }).model()).map(([o]) => o)).toEqual(['Turn trials into teams'])
    const maya = board({ ...NO_FILTERS, ownerId: 'p-maya' as never }).model()
    expect(titles(maya)).toEqual([
      ['Become the tool teams love', ['Grow weekly active teams']],
      ['Turn trials into teams', ['Cut onboarding time']],
    ])
    expect(maya.hiddenObjectives).toBe(1)
  })

  it('scores an objective over all its KRs and gives lanes progress, pace and stall summaries', () => {
    const m = board().model()
    const team = m.groups[1]!
    expect(team.lanes[0]).toMatchObject({ progress: 0, current: null, stallSeverity: 'critical' })
    expect(team.lanes[0]!.stallText).toMatch(/no check-in/)
    expect(team.expected).toBeCloseTo(0.5, 1)
    // The overdue card is flagged (S7) once, as a summary the card shows as is.
    expect(m.taskStalls.get('tk-ab' as never)).toMatchObject({ severity: 'warning' })
    expect(m.taskStalls.get('tk-ab' as never)!.text).toMatch(/past its due date/)
  })

  it('keeps the arrays of cells whose cards did not change, so their cells skip rendering', () => {
    const { s, model } = board()
    const before = model()
    moveTask(s, { taskId: 'tk-email', columnId: 'doing', keyResultId: 'kr-activation', index: 1 })
    const after = { ...model(), cells: shareCells(before.cells, model().cells) }
    expect(after.cells.get(cellId('done' as never, 'kr-onboarding' as never))).toBe(before.cells.get(cellId('done' as never, 'kr-onboarding' as never)))
    expect(after.cells.get(cellId('todo' as never, 'kr-activation' as never))).not.toBe(before.cells.get(cellId('todo' as never, 'kr-activation' as never)))
    expect(cell(after, 'doing', 'kr-activation')).toEqual(['A/B test pricing', 'Email nudges'])
  })

  it('encodes a cell as one droppable id and reads it back', () => {
    expect(parseCellId(cellId('doing' as never, 'kr-1' as never))).toEqual({ columnId: 'doing', keyResultId: 'kr-1' })
    expect(parseCellId(cellId('doing' as never, null))).toEqual({ columnId: 'doing', keyResultId: null })
  })
})
