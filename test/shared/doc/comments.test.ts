/** Comments: replies one level deep, edits and deletes by their author (or an owner), mentions from the body. */
import { describe, expect, it } from 'vitest'
import { CommandErrorCode, addComment, createPerson, createTask, deleteComment, editComment, openSession, snapshot } from '../../../shared/doc/index.ts'
import type { CommentId, PersonId } from '../../../shared/model/index.ts'
import { buildWorkspace, expectRefused } from '../../helpers/workspace.ts'

function twoPeople() {
  const f = buildWorkspace()
  const ben = createPerson(f.s, { name: 'Ben' }) as PersonId
  let n = 0
  const ada = openSession(f.doc, { actor: f.personId, now: f.clock.now, newId: () => `a${n++}` })
  const asBen = openSession(f.doc, { actor: ben, now: f.clock.now, newId: () => `b${n++}` })
  const task = createTask(f.s, { title: 'Write the welcome mail', columnId: 'todo', keyResultId: f.krA })
  return { ...f, ben, ada, asBen, task }
}

describe('comments', () => {
  it('takes its mentions from the body tokens, each once, and checks they exist', () => {
    const f = twoPeople()
    const id = addComment(f.ada, { target: { kind: 'keyResult', id: f.krA }, body: `@[${f.ben}] and @[${f.ben}], look` })
    expect(snapshot(f.doc).comments.get(id)).toMatchObject({ mentions: [f.ben], parentId: null, authorId: f.personId, editedAt: null, deletedAt: null })
    expectRefused(f.doc, CommandErrorCode.NotFound, () => addComment(f.ada, { target: { kind: 'keyResult', id: f.krA }, body: 'hi @[nobody]' }))
  })

  it('a reply points at the top-level comment, also when it answers a reply, on the same target', () => {
    const f = twoPeople()
    const target = { kind: 'task', id: f.task } as const
    const top = addComment(f.ada, { target, body: 'Who takes this?' })
    const reply = addComment(f.asBen, { target, parentId: top, body: 'Me' })
    const replyToReply = addComment(f.ada, { target, parentId: reply, body: 'Thanks' })
    const snap = snapshot(f.doc)
    expect(snap.comments.get(reply)?.parentId).toBe(top)
    expect(snap.comments.get(replyToReply)?.parentId).toBe(top)
    expectRefused(f.doc, CommandErrorCode.Invalid, () => addComment(f.ada, { target: { kind: 'keyResult', id: f.krA }, parentId: top, body: 'elsewhere' }))
    expectRefused(f.doc, CommandErrorCode.NotFound, () => addComment(f.ada, { target, parentId: 'missing' as CommentId, body: 'x' }))
  })

  it('its author edits it: body, mentions and editedAt change; anyone else is refused', () => {
    const f = twoPeople()
    const id = addComment(f.ada, { target: { kind: 'objective', id: f.objectiveId }, body: 'draft' })
    f.clock.advance(60_000)
    editComment(f.ada, id, `now with @[${f.ben}]`)
    expect(snapshot(f.doc).comments.get(id)).toMatchObject({ body: `now with @[${f.ben}]`, mentions: [f.ben], editedAt: f.clock.now() })
    expectRefused(f.doc, CommandErrorCode.NotAuthor, () => editComment(f.asBen, id, 'hijacked'))
    expectRefused(f.doc, CommandErrorCode.NotAuthor, () => editComment(f.s, id, 'no actor'))
    expectRefused(f.doc, CommandErrorCode.Invalid, () => editComment(f.ada, id, '   '))
  })

  it('only its author or an owner deletes it', () => {
    const f = twoPeople()
    const target = { kind: 'keyResult', id: f.krA } as const
    const one = addComment(f.ada, { target, body: 'one' })
    const two = addComment(f.ada, { target, body: 'two' })
    expectRefused(f.doc, CommandErrorCode.NotAuthor, () => deleteComment(f.asBen, one))
    deleteComment(f.asBen, one, { asOwner: true })
    deleteComment(f.ada, two)
    expect(snapshot(f.doc).comments.size).toBe(0)
  })

  it('a deleted comment with replies keeps its place, emptied; it goes with its last reply', () => {
    const f = twoPeople()
    const target = { kind: 'keyResult', id: f.krA } as const
    const top = addComment(f.ada, { target, body: `hey @[${f.ben}]` })
    const reply = addComment(f.asBen, { target, parentId: top, body: 'yes?' })
    deleteComment(f.ada, top)
    expect(snapshot(f.doc).comments.get(top)).toMatchObject({ body: '', mentions: [], deletedAt: f.clock.now() })
    expectRefused(f.doc, CommandErrorCode.NotFound, () => editComment(f.ada, top, 'back'))
    deleteComment(f.asBen, reply)
    expect(snapshot(f.doc).comments.size).toBe(0)
  })
})
