/** What a transaction did, as activity: one draft per record and kind, the meeting left out. */
import type * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  addComment,
  checkIn,
  createPerson,
  createTask,
  deleteTask,
  describeTransaction,
  editText,
  moveTask,
  openSession,
  publishCycle,
  scoreKeyResult,
  thankSomeone,
  updateKeyResult,
} from '../../../shared/doc/index.ts'
import { startMeeting } from '../../../shared/doc/meetings.ts'
import { MeetingKind } from '../../../shared/model/index.ts'
import type { ActivityDraft } from '../../../shared/model/index.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

function recorder(doc: Y.Doc): () => ActivityDraft[][] {
  const seen: ActivityDraft[][] = []
  doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(describeTransaction(doc, tr)))
  return () => seen.splice(0)
}

const brief = (drafts: ActivityDraft[]) => drafts.map((d) => [d.kind, d.target.kind, d.target.id, d.keyResultId, d.detail])

describe('describeTransaction', () => {
  it('tells a card created, moved, done and deleted, each with its key result', () => {
    const f = buildWorkspace()
    const take = recorder(f.doc)
    const task = createTask(f.s, { title: 'Call Acme', columnId: 'todo', keyResultId: f.krA })
    moveTask(f.s, { taskId: task, columnId: 'doing', keyResultId: f.krA, index: 0 })
    moveTask(f.s, { taskId: task, columnId: 'done', keyResultId: f.krA, index: 0 })
    deleteTask(f.s, task)
    expect(take().map(brief)).toEqual([
      [['created', 'task', task, f.krA, 'Call Acme']],
      [['moved', 'task', task, f.krA, 'Doing']],
      [['done', 'task', task, f.krA, 'Done']],
      [['deleted', 'task', task, null, '']],
    ])
  })

  it('tells check-ins, edits, co-typed texts, status changes, scores, comments and praise', () => {
    const f = buildWorkspace()
    const bob = createPerson(f.s, { name: 'Bob' })
    const take = recorder(f.doc)
    editText(f.s, { record: 'keyResult', id: f.krA, key: 'title' }, { index: 0, remove: 0, insert: 'Really ' })
    updateKeyResult(f.s, f.krA, { target: 50, weight: 50 })
    publishCycle(f.s, f.cycleId)
    checkIn(f.s, { keyResultId: f.krA, value: 25, confidence: 7 })
    // The second says where it moved from; a third at the same value only what it is.
    checkIn(f.s, { keyResultId: f.krA, value: 30, confidence: 6 })
    checkIn(f.s, { keyResultId: f.krA, value: 30, confidence: 5 })
    scoreKeyResult(f.s, { keyResultId: f.krA, selfScore: 0.5 })
    addComment(f.s, { target: { kind: 'objective', id: f.objectiveId }, body: 'Nice' })
    thankSomeone(openSession(f.doc, { actor: f.personId }), { toPersonId: bob, text: 'Thanks!' })
    expect(take().map(brief)).toEqual([
      [['text-edited', 'keyResult', f.krA, f.krA, 'title']],
      [['edited', 'keyResult', f.krA, f.krA, 'target, weight']],
      [['status-changed', 'cycle', f.cycleId, null, 'published']],
      [['checked-in', 'keyResult', f.krA, f.krA, '25 at 7/10']],
      [['checked-in', 'keyResult', f.krA, f.krA, '25 → 30 at 6/10']],
      [['checked-in', 'keyResult', f.krA, f.krA, '30 at 5/10']],
      [['scored', 'keyResult', f.krA, f.krA, '']],
      [['commented', 'objective', f.objectiveId, null, '']],
      [['praised', 'person', bob, null, 'Thanks!']],
    ])
  })

  it('says nothing about the meeting itself', () => {
    const f = buildWorkspace()
    publishCycle(f.s, f.cycleId)
    const take = recorder(f.doc)
    startMeeting(openSession(f.doc, { actor: f.personId }), { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    expect(take()).toEqual([[]])
  })
})
