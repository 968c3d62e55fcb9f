/** One person's inbox: mentions, replies to them, check-ins and stalls on KRs they own, open tasks assigned to them. */
import { describe, expect, it } from 'vitest'
import { INBOX_DAYS, InboxKind, addComment, checkIn, createPerson, createTask, deleteComment, inboxItems, moveTask, openSession, snapshot, unreadCount, updateKeyResult } from '../../../shared/doc/index.ts'
import type { PersonId } from '../../../shared/model/index.ts'
import type { StallWarning } from '../../../shared/rules/index.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

const DAY = 86_400_000

function fixture() {
  const f = buildWorkspace()
  const ben = createPerson(f.s, { name: 'Ben' }) as PersonId
  let n = 0
  const ada = openSession(f.doc, { actor: f.personId, now: f.clock.now, newId: () => `a${n++}` })
  const asBen = openSession(f.doc, { actor: ben, now: f.clock.now, newId: () => `b${n++}` })
  updateKeyResult(f.s, f.krA, { ownerId: ben })
  return { ...f, ben, ada, asBen }
}

describe('inbox', () => {
  it('holds mentions of me and replies to my comments, not my own comments nor others', () => {
    const f = fixture()
    const target = { kind: 'keyResult', id: f.krB } as const
    const mine = addComment(f.asBen, { target, body: 'My idea' })
    f.clock.advance(1_000)
    const mention = addComment(f.ada, { target, body: `@[${f.ben}] can you look?` })
    f.clock.advance(1_000)
    const reply = addComment(f.ada, { target, parentId: mine, body: 'Good idea' })
    f.clock.advance(1_000)
    addComment(f.ada, { target, body: 'Talking to myself' })
    addComment(f.asBen, { target, body: `Note to self @[${f.ben}]` })
    const items = inboxItems(snapshot(f.doc), f.ben, [], f.clock.now())
    expect(items.map((i) => [i.kind, i.commentId, i.actorId])).toEqual([
      [InboxKind.Reply, reply, f.personId],
      [InboxKind.Mention, mention, f.personId],
    ])
    expect(items[0]!.target).toEqual(target)
    expect(items[0]!.keyResultId).toBe(f.krB)
  })

  it('a reply that also mentions me is one item, a mention; a deleted comment leaves', () => {
    const f = fixture()
    const target = { kind: 'objective', id: f.objectiveId } as const
    const mine = addComment(f.asBen, { target, body: 'Q?' })
    const both = addComment(f.ada, { target, parentId: mine, body: `@[${f.ben}] A.` })
    expect(inboxItems(snapshot(f.doc), f.ben, [], f.clock.now()).map((i) => [i.id, i.kind])).toEqual([[`comment:${both}`, InboxKind.Mention]])
    deleteComment(f.ada, both)
    expect(inboxItems(snapshot(f.doc), f.ben, [], f.clock.now())).toEqual([])
  })

  it("holds others' check-ins on key results I own, within the last INBOX_DAYS days", () => {
    const f = fixture()
    const old = checkIn(f.ada, { keyResultId: f.krA, value: 22, confidence: 6 })
    f.clock.advance((INBOX_DAYS + 1) * DAY)
    const recent = checkIn(f.ada, { keyResultId: f.krA, value: 25, confidence: 6 })
    checkIn(f.asBen, { keyResultId: f.krA, value: 26, confidence: 6 })
    checkIn(f.ada, { keyResultId: f.krB, value: 25, confidence: 6 })
    const items = inboxItems(snapshot(f.doc), f.ben, [], f.clock.now())
    expect(items.map((i) => i.checkInId)).toEqual([recent])
    expect(items.map((i) => i.checkInId)).not.toContain(old)
  })

  it('holds stalls of key results I own, first, unread again after a check-in starts a new episode', () => {
    const f = fixture()
    const stalls: StallWarning[] = [
      { ruleId: 'S1', severity: 'warning', target: { kind: 'keyResult', id: f.krA }, keyResultId: f.krA, reason: 'no check-in for 8 days' },
      { ruleId: 'S1', severity: 'warning', target: { kind: 'keyResult', id: f.krB }, keyResultId: f.krB, reason: 'no check-in for 8 days' },
    ] as StallWarning[]
    addComment(f.ada, { target: { kind: 'keyResult', id: f.krA }, body: `@[${f.ben}]` })
    const before = inboxItems(snapshot(f.doc), f.ben, stalls, f.clock.now())
    expect(before.map((i) => i.kind)).toEqual([InboxKind.Stall, InboxKind.Mention])
    expect(before[0]!.stall).toEqual({ ruleId: 'S1', reason: 'no check-in for 8 days' })
    checkIn(f.asBen, { keyResultId: f.krA, value: 21, confidence: 5 })
    const after = inboxItems(snapshot(f.doc), f.ben, stalls, f.clock.now())
    expect(after[0]!.id).not.toBe(before[0]!.id)
  })

  it('holds open tasks assigned to me; a done one leaves', () => {
    const f = fixture()
    const task = createTask(f.s, { title: 'Call three customers', columnId: 'todo', keyResultId: f.krA, assigneeId: f.ben })
    createTask(f.s, { title: 'Not mine', columnId: 'todo', keyResultId: f.krA, assigneeId: f.personId })
    expect(inboxItems(snapshot(f.doc), f.ben, [], f.clock.now()).map((i) => [i.kind, i.target.id, i.keyResultId])).toEqual([[InboxKind.Assigned, task, f.krA]])
    moveTask(f.s, { taskId: task, columnId: 'done', keyResultId: f.krA, index: 0 })
    expect(inboxItems(snapshot(f.doc), f.ben, [], f.clock.now())).toEqual([])
  })

  it('counts what is not read', () => {
    const f = fixture()
    const target = { kind: 'keyResult', id: f.krB } as const
    const a = addComment(f.ada, { target, body: `@[${f.ben}] one` })
    addComment(f.ada, { target, body: `@[${f.ben}] two` })
    const items = inboxItems(snapshot(f.doc), f.ben, [], f.clock.now())
    expect(unreadCount(items, new Set())).toBe(2)
    expect(unreadCount(items, new Set([`comment:${a}`]))).toBe(1)
    expect(unreadCount(items, new Set(items.map((i) => i.id)))).toBe(0)
  })
})
