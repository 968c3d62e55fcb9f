/** Minutes of a meeting: the data (shared/rules meetingMinutes) and its Markdown. */
import { describe, expect, it } from 'vitest'
import {
  checkIn,
  createPerson,
  editText,
  markVoted,
  meetingState,
  openSession,
  openVoteRound,
  publishCycle,
  readSnapshot,
  revealVoteRound,
  thankSomeone,
} from '../../../shared/doc/index.ts'
import { endMeeting, goToAgendaItem, recordAction, startMeeting } from '../../../shared/doc/meetings.ts'
import { MeetingKind } from '../../../shared/model/index.ts'
import { meetingMinutes } from '../../../shared/rules/index.ts'
import { clock, minutesMarkdown } from '../../../server/export/minutesMarkdown.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

function weeklyMeeting() {
  const f = buildWorkspace()
  publishCycle(f.s, f.cycleId)
  const bob = createPerson(f.s, { name: 'Bob' })
  const ada = openSession(f.doc, { actor: f.personId, now: f.clock.now })
  startMeeting(ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
  const before = readSnapshot(f.doc)
  const startedAt = meetingState(f.doc).meeting!.startedAt
  // Past "Since last meeting", to the first key result.
  const first = meetingState(f.doc).meeting!.agenda[1]!
  goToAgendaItem(ada, first.id)
  const krId = first.subject.kind === 'keyResult' ? first.subject.keyResultId : f.krA
  f.clock.advance(95_000)
  checkIn(ada, { keyResultId: krId, value: krId === f.krA ? 30 : 20, confidence: 6, note: 'Good week' })
  editText(ada, { record: 'agendaItem', id: first.id, key: 'decision' }, { index: 0, remove: 0, insert: 'Double down on *onboarding*' })
  thankSomeone(ada, { toPersonId: bob, text: 'Ran the *numbers*' })
  recordAction(ada, { itemId: first.id, title: 'Email the beta list', keyResultId: krId, assigneeId: bob, dueDate: '2026-01-09' })
  const round = openVoteRound(ada)
  markVoted(ada, round.id, f.personId)
  markVoted(ada, round.id, bob)
  revealVoteRound(ada, round.id, [
    { personId: f.personId, value: 3 },
    { personId: bob, value: 8 },
  ])
  f.clock.advance(20_000)
  goToAgendaItem(ada, meetingState(f.doc).meeting!.agenda[2]!.id)
  f.clock.advance(30_000)
  endMeeting(ada)
  const state = meetingState(f.doc)
  const minutes = meetingMinutes({
    meeting: state.meeting!,
    voteRounds: state.voteRounds,
    before,
    after: readSnapshot(f.doc),
    endedAt: startedAt + 145_000,
    attendeeIds: new Set([bob, f.personId]),
  })
  return { f, krId, minutes }
}

describe('meeting minutes', () => {
  it('hold attendees, time per item, the changes on its KR, the vote, the decision and the action', () => {
    const { minutes, krId } = weeklyMeeting()
    expect(minutes.attendees).toEqual(['Ada', 'Bob'])
    expect(minutes.facilitatorName).toBe('Ada')
    expect(minutes.durationMs).toBe(145_000)
    const [since, first, second] = minutes.items
    expect(since!.item.title).toBe('Since last meeting')
    expect(first!.spentMs).toBe(115_000)
    expect(second!.spentMs).toBe(30_000)
    expect(first!.checkIns.map((c) => c.note)).toEqual(['Good week'])
    expect(first!.keyResults.map((k) => k.id)).toEqual([krId])
    expect(first!.votes[0]!.result).toMatchObject({ median: 5.5, spread: 5, discuss: true })
    expect(first!.actions.map((t) => t.title)).toEqual(['Email the beta list'])
    expect(second!.checkIns).toEqual([])
    expect(minutes.changes.summary).toMatchObject({ checkIns: 1, tasksAdded: 1 })
    expect(minutes.praise.map((p) => p.text)).toEqual(['Ran the *numbers*'])
    expect(minutes.changes.praise).toHaveLength(1)
  })

  it('render as Markdown with user text escaped', () => {
    const { minutes, f } = weeklyMeeting()
    const md = minutesMarkdown(minutes, readSnapshot(f.doc))
    expect(md).toContain('# Weekly check-in: Q1 2026')
    expect(md).toContain('- **Attendees:** Ada, Bob')
    expect(md).toContain('Time: 1:55 of 3:00')
    expect(md).toContain('Check-in by Ada')
    expect(md).toContain('"Good week"')
    expect(md).toContain('Confidence vote: median 5.5, spread 5, 2 votes (discuss: the room disagreed)')
    expect(md).toContain('**Decision:** Double down on \\*onboarding\\*')
    expect(md).toContain('- [ ] Email the beta list (Bob, due 2026-01-09)')
    expect(md).toContain('## Praise')
    expect(md).toContain('- Ada thanked **Bob**: Ran the \\*numbers\\*')
    expect(md.endsWith('\n')).toBe(true)
  })

  it("keep an objective's review notes, trimmed, in its item and its Markdown", () => {
    const f = buildWorkspace()
    publishCycle(f.s, f.cycleId)
    const ada = openSession(f.doc, { actor: f.personId, now: f.clock.now })
    startMeeting(ada, { kind: MeetingKind.Review, cycleId: f.cycleId })
    const before = readSnapshot(f.doc)
    editText(ada, { record: 'objective', id: f.objectiveId, key: 'wentWell' }, { index: 0, remove: 0, insert: 'Weekly demos kept us *honest* ' })
    f.clock.advance(60_000)
    endMeeting(ada)
    const state = meetingState(f.doc)
    const after = readSnapshot(f.doc)
    const minutes = meetingMinutes({ meeting: state.meeting!, voteRounds: state.voteRounds, before, after, endedAt: f.clock.now(), attendeeIds: new Set([f.personId]) })
    const objectiveItem = minutes.items.find((i) => i.item.subject.kind === 'objective')!
    expect(objectiveItem.review).toEqual({ wentWell: 'Weekly demos kept us *honest*', toChange: '' })
    expect(minutes.items.filter((i) => i.review !== null)).toHaveLength(1)
    const md = minutesMarkdown(minutes, after)
    expect(md).toContain('**What went well:** Weekly demos kept us \\*honest\\*')
    expect(md).not.toContain('What to change')
  })

  it('formats durations as a clock', () => {
    expect([0, 65_000, 720_000, 3_723_000].map(clock)).toEqual(['0:00', '1:05', '12:00', '1:02:03'])
  })
})
