import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  CommandErrorCode,
  addComment,
  checkIn,
  closeCycle,
  createColumn,
  createCycle,
  createKeyResult,
  createObjective,
  createTask,
  deleteColumn,
  deleteKeyResult,
  deleteObjective,
  initWorkspace,
  moveColumn,
  moveTask,
  publishCycle,
  scoreKeyResult,
  snapshot,
  sortedColumns,
  boardCell,
  updateCycle,
  updateKeyResult,
  updateObjective,
  updateSettings,
  updateTask,
} from '../../../shared/doc/index.ts'
import type { ColumnId } from '../../../shared/model/index.ts'
import { ColumnKind, CycleStatus } from '../../../shared/model/index.ts'
import { buildWorkspace, expectRefused } from '../../helpers/workspace.ts'

const DAY = 86_400_000

describe('workspace setup', () => {
  it('creates the four default columns once, however often it runs', () => {
    const { s } = buildWorkspace()
    initWorkspace(s, { name: 'Again' })
    const snap = snapshot(s.doc)
    expect(sortedColumns(snap).map((c) => c.kind)).toEqual([
      ColumnKind.Todo,
      ColumnKind.Doing,
      ColumnKind.Blocked,
      ColumnKind.Done,
    ])
    expect(snap.settings.name).toBe('Acme')
  })

  it('keeps pace thresholds in order', () => {
    const { s } = buildWorkspace()
    expectRefused(s.doc, CommandErrorCode.Invalid, () => updateSettings(s, { paceAtRisk: 0.96 }))
    updateSettings(s, { checkInDays: 14 })
    expect(snapshot(s.doc).settings.stall.checkInDays).toBe(14)
  })
})

