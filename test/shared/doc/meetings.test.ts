/** The meeting model: commands, refusals, and two replicas starting a meeting at once. */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  CommandErrorCode,
  closeVoteRound,
  createPerson,
  createUndoHistory,
  editText,
  markRecorded,
  markVoted,
  meetingState,
  openSession,
  openVoteRound,
  publishCycle,
  pruneVoteRounds,
  revealVoteRound,
  snapshot,
} from '../../../shared/doc/index.ts'
import {
  addAgendaItem,
  endMeeting,
  goToAgendaItem,
  handFacilitator,
  moveAgendaItem,
  nextAgendaItem,
  pauseTimer,
  previousAgendaItem,
  recordAction,
  resumeTimer,
  setTimebox,
  skipAgendaItem,
  startMeeting,
} from '../../../shared/doc/meetings.ts'
import type { Session } from '../../../shared/doc/index.ts'
import { AgendaItemKind, MeetingKind, MeetingStatus, VoteRoundStatus } from '../../../shared/model/index.ts'
import type { Meeting, PersonId } from '../../../shared/model/index.ts'
import { buildWorkspace, expectRefused } from '../../helpers/workspace.ts'
import type { Fixture } from '../../helpers/workspace.ts'

function as(f: Fixture, actor: PersonId | null, doc = f.doc): Session {
  let n = 0
  return openSession(doc, { actor, now: f.clock.now, newId: () => `m${actor ?? 'x'}${n++}` })
}

function meeting(doc: Y.Doc): Meeting {
  const m = meetingState(doc).meeting
  expect(m).not.toBeNull()
  return m!
}

function published(): Fixture & { ada: Session; bob: Session; bobId: PersonId } {
  const f = buildWorkspace()
  publishCycle(f.s, f.cycleId)
  const bobId = createPerson(f.s, { name: 'Bob' })
  return { ...f, ada: as(f, f.personId), bob: as(f, bobId), bobId }
}

