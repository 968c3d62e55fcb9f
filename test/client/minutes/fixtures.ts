/** Minutes and changes as the server sends them (JSON), and a fetch that answers by path. */
import { vi } from 'vitest'
import type { AgendaItemId, CheckIn, CheckInId, KeyResultId, Meeting, MeetingId, PersonId, PraiseId, Task, TaskId, VoteRound, VoteRoundId } from '../../../shared/model/index.ts'
import type { ChangeSummary, KeyResultDelta, Minutes, WorkspaceChanges } from '../../../shared/rules/index.ts'

export const T0 = Date.parse('2026-12-01T09:00:00Z')
export const MIN = 60_000

export const NO_CHANGES: ChangeSummary = { keyResultsMoved: 0, newStalls: 0, stallsCleared: 0, tasksDone: 0, tasksAdded: 0, checkIns: 0 }

export function changes(patch: Partial<WorkspaceChanges> = {}): WorkspaceChanges {
  return {
    from: T0,
    to: T0 + 30 * MIN,
    keyResults: [],
    objectives: [],
    tasks: [],
    checkIns: [],
    praise: [],
    stallsAppeared: [],
    stallsCleared: [],
    cycles: [],
    summary: NO_CHANGES,
    ...patch,
  }
}

export const delta = (patch: Partial<KeyResultDelta> & Pick<KeyResultDelta, 'id' | 'title'>): KeyResultDelta => ({
  change: 'changed',
  progressBefore: 0.3,
  progressAfter: 0.45,
  confidenceBefore: 6,
  confidenceAfter: 7,
  fields: [],
  scoreBefore: null,
  scoreAfter: null,
  ...patch,
})

export const checkInOf = (patch: Partial<CheckIn> & Pick<CheckIn, 'keyResultId'>): CheckIn => ({
  id: 'ci-1' as CheckInId,
  value: 45,
  confidence: 7,
  note: '',
  authorId: null,
  at: T0 + 5 * MIN,
  ...patch,
})

export function task(patch: Partial<Task> & Pick<Task, 'id' | 'title'>): Task {
  return {
    cycleId: 'c-1' as never,
    assigneeId: null,
    dueDate: null,
    labels: [],
    placement: { columnId: 'col-todo' as never, keyResultId: null, rank: 'a0' } as never,
    createdAt: T0,
    movedAt: T0,
    missedReason: null,
    ...patch,
  }
}

/** A weekly check-in that ran 47 minutes: item 1 over its timebox with a vote, a decision and an action; item 2 skipped untouched is left out by the server. */
export function weeklyMinutes(people: { ada: PersonId; bob: PersonId }, cycleId: string, krId: KeyResultId): Minutes {
  const meeting: Meeting = {
    id: 'm-1' as MeetingId,
    kind: 'weekly',
    cycleId: cycleId as never,
    status: 'ended',
    facilitatorId: people.ada,
    startedBy: people.ada,
    startedAt: T0,
    endedAt: T0 + 47 * MIN,
    agenda: [],
    currentItemId: null,
    timer: { itemId: null, runningSince: null, elapsedMs: 0 },
    attendeeIds: [people.ada, people.bob],
  }
  const round: VoteRound = {
    id: 'v-1' as VoteRoundId,
    meetingId: meeting.id,
    itemId: 'i-1' as AgendaItemId,
    keyResultId: krId,
    scale: 'confidence',
    status: 'revealed',
    openedBy: people.ada,
    openedAt: T0 + 2 * MIN,
    voterIds: [],
    result: { ballots: [{ personId: people.ada, value: 4 }, { personId: people.bob, value: 9 }], median: 6.5, spread: 5, discuss: true, revealedAt: T0 + 3 * MIN },
    recordedAt: null,
  }
  const item = {
    id: 'i-1' as AgendaItemId,
    subject: { kind: 'keyResult', keyResultId: krId },
    title: 'Activation rate',
    note: 'no check-in for 9 days',
    rank: 'a0',
    timeboxMs: 5 * MIN,
    spentMs: 6 * MIN + 10_000,
    skipped: false,
    decision: 'Ship the onboarding checklist first',
    actionTaskIds: ['t-1' as TaskId],
  } as const
  return {
    meeting,
    startedAt: T0,
    endedAt: T0 + 47 * MIN,
    durationMs: 47 * MIN,
    facilitatorName: 'Ada',
    attendees: ['Ada', 'Bob'],
    items: [
      {
        item,
        spentMs: item.spentMs,
        votes: [round],
        actions: [task({ id: 't-1' as TaskId, title: 'Write the checklist', assigneeId: people.bob, dueDate: '2026-12-08' as never })],
        keyResults: [delta({ id: krId, title: 'Activation rate' })],
        checkIns: [checkInOf({ keyResultId: krId, authorId: people.bob, note: 'Two teams onboarded' })],
        tasks: [{ task: task({ id: 't-2' as TaskId, title: 'Call the pilot teams' }), change: 'changed', from: null, done: true, fields: [] }],
        review: null,
      },
    ],
    praise: [{ id: 'p-1' as PraiseId, toPersonId: people.bob, fromPersonId: people.ada, text: 'for the survey', at: T0 + 40 * MIN, meetingId: meeting.id }],
    changes: changes({ summary: { ...NO_CHANGES, keyResultsMoved: 4, checkIns: 3, tasksDone: 2 } }),
  }
}

export type Route = (url: string, init?: RequestInit) => Response | Promise<Response>

/** A fetch that answers by path (without the query); unknown paths answer 500. Calls are recorded. */
export function fakeFetch(routes: Record<string, Route>) {
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    const handler = routes[url] ?? routes[url.split('?')[0]!]
    if (handler === undefined) return Response.json({ error: { code: 'nope', message: `no fake for ${url}` } }, { status: 500 })
    return handler(url, init)
  })
}
