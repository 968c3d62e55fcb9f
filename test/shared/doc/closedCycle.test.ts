/** A closed cycle is closed: only scores and comments change; an owner reopens it with a reason. */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  CommandErrorCode,
  MAX_REOPENINGS,
  addComment,
  checkIn,
  closeCycle,
  createKeyResult,
  createObjective,
  createTask,
  deleteKeyResult,
  deleteObjective,
  deleteTask,
  exportWorkspace,
  importWorkspace,
  moveTask,
  openSession,
  publishCycle,
  reopenCycle,
  scoreKeyResult,
  snapshot,
  updateCycle,
  updateKeyResult,
  updateObjective,
  updateTask,
} from '../../../shared/doc/index.ts'
import type { PersonId } from '../../../shared/model/index.ts'
import { CycleStatus } from '../../../shared/model/index.ts'
import { buildWorkspace, expectRefused } from '../../helpers/workspace.ts'

const DAY = 86_400_000

/** A published cycle with one card under krA and one unlinked card, then closed. */
function closedWorkspace() {
  const w = buildWorkspace()
  const linked = createTask(w.s, { title: 'Ship onboarding', columnId: 'doing', keyResultId: w.krA })
  const unlinked = createTask(w.s, { title: 'Tidy docs', columnId: 'todo', cycleId: w.cycleId })
  publishCycle(w.s, w.cycleId)
  w.clock.advance(DAY)
  closeCycle(w.s, w.cycleId)
  return { ...w, linked, unlinked }
}

describe('a closed cycle refuses task, key-result, check-in and objective changes', () => {
  const closed = CommandErrorCode.CycleClosed

  it('tasks: add, edit, move and delete are refused, linked or unlinked', () => {
    const { s, doc, krA, cycleId, linked, unlinked } = closedWorkspace()
    expectRefused(doc, closed, () => createTask(s, { title: 'Late', columnId: 'todo', keyResultId: krA }))
    expectRefused(doc, closed, () => createTask(s, { title: 'Late', columnId: 'todo', cycleId }))
    expectRefused(doc, closed, () => moveTask(s, { taskId: linked, columnId: 'done', keyResultId: krA, index: 0 }))
    expectRefused(doc, closed, () => moveTask(s, { taskId: unlinked, columnId: 'done', keyResultId: null, index: 0 }))
    expectRefused(doc, closed, () => updateTask(s, linked, { dueDate: '2026-05-01' }))
    expectRefused(doc, closed, () => deleteTask(s, unlinked))
  })

  it('key results: add, edit and delete are refused, with or without a reason', () => {
    const { s, doc, objectiveId, krA } = closedWorkspace()
    expectRefused(doc, closed, () => createKeyResult(s, { objectiveId, title: 'Late KR', reason: 'forgot it' }))
    expectRefused(doc, closed, () => updateKeyResult(s, krA, { target: 50 }, 'new data'))
    expectRefused(doc, closed, () => updateKeyResult(s, krA, { ownerId: null }))
    expectRefused(doc, closed, () => deleteKeyResult(s, krA, 'no longer relevant'))
  })

  it('check-ins are refused', () => {
    const { s, doc, krA } = closedWorkspace()
    expectRefused(doc, closed, () => checkIn(s, { keyResultId: krA, value: 30, confidence: 5 }))
  })

  it('objectives: even owner and status, which a published cycle allows, are refused', () => {
    const { s, doc, objectiveId, cycleId } = closedWorkspace()
    expectRefused(doc, closed, () => updateObjective(s, objectiveId, { status: 'achieved' }))
    expectRefused(doc, closed, () => updateObjective(s, objectiveId, { title: 'Renamed' }))
    expectRefused(doc, closed, () => createObjective(s, { cycleId, title: 'Late' }))
    expectRefused(doc, closed, () => deleteObjective(s, objectiveId))
  })

  it('the refusal names the cycle and says what still changes', () => {
    const { s, krA, cycleId } = closedWorkspace()
    try {
      checkIn(s, { keyResultId: krA, value: 30, confidence: 5 })
      expect.unreachable()
    } catch (e) {
      expect(e).toMatchObject({ code: 'cycle-closed', detail: cycleId })
      expect((e as Error).message).toContain('only scores and comments change')
    }
  })

  it('scores, comments and the cycle name still change', () => {
    const { s, doc, krA, cycleId, linked } = closedWorkspace()
    scoreKeyResult(s, { keyResultId: krA, selfScore: 0.6, leadScore: 0.7, note: 'close call' })
    addComment(s, { target: { kind: 'task', id: linked }, body: 'Lessons: start earlier' })
    updateCycle(s, cycleId, { name: 'Q1 2026 (closed)' })
    const snap = snapshot(doc)
    expect(snap.scores.get(krA)).toMatchObject({ selfScore: 0.6, leadScore: 0.7 })
    expect(snap.comments.size).toBe(1)
    expect(snap.cycles.get(cycleId)?.name).toBe('Q1 2026 (closed)')
  })
})

