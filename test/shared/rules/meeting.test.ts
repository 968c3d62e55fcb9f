/** The meeting rules (M1-M9): agendas, timeboxes, the timer and votes. */
import { describe, expect, it } from 'vitest'
import { AgendaItemKind, MeetingKind, VoteScale } from '../../../shared/model/index.ts'
import type { AgendaItemId, Ballot, PersonId } from '../../../shared/model/index.ts'
import {
  TimerPhase,
  confidenceOf,
  defaultTimebox,
  everyoneVoted,
  isVoteValue,
  meetingAgenda,
  readTimer,
  voteFigures,
  voteScaleOf,
} from '../../../shared/rules/index.ts'
import { checkIns, cycle, cycleId, day, keyResult, krId, objective, objectiveId, personId, teamId, workspace } from './fixtures.ts'

const C1 = cycleId('c1')

function board() {
  return workspace({
    teams: [
      { id: teamId('t2'), name: 'Sales' },
      { id: teamId('t1'), name: 'Platform' },
    ],
    objectives: [
      objective({ id: objectiveId('oInd'), title: 'Learn Rust', level: 'individual', teamId: teamId('t1'), origin: 'bottom-up', createdAt: day(-9) }),
      objective({ id: objectiveId('oTeam'), title: 'Ship faster', level: 'team', teamId: teamId('t1'), origin: 'top-down', createdAt: day(-5), alignment: { kind: 'objective', id: objectiveId('oCo') } }),
      objective({ id: objectiveId('oCo'), title: 'Win the market', level: 'company', createdAt: day(-1) }),
      objective({ id: objectiveId('oSales'), title: 'Close deals', level: 'team', teamId: teamId('t2'), origin: 'bottom-up', createdAt: day(-4) }),
      objective({ id: objectiveId('oDropped'), title: 'Old idea', level: 'team', status: 'dropped', createdAt: day(-8) }),
    ],
    keyResults: [
      keyResult({ id: krId('kA'), objectiveId: objectiveId('oCo'), title: 'Revenue' }),
      keyResult({ id: krId('kB'), objectiveId: objectiveId('oTeam'), title: 'Deploys' }),
      keyResult({ id: krId('kC'), objectiveId: objectiveId('oTeam'), title: 'Lead time' }),
    ],
    // kA checked in on pace, kC not for a long time, kB never: both stall.
    checkIns: [...checkIns('kA', [[44, 60, 7]]), ...checkIns('kC', [[5, 5, 6]])],
  })
}

const titles = (items: ReturnType<typeof meetingAgenda>) => items.map((i) => i.title)

describe('meeting agendas', () => {
  it('[M1] draft: each objective in tree order, then the writing hints', () => {
    const agenda = meetingAgenda(board(), MeetingKind.Draft, C1, day(45))
    expect(titles(agenda)).toEqual(['Win the market', 'Ship faster', 'Close deals', 'Learn Rust', 'Writing hints'])
    expect(agenda[0]!.subject).toEqual({ kind: AgendaItemKind.Objective, objectiveId: 'oCo' })
    expect(agenda[4]!.note).toMatch(/^(\d+ hints fire|1 hint fires|No hints fire)$/)
  })

  it('[M2] align: hints, bottom-up share per team by name, unaligned objectives, publish', () => {
    const agenda = meetingAgenda(board(), MeetingKind.Align, C1, day(45))
    expect(titles(agenda)).toEqual([
      'Writing hints',
      'Bottom-up share: Platform',
      'Bottom-up share: Sales',
      'Objectives with no alignment',
      'Publish',
    ])
    expect(agenda[1]!.note).toBe('1 of 2 objectives bottom-up')
    // Learn Rust and Close deals align to nothing; the company objective needs no parent.
    expect(agenda[3]!.note).toBe('2 objectives')
  })

  it('[M3] weekly: since last meeting, stalled KRs with their reasons, then the rest by objective', () => {
    const [since, ...agenda] = meetingAgenda(board(), MeetingKind.Weekly, C1, day(45))
    expect(since).toEqual({ subject: { kind: AgendaItemKind.SinceLastMeeting }, title: 'Since last meeting', note: '' })
    const ids = agenda.map((i) => (i.subject.kind === AgendaItemKind.KeyResult ? i.subject.keyResultId : null))
    expect(ids.slice(-1)).toEqual(['kA'])
    expect(new Set(ids.slice(0, 2))).toEqual(new Set(['kB', 'kC']))
    expect(agenda[0]!.note).not.toBe('')
    expect(agenda[0]!.note).toContain('check-in')
    expect(agenda[2]!.note).toBe('')
  })

  it('[M4] review: each objective followed by its KRs, then what we learned', () => {
    const agenda = meetingAgenda(board(), MeetingKind.Review, C1, day(95))
    expect(titles(agenda)).toEqual(['Win the market', 'Revenue', 'Ship faster', 'Deploys', 'Lead time', 'Close deals', 'Learn Rust', 'What we learned'])
  })

  it('[M1] an empty cycle still has its hints item', () => {
    expect(titles(meetingAgenda(workspace({ cycles: [cycle({ status: 'draft' })] }), MeetingKind.Draft, C1, day(1)))).toEqual(['Writing hints'])
  })
})