describe('meetings', () => {
  it('starts with the agenda its kind builds, the starter facilitating and the timer on the first item', () => {
    const f = published()
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    const m = meeting(f.doc)
    expect(m.status).toBe(MeetingStatus.Running)
    expect(m.facilitatorId).toBe(f.personId)
    expect(m.agenda.map((i) => i.subject.kind)).toEqual([AgendaItemKind.SinceLastMeeting, AgendaItemKind.KeyResult, AgendaItemKind.KeyResult])
    expect(m.currentItemId).toBe(m.agenda[0]!.id)
    expect(m.timer).toEqual({ itemId: m.agenda[0]!.id, runningSince: f.clock.now(), elapsedMs: 0 })
    expect(m.agenda[0]!.timeboxMs).toBe(180_000)
  })

  it('refuses a second meeting while one runs, and a meeting without a person to facilitate it', () => {
    const f = published()
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    expectRefused(f.doc, CommandErrorCode.MeetingRunning, () => startMeeting(f.bob, { kind: MeetingKind.Review, cycleId: f.cycleId }))
    endMeeting(f.ada)
    expectRefused(f.doc, CommandErrorCode.Invalid, () => startMeeting(as(f, null), { kind: MeetingKind.Review, cycleId: f.cycleId }))
    startMeeting(f.bob, { kind: MeetingKind.Review, cycleId: f.cycleId })
    expect(meeting(f.doc).facilitatorId).toBe(f.bobId)
    // The last meeting's agenda went with it.
    expect(f.doc.getMap('agenda').size).toBe(meeting(f.doc).agenda.length)
  })

  it.each([
    [1_000_001, 1_000_002],
    [1_000_002, 1_000_001],
  ])('two replicas starting a meeting at the same moment end with one meeting and its agenda (client ids %i, %i)', (mine, theirs) => {
    const f = published()
    const other = new Y.Doc()
    Y.applyUpdate(other, Y.encodeStateAsUpdate(f.doc))
    // Which start wins depends on the client ids: both ways round end with one meeting.
    f.doc.clientID = mine
    other.clientID = theirs
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    startMeeting(as(f, f.bobId, other), { kind: MeetingKind.Review, cycleId: f.cycleId })
    const a = Y.encodeStateAsUpdate(f.doc, Y.encodeStateVector(other))
    const b = Y.encodeStateAsUpdate(other, Y.encodeStateVector(f.doc))
    Y.applyUpdate(other, a)
    Y.applyUpdate(f.doc, b)
    const left = meeting(f.doc)
    expect(meeting(other)).toEqual(left)
    expect([MeetingKind.Weekly, MeetingKind.Review]).toContain(left.kind)
    // Only the winner's items are on its agenda.
    expect(left.agenda.length).toBe(left.kind === MeetingKind.Weekly ? 3 : 4)
    expect(left.currentItemId).toBe(left.agenda[0]!.id)
  })

  it('only the facilitator leads; the role can be handed over', () => {
    const f = published()
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    const second = meeting(f.doc).agenda[1]!.id
    expectRefused(f.doc, CommandErrorCode.NotFacilitator, () => goToAgendaItem(f.bob, second))
    handFacilitator(f.ada, f.bobId)
    goToAgendaItem(f.bob, second)
    expect(meeting(f.doc).currentItemId).toBe(second)
    expectRefused(f.doc, CommandErrorCode.NotFacilitator, () => endMeeting(f.ada))
  })

  it('banks the time spent on an item when moving on, and the timer pauses and resumes', () => {
    const f = published()
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    const [first, second] = meeting(f.doc).agenda
    f.clock.advance(70_000)
    goToAgendaItem(f.ada, second!.id)
    expect(meeting(f.doc).agenda[0]!.spentMs).toBe(70_000)
    f.clock.advance(10_000)
    pauseTimer(f.ada)
    expect(meeting(f.doc).timer).toEqual({ itemId: second!.id, runningSince: null, elapsedMs: 10_000 })
    f.clock.advance(50_000)
    resumeTimer(f.ada)
    expect(meeting(f.doc).timer.runningSince).toBe(f.clock.now())
    f.clock.advance(5_000)
    goToAgendaItem(f.ada, first!.id)
    expect(meeting(f.doc).agenda[1]!.spentMs).toBe(15_000)
    expect(meeting(f.doc).timer.elapsedMs).toBe(70_000)
  })

  it('reorders, skips, adds items and changes timeboxes', () => {
    const f = published()
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    const [first, second, third] = meeting(f.doc).agenda
    const added = addAgendaItem(f.ada, { title: 'Hiring plan' })
    expect(meeting(f.doc).agenda.map((i) => i.id)).toEqual([first!.id, added, second!.id, third!.id])
    moveAgendaItem(f.ada, added, 2)
    expect(meeting(f.doc).agenda.map((i) => i.id)).toEqual([first!.id, second!.id, added, third!.id])
    skipAgendaItem(f.ada, second!.id)
    expect(nextAgendaItem(meeting(f.doc))?.id).toBe(added)
    goToAgendaItem(f.ada, added)
    expect(previousAgendaItem(meeting(f.doc))?.id).toBe(first!.id)
    setTimebox(f.ada, added, 240_000)
    expect(meeting(f.doc).agenda.find((i) => i.id === added)?.timeboxMs).toBe(240_000)
    expectRefused(f.doc, CommandErrorCode.Invalid, () => setTimebox(f.ada, added, 1_000))
  })

  it('records decisions as co-typed text and actions as tasks on the board', () => {
    const f = published()
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    const item = meeting(f.doc).agenda[0]!
    editText(f.bob, { record: 'agendaItem', id: item.id, key: 'decision' }, { index: 0, remove: 0, insert: 'Ship it ' })
    editText(f.ada, { record: 'agendaItem', id: item.id, key: 'decision' }, { index: 8, remove: 0, insert: 'on Friday' })
    expect(meeting(f.doc).agenda[0]!.decision).toBe('Ship it on Friday')
    const taskId = recordAction(f.bob, { itemId: item.id, title: 'Call Acme', keyResultId: f.krA, assigneeId: f.bobId, dueDate: '2026-01-09' })
    const task = snapshot(f.doc).tasks.get(taskId)!
    expect(task).toMatchObject({ title: 'Call Acme', assigneeId: f.bobId, dueDate: '2026-01-09' })
    expect(task.placement).toMatchObject({ keyResultId: f.krA, columnId: 'todo' })
    expect(meeting(f.doc).agenda[0]!.actionTaskIds).toEqual([taskId])
  })

  it('keeps the meeting out of undo: Ctrl+Z never moves the room back', () => {
    const f = published()
    const history = createUndoHistory(f.ada)
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    expect(history.canUndo()).toBe(false)
    history.destroy()
  })

  it('refuses everything once the meeting has ended', () => {
    const f = published()
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    const item = meeting(f.doc).agenda[1]!.id
    endMeeting(f.ada)
    expect(meeting(f.doc).status).toBe(MeetingStatus.Ended)
    expectRefused(f.doc, CommandErrorCode.NoMeeting, () => goToAgendaItem(f.ada, item))
    expectRefused(f.doc, CommandErrorCode.NoMeeting, () => editText(f.ada, { record: 'agendaItem', id: item, key: 'decision' }, { index: 0, remove: 0, insert: 'x' }))
  })
})

