/**
 * @module Reads the meeting part of a document (the current meeting, its agenda, the vote rounds)
 * into plain frozen values. `meetingState(doc)` caches the result until one of the meeting roots
 * changes, so a workspace that holds no meeting pays one observer and nothing per edit.
 */
import * as Y from 'yjs'
import { AgendaItemKind, MeetingKind, MeetingStatus, VoteRoundStatus, VoteScale, enumValues, isId } from '../model/index.ts'
import type {
  AgendaItem,
  AgendaItemId,
  AgendaSubject,
  Ballot,
  Meeting,
  MeetingId,
  MeetingState,
  MeetingTimer,
  PersonId,
  TaskId,
  VoteResult,
  VoteRound,
  VoteRoundId,
} from '../model/index.ts'
import { asFields, ids, num, obj, oneOf, optId, optNum, str } from './decode.ts'
import { byRank } from './rank.ts'
import { MeetingRoots, Root } from './schema.ts'

/** The key of the meeting root that holds the current (or last) meeting. */
export const CURRENT_MEETING = 'current'

const EMPTY: MeetingState = Object.freeze({ meeting: null, voteRounds: new Map() })

/** The current meeting map, or undefined. */
export function currentMeetingMap(doc: Y.Doc): Y.Map<unknown> | undefined {
  const value = doc.getMap(Root.Meeting).get(CURRENT_MEETING)
  return value instanceof Y.Map ? value : undefined
}

/** Reads the meeting part afresh. */
export function readMeetingState(doc: Y.Doc): MeetingState {
  const m = currentMeetingMap(doc)
  const meeting = m === undefined ? null : readMeeting(doc, m)
  const voteRounds = new Map<VoteRoundId, VoteRound>()
  doc.getMap(Root.VoteRounds).forEach((value, id) => {
    const round = readVoteRound(id, value)
    if (round !== undefined) voteRounds.set(round.id, round)
  })
  return meeting === null && voteRounds.size === 0 ? EMPTY : Object.freeze({ meeting, voteRounds })
}

interface MeetingCache {
  dirty: boolean
  state: MeetingState
}
const caches = new WeakMap<Y.Doc, MeetingCache>()

/** The meeting part of `doc`: the same object until a meeting root changes. */
export function meetingState(doc: Y.Doc): MeetingState {
  let cache = caches.get(doc)
  if (cache === undefined) {
    const created: MeetingCache = { dirty: true, state: EMPTY }
    for (const root of MeetingRoots) doc.getMap(root).observeDeep(() => (created.dirty = true))
    caches.set(doc, created)
    cache = created
  }
  if (cache.dirty) {
    cache.state = readMeetingState(doc)
    cache.dirty = false
  }
  return cache.state
}

function readMeeting(doc: Y.Doc, m: Y.Map<unknown>): Meeting | null {
  const id = optId<MeetingId>(m, 'id')
  const cycleId = optId<Meeting['cycleId']>(m, 'cycleId')
  if (id === null || cycleId === null) return null
  const agenda: AgendaItem[] = []
  doc.getMap(Root.Agenda).forEach((value, itemId) => {
    if (!(value instanceof Y.Map) || value.get('meetingId') !== id || !isId(itemId)) return
    agenda.push(readAgendaItem(itemId as AgendaItemId, value))
  })
  agenda.sort(byRank((item) => item.rank))
  const current = optId<AgendaItemId>(m, 'currentItemId')
  return Object.freeze<Meeting>({
    id,
    kind: oneOf(m, 'kind', enumValues(MeetingKind), MeetingKind.Weekly),
    cycleId,
    status: oneOf(m, 'status', enumValues(MeetingStatus), MeetingStatus.Running),
    facilitatorId: optId<PersonId>(m, 'facilitatorId'),
    startedBy: optId<PersonId>(m, 'startedBy'),
    startedAt: num(m, 'startedAt', 0),
    endedAt: optNum(m, 'endedAt'),
    agenda: Object.freeze(agenda),
    // An item another replica deleted is no longer on the table.
    currentItemId: current !== null && agenda.some((item) => item.id === current) ? current : null,
    timer: readTimer(obj(m, 'timer')),
    attendeeIds: readAttendees(m.get('attendeeIds')),
  })
}

function readAttendees(value: unknown): readonly PersonId[] {
  const list = value instanceof Y.Array ? (value.toArray() as unknown[]) : []
  return Object.freeze([...new Set(list.filter(isId))] as PersonId[])
}

