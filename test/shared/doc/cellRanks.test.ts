import { describe, expect, it } from 'vitest'
import { boardCell, createTask, moveTask, snapshot } from '../../../shared/doc/index.ts'
import type { ColumnId, TaskId } from '../../../shared/model/index.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

const TODO = 'todo' as ColumnId

describe('cellRanks (the ranks a drop places a card among)', () => {
  it('gives the same ranks from the snapshot cache (a browser) as from the Y.Maps (the server)', () => {
    const cached = buildWorkspace()
    const plain = buildWorkspace()
    snapshot(cached.s.doc)
    const moves = (w: ReturnType<typeof buildWorkspace>): string[] => {
      const ids: TaskId[] = []
      for (let i = 0; i < 6; i++) ids.push(createTask(w.s, { title: `T${i}`, columnId: TODO, keyResultId: w.krA, index: i % 3 }))
      moveTask(w.s, { taskId: ids[5]!, columnId: TODO, keyResultId: w.krA, index: 0 })
      moveTask(w.s, { taskId: ids[0]!, columnId: 'doing', keyResultId: w.krA, index: 0 })
      moveTask(w.s, { taskId: ids[2]!, columnId: TODO, keyResultId: w.krB, index: 0 })
      moveTask(w.s, { taskId: ids[3]!, columnId: TODO, keyResultId: w.krA, index: 3 })
      return boardCell(snapshot(w.s.doc), w.cycleId, TODO, w.krA).map((t) => `${t.title}@${t.placement.rank}`)
    }
    expect(moves(cached)).toEqual(moves(plain))
  })

  it('sees the cards added earlier in the same transaction (a template fills a cell in one)', () => {
    const { s, krA, cycleId } = buildWorkspace()
    snapshot(s.doc)
    s.doc.transact(() => {
      for (const title of ['One', 'Two', 'Three']) createTask(s, { title, columnId: TODO, keyResultId: krA })
    }, s.origin)
    const cell = boardCell(snapshot(s.doc), cycleId, TODO, krA)
    expect(cell.map((t) => t.title)).toEqual(['One', 'Two', 'Three'])
    expect(new Set(cell.map((t) => t.placement.rank)).size).toBe(3)
  })
})
