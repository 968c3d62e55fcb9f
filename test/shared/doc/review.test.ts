/** The review meeting's own records: praise ("Thank someone") and the objectives' review notes. */
import { describe, expect, it } from 'vitest'
import {
  CommandErrorCode,
  closeCycle,
  createPerson,
  deletePraise,
  editText,
  exportWorkspace,
  importWorkspace,
  meetingState,
  openSession,
  publishCycle,
  snapshot,
  thankSomeone,
} from '../../../shared/doc/index.ts'
import { startMeeting } from '../../../shared/doc/meetings.ts'
import { MeetingKind } from '../../../shared/model/index.ts'
import { buildWorkspace, expectRefused } from '../../helpers/workspace.ts'
import * as Y from 'yjs'

describe('praise', () => {
  it('thanks a person with a line of text, naming the meeting it was given in', () => {
    const f = buildWorkspace()
    publishCycle(f.s, f.cycleId)
    const bob = createPerson(f.s, { name: 'Bob' })
    const ada = openSession(f.doc, { actor: f.personId, now: f.clock.now })
    const before = thankSomeone(ada, { toPersonId: bob, text: '  Great onboarding docs  ' })
    startMeeting(ada, { kind: MeetingKind.Review, cycleId: f.cycleId })
    const during = thankSomeone(ada, { toPersonId: bob, text: 'Saved the launch' })
    const praise = snapshot(f.doc).praise
    expect(praise.get(before)).toMatchObject({ toPersonId: bob, fromPersonId: f.personId, text: 'Great onboarding docs', meetingId: null })
    expect(praise.get(during)?.meetingId).toBe(meetingState(f.doc).meeting!.id)
  })

  it('refuses praise for nobody, for oneself, empty or too long; only its author takes it back', () => {
    const f = buildWorkspace()
    const bob = createPerson(f.s, { name: 'Bob' })
    const ada = openSession(f.doc, { actor: f.personId, now: f.clock.now })
    expectRefused(f.doc, CommandErrorCode.NotFound, () => thankSomeone(ada, { toPersonId: 'ghost' as typeof bob, text: 'Hi' }))
    expectRefused(f.doc, CommandErrorCode.Invalid, () => thankSomeone(ada, { toPersonId: f.personId, text: 'Me!' }))
    expectRefused(f.doc, CommandErrorCode.Invalid, () => thankSomeone(ada, { toPersonId: bob, text: '   ' }))
    expectRefused(f.doc, CommandErrorCode.Invalid, () => thankSomeone(ada, { toPersonId: bob, text: 'x'.repeat(281) }))
    const id = thankSomeone(ada, { toPersonId: bob, text: 'Thanks' })
    expectRefused(f.doc, CommandErrorCode.Invalid, () => deletePraise(openSession(f.doc, { actor: bob }), id))
    deletePraise(ada, id)
    expect(snapshot(f.doc).praise.size).toBe(0)
  })
})

describe('review notes', () => {
  it('are co-typed on published and closed cycles alike, where the title is fixed', () => {
    const f = buildWorkspace()
    publishCycle(f.s, f.cycleId)
    const went = { record: 'objective', id: f.objectiveId, key: 'wentWell' } as const
    editText(f.s, went, { index: 0, remove: 0, insert: 'Shipped on time' })
    expectRefused(f.doc, CommandErrorCode.Locked, () => editText(f.s, { record: 'objective', id: f.objectiveId, key: 'title' }, { index: 0, remove: 0, insert: 'x' }))
    closeCycle(f.s, f.cycleId)
    editText(f.s, { record: 'objective', id: f.objectiveId, key: 'toChange' }, { index: 0, remove: 0, insert: 'Scope less' })
    expect(snapshot(f.doc).objectives.get(f.objectiveId)).toMatchObject({ wentWell: 'Shipped on time', toChange: 'Scope less' })
  })

  it('survive an export and import, with the praise', () => {
    const f = buildWorkspace()
    publishCycle(f.s, f.cycleId)
    const bob = createPerson(f.s, { name: 'Bob' })
    editText(f.s, { record: 'objective', id: f.objectiveId, key: 'wentWell' }, { index: 0, remove: 0, insert: 'Teamwork' })
    thankSomeone(openSession(f.doc, { actor: f.personId, now: f.clock.now }), { toPersonId: bob, text: 'Thanks Bob' })
    const data = exportWorkspace(snapshot(f.doc), 1)
    const copy = new Y.Doc()
    importWorkspace(openSession(copy), data)
    expect(exportWorkspace(snapshot(copy), 1)).toEqual(data)
    expect(snapshot(copy).objectives.get(f.objectiveId)?.wentWell).toBe('Teamwork')
    expect([...snapshot(copy).praise.values()].map((p) => p.text)).toEqual(['Thanks Bob'])
  })

  it('an export from before praise and review notes still imports', () => {
    const f = buildWorkspace()
    const data = exportWorkspace(snapshot(f.doc), 1) as unknown as Record<string, unknown>
    delete data['praise']
    data['objectives'] = (data['objectives'] as Record<string, unknown>[]).map(({ wentWell: _w, toChange: _t, ...rest }) => rest)
    const copy = new Y.Doc()
    importWorkspace(openSession(copy), data)
    expect(snapshot(copy).objectives.get(f.objectiveId)?.wentWell).toBe('')
  })
})