describe('commands', () => {
  it('each command is one transaction carrying the session origin', () => {
    const { s, krA } = buildWorkspace()
    const origins: unknown[] = []
    s.doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    createTask(s, { title: 'Write the welcome mail', columnId: 'todo', keyResultId: krA })
    expect(origins).toEqual([s.origin])
  })

  it('returns plain frozen values with unchanged records keeping their identity', () => {
    const { s, krA } = buildWorkspace()
    const t1 = createTask(s, { title: 'One', columnId: 'todo', keyResultId: krA })
    const t2 = createTask(s, { title: 'Two', columnId: 'todo', keyResultId: krA })
    const before = snapshot(s.doc)
    expect(snapshot(s.doc)).toBe(before)
    expect(Object.isFrozen(before.tasks.get(t1))).toBe(true)
    moveTask(s, { taskId: t1, columnId: 'doing', keyResultId: krA, index: 0 })
    const after = snapshot(s.doc)
    expect(after).not.toBe(before)
    expect(after.tasks.get(t2)).toBe(before.tasks.get(t2))
    expect(after.tasks.get(t1)).not.toBe(before.tasks.get(t1))
    expect(after.objectives).toBe(before.objectives)
    expect(after.tasks.get(t1)?.placement.columnId).toBe('doing')
  })

  it('orders cards by the index they were dropped at', () => {
    const { s, krA, cycleId } = buildWorkspace()
    const a = createTask(s, { title: 'A', columnId: 'todo', keyResultId: krA })
    const b = createTask(s, { title: 'B', columnId: 'todo', keyResultId: krA })
    const c = createTask(s, { title: 'C', columnId: 'todo', keyResultId: krA, index: 0 })
    const order = () => boardCell(snapshot(s.doc), cycleId, 'todo' as ColumnId, krA).map((t) => t.title)
    expect(order()).toEqual(['C', 'A', 'B'])
    moveTask(s, { taskId: c, columnId: 'todo', keyResultId: krA, index: 2 })
    expect(order()).toEqual(['A', 'B', 'C'])
    moveTask(s, { taskId: b, columnId: 'todo', keyResultId: krA, index: 0 })
    expect(order()).toEqual(['B', 'A', 'C'])
    expect(a).toBeTruthy()
  })

  it('only a move between cells ages a card; renaming or reordering does not', () => {
    const { s, krA, clock } = buildWorkspace()
    const id = createTask(s, { title: 'Draft FAQ', columnId: 'todo', keyResultId: krA })
    const created = snapshot(s.doc).tasks.get(id)?.movedAt
    clock.advance(3 * DAY)
    updateTask(s, id, { title: 'Draft the FAQ page' })
    moveTask(s, { taskId: id, columnId: 'todo', keyResultId: krA, index: 0 })
    expect(snapshot(s.doc).tasks.get(id)?.movedAt).toBe(created)
    moveTask(s, { taskId: id, columnId: 'doing', keyResultId: krA, index: 0 })
    expect(snapshot(s.doc).tasks.get(id)?.movedAt).toBe(created! + 3 * DAY)
  })

  it('refuses unknown ids and bad values, changing nothing', () => {
    const { s, krA, objectiveId } = buildWorkspace()
    expectRefused(s.doc, CommandErrorCode.NotFound, () =>
      createTask(s, { title: 'x', columnId: 'nope', keyResultId: krA }),
    )
    expectRefused(s.doc, CommandErrorCode.NotFound, () =>
      createKeyResult(s, { objectiveId: 'missing', title: 'x' }),
    )
    expectRefused(s.doc, CommandErrorCode.Invalid, () =>
      createKeyResult(s, { objectiveId, title: 'x', weight: -1 }),
    )
    expectRefused(s.doc, CommandErrorCode.Invalid, () => updateKeyResult(s, krA, { weight: -0.5 }))
    expectRefused(s.doc, CommandErrorCode.Invalid, () =>
      createKeyResult(s, { objectiveId, title: 'x', kind: 'range', rangeLow: 9, rangeHigh: 3 }),
    )
    expectRefused(s.doc, CommandErrorCode.Invalid, () => createObjective(s, { cycleId: 'x', title: '  ' }))
    expectRefused(s.doc, CommandErrorCode.Invalid, () => checkIn(s, { keyResultId: krA, value: NaN, confidence: 5 }))
    expectRefused(s.doc, CommandErrorCode.Invalid, () => checkIn(s, { keyResultId: krA, value: 1, confidence: 11 }))
    expectRefused(s.doc, CommandErrorCode.Invalid, () =>
      createCycle(s, { name: 'Bad', startDate: '2026-04-01', endDate: '2026-03-01' }),
    )
    expectRefused(s.doc, CommandErrorCode.Invalid, () =>
      updateObjective(s, objectiveId, { title: 'x', evil: 1 } as never),
    )
  })

  it('refuses an alignment cycle such as A under B under A', () => {
    const { s, cycleId, objectiveId: a, krA } = buildWorkspace()
    const b = createObjective(s, { cycleId, title: 'B', alignment: { kind: 'objective', id: a } })
    const c = createObjective(s, { cycleId, title: 'C', alignment: { kind: 'keyResult', id: krA } })
    expectRefused(s.doc, CommandErrorCode.AlignmentCycle, () =>
      updateObjective(s, a, { alignment: { kind: 'objective', id: b } }),
    )
    expectRefused(s.doc, CommandErrorCode.AlignmentCycle, () =>
      updateObjective(s, a, { alignment: { kind: 'objective', id: c } }),
    )
    expectRefused(s.doc, CommandErrorCode.AlignmentCycle, () =>
      updateObjective(s, a, { alignment: { kind: 'keyResult', id: krA } }),
    )
  })

  it('refuses a task under a key result of another cycle', () => {
    const { s, krA } = buildWorkspace()
    const q2 = createCycle(s, { name: 'Q2', startDate: '2026-04-01', endDate: '2026-06-30' })
    const o2 = createObjective(s, { cycleId: q2, title: 'Next' })
    const kr2 = createKeyResult(s, { objectiveId: o2, title: 'Other', target: 1, start: 0, weight: 100 })
    const task = createTask(s, { title: 'Q1 work', columnId: 'todo', keyResultId: krA })
    expectRefused(s.doc, CommandErrorCode.CrossCycle, () =>
      moveTask(s, { taskId: task, columnId: 'todo', keyResultId: kr2, index: 0 }),
    )
    expectRefused(s.doc, CommandErrorCode.CrossCycle, () =>
      createTask(s, { title: 'mixed', columnId: 'todo', keyResultId: kr2, cycleId: snapshot(s.doc).tasks.get(task)!.cycleId }),
    )
  })

  it('fixes objectives once published, and logs KR changes with a reason', () => {
    const { s, cycleId, objectiveId, krA, clock } = buildWorkspace()
    publishCycle(s, cycleId)
    expect(snapshot(s.doc).cycles.get(cycleId)?.status).toBe(CycleStatus.Published)
    expectRefused(s.doc, CommandErrorCode.Locked, () => updateObjective(s, objectiveId, { title: 'Changed' }))
    expectRefused(s.doc, CommandErrorCode.Locked, () => createObjective(s, { cycleId, title: 'Late' }))
    expectRefused(s.doc, CommandErrorCode.Locked, () => deleteObjective(s, objectiveId))
    expectRefused(s.doc, CommandErrorCode.ReasonRequired, () => updateKeyResult(s, krA, { target: 50 }))
    expectRefused(s.doc, CommandErrorCode.Locked, () => updateCycle(s, cycleId, { endDate: '2026-04-30' }))
    updateObjective(s, objectiveId, { status: 'achieved' })
    updateKeyResult(s, krA, { title: 'Raise weekly activation' })
    clock.advance(DAY)
    updateKeyResult(s, krA, { target: 50, weight: 60 }, 'The pilot doubled our reach')
    const log = [...snapshot(s.doc).changeLog.values()]
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ keyResultId: krA, field: 'target', from: 40, to: 50, reason: 'The pilot doubled our reach' })
    expectRefused(s.doc, CommandErrorCode.BadTransition, () => publishCycle(s, cycleId))
    closeCycle(s, cycleId)
    expectRefused(s.doc, CommandErrorCode.CycleClosed, () => checkIn(s, { keyResultId: krA, value: 30, confidence: 5 }))
    scoreKeyResult(s, { keyResultId: krA, selfScore: 0.7 })
    expect(snapshot(s.doc).scores.get(krA)?.selfScore).toBe(0.7)
  })

  it('scores wait for publishing; self and lead scores merge', () => {
    const { s, cycleId, krA } = buildWorkspace()
    expectRefused(s.doc, CommandErrorCode.Locked, () => scoreKeyResult(s, { keyResultId: krA, selfScore: 0.5 }))
    publishCycle(s, cycleId)
    scoreKeyResult(s, { keyResultId: krA, selfScore: 0.5 })
    scoreKeyResult(s, { keyResultId: krA, leadScore: 0.6, note: 'fair' })
    expect(snapshot(s.doc).scores.get(krA)).toEqual({ keyResultId: krA, selfScore: 0.5, leadScore: 0.6, note: 'fair' })
    expectRefused(s.doc, CommandErrorCode.Invalid, () => scoreKeyResult(s, { keyResultId: krA, leadScore: 1.5 }))
  })

  it('deleting a key result keeps its tasks on the board, unlinked', () => {
    const { s, krA, objectiveId, cycleId } = buildWorkspace()
    const task = createTask(s, { title: 'Keep me', columnId: 'doing', keyResultId: krA })
    const child = createObjective(s, { cycleId, title: 'Child', alignment: { kind: 'keyResult', id: krA } })
    addComment(s, { target: { kind: 'keyResult', id: krA }, body: 'gone soon' })
    deleteKeyResult(s, krA)
    const snap = snapshot(s.doc)
    expect(snap.keyResults.has(krA)).toBe(false)
    expect(snap.tasks.get(task)?.placement).toMatchObject({ columnId: 'doing', keyResultId: null })
    expect(snap.objectives.get(child)?.alignment).toBeNull()
    expect(snap.comments.size).toBe(0)
    deleteObjective(s, objectiveId)
    expect(snapshot(s.doc).keyResults.size).toBe(0)
  })

  it('columns: add, reorder, limit, and delete moves the cards', () => {
    const { s, krA } = buildWorkspace()
    const review = createColumn(s, { name: 'Review', kind: ColumnKind.Doing, index: 2, wipLimit: 2 })
    expect(sortedColumns(snapshot(s.doc)).map((c) => c.name)).toEqual(['To do', 'Doing', 'Review', 'Blocked', 'Done'])
    moveColumn(s, review, 0)
    expect(sortedColumns(snapshot(s.doc))[0]?.id).toBe(review)
    const task = createTask(s, { title: 'In review', columnId: review, keyResultId: krA })
    deleteColumn(s, review)
    expect(snapshot(s.doc).tasks.get(task)?.placement.columnId).toBe('doing')
    for (const id of ['todo', 'doing', 'blocked']) deleteColumn(s, id as ColumnId)
    expectRefused(s.doc, CommandErrorCode.InUse, () => deleteColumn(s, 'done' as ColumnId))
  })
})