describe('vote rounds (run by the server)', () => {
  it('open on the current KR, list voters without values, reveal all at once, then refuse more', () => {
    const f = published()
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    // "Since last meeting" opens the agenda: nothing to vote on there.
    expectRefused(f.doc, CommandErrorCode.Invalid, () => openVoteRound(f.ada))
    const kr = meeting(f.doc).agenda[1]!
    goToAgendaItem(f.ada, kr.id)
    const round = openVoteRound(f.ada)
    expect(round).toMatchObject({ status: VoteRoundStatus.Open, scale: 'confidence', keyResultId: (kr.subject as { keyResultId: string }).keyResultId })
    markVoted(f.ada, round.id, f.personId)
    markVoted(f.ada, round.id, f.bobId)
    markVoted(f.ada, round.id, f.bobId)
    const stored = meetingState(f.doc).voteRounds.get(round.id)!
    expect(stored.voterIds).toEqual([f.personId, f.bobId])
    expect(JSON.stringify(f.doc.getMap('voteRounds').toJSON())).not.toContain('"value"')
    const revealed = revealVoteRound(f.ada, round.id, [
      { personId: f.personId, value: 3 },
      { personId: f.bobId, value: 8 },
    ])
    expect(revealed.result).toMatchObject({ median: 5.5, spread: 5, discuss: true })
    expectRefused(f.doc, CommandErrorCode.VoteClosed, () => markVoted(f.ada, round.id, f.bobId))
    markRecorded(f.ada, round.id)
    expectRefused(f.doc, CommandErrorCode.VoteClosed, () => markRecorded(f.ada, round.id))
  })

  it('one open round at a time; a draft meeting does not vote; rounds of old meetings are pruned', () => {
    const f = published()
    startMeeting(f.ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    goToAgendaItem(f.ada, meeting(f.doc).agenda[1]!.id)
    const first = openVoteRound(f.ada)
    const second = openVoteRound(f.ada)
    expect(meetingState(f.doc).voteRounds.get(first.id)?.status).toBe(VoteRoundStatus.Closed)
    closeVoteRound(f.ada, second.id)
    expectRefused(f.doc, CommandErrorCode.VoteClosed, () => markVoted(f.ada, second.id, f.bobId))
    expectRefused(f.doc, CommandErrorCode.NotFacilitator, () => openVoteRound(f.bob))
    endMeeting(f.ada)
    startMeeting(f.ada, { kind: MeetingKind.Review, cycleId: f.cycleId })
    expect(pruneVoteRounds(f.ada)).toBe(2)
    expect(meetingState(f.doc).voteRounds.size).toBe(0)
    // Review's first item is an objective: nothing to vote on there.
    expectRefused(f.doc, CommandErrorCode.Invalid, () => openVoteRound(f.ada))
  })
})