describe('reopening a closed cycle', () => {
  it('needs a reason, moves closed -> published and logs who, when and why', () => {
    const w = closedWorkspace()
    const closedAt = snapshot(w.doc).cycles.get(w.cycleId)?.closedAt
    expectRefused(w.doc, CommandErrorCode.ReasonRequired, () => reopenCycle(w.s, w.cycleId, '   '))
    const ada = openSession(w.doc, { actor: w.personId as PersonId, now: w.clock.now, newId: () => 'reopen1' })
    w.clock.advance(DAY)
    reopenCycle(ada, w.cycleId, 'Late December numbers were missing')
    const cycle = snapshot(w.doc).cycles.get(w.cycleId)
    expect(cycle).toMatchObject({ status: CycleStatus.Published, closedAt: null })
    expect(cycle?.reopenings).toEqual([
      { id: 'reopen1', reason: 'Late December numbers were missing', authorId: w.personId, at: w.clock.now(), closedAt },
    ])
    checkIn(w.s, { keyResultId: w.krA, value: 30, confidence: 6 })
    moveTask(w.s, { taskId: w.linked, columnId: 'done', keyResultId: w.krA, index: 0 })
  })

  it('only a closed cycle reopens', () => {
    const w = buildWorkspace()
    expectRefused(w.doc, CommandErrorCode.BadTransition, () => reopenCycle(w.s, w.cycleId, 'why not'))
    publishCycle(w.s, w.cycleId)
    expectRefused(w.doc, CommandErrorCode.BadTransition, () => reopenCycle(w.s, w.cycleId, 'why not'))
  })

  it(`keeps only the latest ${MAX_REOPENINGS} reopenings`, () => {
    const w = closedWorkspace()
    for (let i = 0; i < MAX_REOPENINGS + 3; i++) {
      w.clock.advance(DAY)
      reopenCycle(w.s, w.cycleId, `round ${i}`)
      closeCycle(w.s, w.cycleId)
    }
    const log = snapshot(w.doc).cycles.get(w.cycleId)?.reopenings ?? []
    expect(log).toHaveLength(MAX_REOPENINGS)
    expect(log[0]?.reason).toBe('round 3')
    expect(log.at(-1)?.reason).toBe(`round ${MAX_REOPENINGS + 2}`)
  })

  it('two replicas reopening at once both keep their entry and agree', () => {
    const a = closedWorkspace()
    // The log exists after a first reopening (see reopenCycle); the concurrent ones come after it.
    reopenCycle(openSession(a.doc, { now: a.clock.now, newId: () => 'first' }), a.cycleId, 'first')
    closeCycle(a.s, a.cycleId)
    const docB = new Y.Doc()
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    const sa = openSession(a.doc, { now: a.clock.now, newId: () => 'fromA' })
    const sb = openSession(docB, { now: a.clock.now, newId: () => 'fromB' })
    reopenCycle(sa, a.cycleId, 'A: missing numbers')
    reopenCycle(sb, a.cycleId, 'B: wrong scores')
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(docB))
    const [ca, cb] = [snapshot(a.doc).cycles.get(a.cycleId), snapshot(docB).cycles.get(a.cycleId)]
    expect(ca).toEqual(cb)
    expect(ca?.status).toBe(CycleStatus.Published)
    expect(ca?.reopenings.map((r) => r.reason)).toEqual(['first', 'A: missing numbers', 'B: wrong scores'])
  })

  it('a close on one replica refuses the other replica’s late check-in once synced', () => {
    const a = closedWorkspace()
    reopenCycle(a.s, a.cycleId, 'one more week')
    const docB = new Y.Doc()
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    closeCycle(a.s, a.cycleId)
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(a.doc))
    const sb = openSession(docB, { now: a.clock.now })
    expectRefused(docB, CommandErrorCode.CycleClosed, () => checkIn(sb, { keyResultId: a.krA, value: 31, confidence: 5 }))
  })

  it('survives export and import', () => {
    const w = closedWorkspace()
    reopenCycle(w.s, w.cycleId, 'Late numbers')
    const exported = JSON.parse(JSON.stringify(exportWorkspace(snapshot(w.doc), 1)))
    const copy = new Y.Doc()
    importWorkspace(openSession(copy), exported)
    expect(snapshot(copy).cycles.get(w.cycleId)?.reopenings.map((r) => r.reason)).toEqual(['Late numbers'])
    expect(exportWorkspace(snapshot(copy), 1)).toEqual(exported)
  })
})