function readTimer(fields: Readonly<Record<string, unknown>> | undefined): MeetingTimer {
  if (fields === undefined) return Object.freeze({ itemId: null, runningSince: null, elapsedMs: 0 })
  return Object.freeze<MeetingTimer>({
    itemId: optId<AgendaItemId>(fields, 'itemId'),
    runningSince: optNum(fields, 'runningSince'),
    elapsedMs: Math.max(0, num(fields, 'elapsedMs', 0)),
  })
}

function readAgendaItem(id: AgendaItemId, m: Y.Map<unknown>): AgendaItem {
  const actions = m.get('actions')
  return Object.freeze<AgendaItem>({
    id,
    subject: readSubject(obj(m, 'subject')),
    title: str(m, 'title'),
    note: str(m, 'note'),
    rank: str(m, 'rank', 'a0'),
    timeboxMs: Math.max(0, num(m, 'timeboxMs', 0)),
    spentMs: Math.max(0, num(m, 'spentMs', 0)),
    skipped: m.get('skipped') === true,
    decision: str(m, 'decision'),
    actionTaskIds: Object.freeze(actions instanceof Y.Array ? (actions.toArray().filter(isId) as TaskId[]) : []),
  })
}

function readSubject(fields: Readonly<Record<string, unknown>> | undefined): AgendaSubject {
  const kind = fields === undefined ? AgendaItemKind.Custom : oneOf(fields, 'kind', enumValues(AgendaItemKind), AgendaItemKind.Custom)
  switch (kind) {
    case AgendaItemKind.Objective: {
      const objectiveId = optId<Extract<AgendaSubject, { kind: 'objective' }>['objectiveId']>(fields!, 'objectiveId')
      return objectiveId === null ? { kind: AgendaItemKind.Custom } : { kind, objectiveId }
    }
    case AgendaItemKind.KeyResult: {
      const keyResultId = optId<Extract<AgendaSubject, { kind: 'keyResult' }>['keyResultId']>(fields!, 'keyResultId')
      return keyResultId === null ? { kind: AgendaItemKind.Custom } : { kind, keyResultId }
    }
    case AgendaItemKind.TeamShare:
      return { kind, teamId: optId(fields!, 'teamId') }
    default:
      return { kind }
  }
}

/** A stored vote round (a plain object), or undefined when a peer stored junk. */
export function readVoteRound(id: string, value: unknown): VoteRound | undefined {
  const f = asFields(value)
  if (f === undefined || !isId(id)) return undefined
  const meetingId = optId<MeetingId>(f, 'meetingId')
  const itemId = optId<AgendaItemId>(f, 'itemId')
  const keyResultId = optId<VoteRound['keyResultId']>(f, 'keyResultId')
  const openedBy = optId<PersonId>(f, 'openedBy')
  if (meetingId === null || itemId === null || keyResultId === null || openedBy === null) return undefined
  return Object.freeze<VoteRound>({
    id: id as VoteRoundId,
    meetingId,
    itemId,
    keyResultId,
    scale: oneOf(f, 'scale', enumValues(VoteScale), VoteScale.Confidence),
    status: oneOf(f, 'status', enumValues(VoteRoundStatus), VoteRoundStatus.Closed),
    openedBy,
    openedAt: num(f, 'openedAt', 0),
    voterIds: Object.freeze(ids<PersonId>(f, 'voterIds')),
    result: readResult(obj(f, 'result')),
    recordedAt: optNum(f, 'recordedAt'),
  })
}

function readResult(f: Readonly<Record<string, unknown>> | undefined): VoteResult | null {
  if (f === undefined) return null
  const list = Array.isArray(f['ballots']) ? (f['ballots'] as unknown[]) : []
  const ballots: Ballot[] = []
  for (const entry of list) {
    const b = asFields(entry)
    const personId = b === undefined ? null : optId<PersonId>(b, 'personId')
    const value = b === undefined ? null : optNum(b, 'value')
    if (personId !== null && value !== null) ballots.push(Object.freeze({ personId, value }))
  }
  return Object.freeze<VoteResult>({
    ballots: Object.freeze(ballots),
    median: num(f, 'median', 0),
    spread: num(f, 'spread', 0),
    discuss: f['discuss'] === true,
    revealedAt: num(f, 'revealedAt', 0),
  })
}