describe('snapshot repairs what concurrent edits leave behind', () => {
  function pair() {
    const a = buildWorkspace()
    const docB = new Y.Doc()
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    return { a, docB }
  }

  it('a task moved under a KR that a peer deleted shows unlinked', () => {
    const { a, docB } = pair()
    const task = createTask(a.s, { title: 'T', columnId: 'todo', keyResultId: a.krB })
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    const sb = { ...a.s, doc: docB }
    moveTask(a.s, { taskId: task, columnId: 'doing', keyResultId: a.krA, index: 0 })
    deleteKeyResult(sb, a.krA)
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(docB))
    for (const doc of [a.doc, docB]) {
      expect(snapshot(doc).tasks.get(task)?.placement).toMatchObject({ columnId: 'doing', keyResultId: null })
    }
  })

  it('an alignment loop made of two valid edits is broken the same way everywhere', () => {
    const { a, docB } = pair()
    const x = createObjective(a.s, { cycleId: a.cycleId, title: 'X', id: 'objX' })
    const y = createObjective(a.s, { cycleId: a.cycleId, title: 'Y', id: 'objY' })
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    updateObjective(a.s, x, { alignment: { kind: 'objective', id: y } })
    updateObjective({ ...a.s, doc: docB }, y, { alignment: { kind: 'objective', id: x } })
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(docB))
    for (const doc of [a.doc, docB]) {
      const snap = snapshot(doc)
      expect(snap.objectives.get(x)?.alignment).toEqual({ kind: 'objective', id: y })
      expect(snap.objectives.get(y)?.alignment).toBeNull()
    }
  })

  it('junk written by a peer is skipped, not thrown', () => {
    const { s, krA } = buildWorkspace()
    s.doc.getMap('tasks').set('junk', 42)
    s.doc.getMap('checkIns').set('bad', { keyResultId: krA, value: 'high' })
    s.doc.getMap('keyResults').get(krA)
    ;(s.doc.getMap('keyResults').get(krA) as Y.Map<unknown>).set('weight', 'heavy')
    const snap = snapshot(s.doc)
    expect(snap.tasks.has('junk' as never)).toBe(false)
    expect(snap.checkIns.size).toBe(0)
    expect(snap.keyResults.get(krA)?.weight).toBe(0)
  })
})

describe('co-typed text', () => {
  it('two people typing in one title keep both edits', () => {
    const a = buildWorkspace()
    const docB = new Y.Doc()
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    updateObjective(a.s, a.objectiveId, { title: 'Really delight new customers' })
    updateObjective({ ...a.s, doc: docB }, a.objectiveId, { title: 'Delight new customers in Q1' })
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(docB))
    expect(snapshot(a.doc).objectives.get(a.objectiveId)?.title).toBe('Really delight new customers in Q1')
    expect(snapshot(docB).objectives.get(a.objectiveId)?.title).toBe('Really delight new customers in Q1')
  })

  it('keeps emoji whole when editing next to them', () => {
    const { s, objectiveId } = buildWorkspace()
    updateObjective(s, objectiveId, { title: 'Ship 🚀 fast' })
    updateObjective(s, objectiveId, { title: 'Ship 🛸 fast' })
    expect(snapshot(s.doc).objectives.get(objectiveId)?.title).toBe('Ship 🛸 fast')
  })
})