describe('meeting timer', () => {
  const item = 'i1' as AgendaItemId
  it('[M5] three minutes a weekly item, five in the other meetings', () => {
    expect(defaultTimebox(MeetingKind.Weekly)).toBe(180_000)
    for (const kind of [MeetingKind.Draft, MeetingKind.Align, MeetingKind.Review]) expect(defaultTimebox(kind)).toBe(300_000)
  })

  it('[M6] counts the run since it started, amber in the last 30 s, red from zero', () => {
    const timer = { itemId: item, runningSince: 1_000, elapsedMs: 20_000 }
    expect(readTimer(timer, 180_000, 61_000)).toEqual({ elapsedMs: 80_000, remainingMs: 100_000, phase: TimerPhase.Normal, running: true })
    expect(readTimer(timer, 180_000, 131_000).phase).toBe(TimerPhase.Warning)
    expect(readTimer(timer, 180_000, 130_999).phase).toBe(TimerPhase.Normal)
    expect(readTimer(timer, 180_000, 161_000)).toMatchObject({ remainingMs: 0, phase: TimerPhase.Over })
    expect(readTimer(timer, 180_000, 171_000).remainingMs).toBe(-10_000)
  })

  it('[M6] a paused timer stands still, and a clock behind the start counts nothing', () => {
    expect(readTimer({ itemId: item, runningSince: null, elapsedMs: 50_000 }, 180_000, 9e12).elapsedMs).toBe(50_000)
    expect(readTimer({ itemId: item, runningSince: 10_000, elapsedMs: 0 }, 180_000, 5_000).elapsedMs).toBe(0)
  })
})

describe('meeting votes', () => {
  const b = (values: number[]): Ballot[] => values.map((value, i) => ({ personId: personId(`p${i}`), value }))

  it('[M7] align and weekly vote on confidence, review on the score, draft not at all', () => {
    expect(voteScaleOf(MeetingKind.Align)).toBe(VoteScale.Confidence)
    expect(voteScaleOf(MeetingKind.Weekly)).toBe(VoteScale.Confidence)
    expect(voteScaleOf(MeetingKind.Review)).toBe(VoteScale.Score)
    expect(voteScaleOf(MeetingKind.Draft)).toBeNull()
  })

  it('[M7] confidence is a whole 0-10, a score 0.0-1.0 in tenths', () => {
    expect([0, 7, 10].every((v) => isVoteValue(VoteScale.Confidence, v))).toBe(true)
    expect([-1, 11, 6.5, Number.NaN].some((v) => isVoteValue(VoteScale.Confidence, v))).toBe(false)
    expect([0, 0.3, 0.7, 1].every((v) => isVoteValue(VoteScale.Score, v))).toBe(true)
    expect([0.35, 1.1, -0.1, Infinity].some((v) => isVoteValue(VoteScale.Score, v))).toBe(false)
  })

  it('[M8] median, spread, and "discuss" from a spread of 4 (0.4 for scores)', () => {
    expect(voteFigures(VoteScale.Confidence, b([7, 3, 5]))).toEqual({ median: 5, spread: 4, discuss: true })
    expect(voteFigures(VoteScale.Confidence, b([6, 5, 8, 7]))).toEqual({ median: 6.5, spread: 3, discuss: false })
    expect(voteFigures(VoteScale.Score, b([0.5, 0.9]))).toEqual({ median: 0.7, spread: 0.4, discuss: true })
    expect(voteFigures(VoteScale.Score, b([0.6, 0.7, 0.9]))).toEqual({ median: 0.7, spread: 0.3, discuss: false })
    expect(voteFigures(VoteScale.Score, [])).toBeNull()
  })

  it('[M8] the median becomes a whole confidence, halves rounded up', () => {
    expect([5.5, 6.5, 7, 0.4].map(confidenceOf)).toEqual([6, 7, 7, 0])
  })

  it('[M9] reveals once everyone present has voted, never with nobody present', () => {
    const present = new Set([personId('a'), personId('b')]) as ReadonlySet<PersonId>
    expect(everyoneVoted(present, [personId('a')])).toBe(false)
    expect(everyoneVoted(present, [personId('b'), personId('a'), personId('c')])).toBe(true)
    expect(everyoneVoted(new Set(), [personId('a')])).toBe(false)
  })
})
