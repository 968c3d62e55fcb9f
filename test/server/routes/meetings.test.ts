/**
 * The meeting vote API through createApp (no network): open, ballot, reveal, close, record, and
 * every refusal the contract names; ballots stay in the ballot store until the reveal.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../../server/app.ts'
import {
  OriginSource,
  checkIn,
  createKeyResult,
  createObjective,
  createPerson,
  meetingState,
  openSession,
  publishCycle,
  snapshot,
} from '../../../shared/doc/index.ts'
import { goToAgendaItem, startMeeting } from '../../../shared/doc/meetings.ts'
import { AgendaItemKind, MeetingKind, VoteRoundStatus } from '../../../shared/model/index.ts'
import type { KeyResultId, MeetingKind as Kind, PersonId, VoteRound, VoteRoundId } from '../../../shared/model/index.ts'
import { testServices } from '../../helpers/services.ts'

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }
interface Meeting extends Created {
  readonly krId: KeyResultId
  readonly meetingId: string
  readonly ada: PersonId
  readonly bob: PersonId
  readonly cy: PersonId
}

let ctx: Awaited<ReturnType<typeof testServices>>
let app: ReturnType<typeof createApp>
const T = Date.UTC(2026, 10, 21, 12)

beforeEach(async () => {
  ctx = await testServices(() => T)
  app = createApp({ services: ctx.services, logError: () => {} })
})
afterEach(() => ctx.cleanup())

function send(method: string, path: string, body: unknown, token?: string): Promise<Response> {
  return Promise.resolve(
    app.request(`http://board.test${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    }),
  )
}

/** A published cycle, one KR, Ada, Bob and Cy, and a `kind` meeting led by Ada on the KR's item. */
async function meeting(kind: Kind = MeetingKind.Weekly): Promise<Meeting> {
  const res = await send('POST', '/api/workspaces', { name: 'Acme' })
  const w = (await res.json()) as Created
  const made = await ctx.docs.withDoc(w.id, (doc) => {
    const s = openSession(doc, { source: OriginSource.System, now: () => T })
    const cycleId = [...snapshot(doc).cycles.keys()][0]!
    const ada = createPerson(s, { name: 'Ada' })
    const bob = createPerson(s, { name: 'Bob' })
    const cy = createPerson(s, { name: 'Cy' })
    const objectiveId = createObjective(s, { cycleId, title: 'Grow', ownerId: ada })
    const krId = createKeyResult(s, { objectiveId, title: 'Signups', start: 10, target: 100, weight: 100 })
    publishCycle(s, cycleId)
    const asAda = openSession(doc, { source: OriginSource.System, actor: ada, now: () => T })
    startMeeting(asAda, { kind, cycleId })
    const m = meetingState(doc).meeting!
    const item = m.agenda.find((i) => i.subject.kind === AgendaItemKind.KeyResult)!
    if (m.currentItemId !== item.id) goToAgendaItem(asAda, item.id)
    return { ada, bob, cy, krId, meetingId: m.id }
  })
  return { ...w, ...made }
}

const votes = (m: Meeting) => `/api/workspaces/${m.id}/meetings/current/votes`
const ballotPath = (m: Meeting, roundId: string, personId: string) => `${votes(m)}/${roundId}/ballots/${personId}`

async function open(m: Meeting, by: PersonId = m.ada, token = m.tokens.editor): Promise<VoteRound> {
  const res = await send('POST', votes(m), { personId: by }, token)
  expect(res.status).toBe(201)
  return (await res.json()) as VoteRound
}

async function vote(m: Meeting, roundId: string, personId: PersonId, value: number, token = m.tokens.editor) {
  const res = await send('PUT', ballotPath(m, roundId, personId), { value }, token)
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const roundIn = (m: Meeting, id: string) => meetingState(ctx.docs.docs.get(m.id)!).voteRounds.get(id as VoteRoundId)
const docJson = (m: Meeting) => JSON.stringify(ctx.docs.docs.get(m.id)!.toJSON())

describe('GET /api/time', () => {
  it("gives the server's clock without a token, never cached", async () => {
    const res = await app.request('/api/time')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual({ now: T })
  })
})

describe('meeting votes over REST', () => {
  it('opens a round on the current KR; the doc lists who voted, never the value, until the reveal', async () => {
    const m = await meeting()
    const round = await open(m)
    expect(round).toMatchObject({ status: VoteRoundStatus.Open, keyResultId: m.krId, scale: 'confidence', voterIds: [], openedBy: m.ada })
    expect(await vote(m, round.id, m.bob, 7)).toEqual({ status: 200, body: { voted: true, revealed: false } })
    expect(await vote(m, round.id, m.cy, 3, m.tokens.owner)).toEqual({ status: 200, body: { voted: true, revealed: false } })
    expect(roundIn(m, round.id)).toMatchObject({ status: VoteRoundStatus.Open, voterIds: [m.bob, m.cy], result: null })
    expect(docJson(m)).not.toMatch(/"value":7|"value":3/)
    expect(ctx.services.ballots.ballots(m.id, round.id)).toEqual([
      { personId: m.bob, value: 7 },
      { personId: m.cy, value: 3 },
    ].sort((a, b) => (a.personId < b.personId ? -1 : 1)))

    const res = await send('POST', `${votes(m)}/${round.id}/reveal`, { personId: m.ada }, m.tokens.editor)
    expect(res.status).toBe(200)
    const revealed = (await res.json()) as VoteRound
    expect(revealed.status).toBe(VoteRoundStatus.Revealed)
    expect(revealed.result).toMatchObject({ median: 5, spread: 4, discuss: true })
    expect(roundIn(m, round.id)?.result?.ballots).toHaveLength(2)
    expect(ctx.services.ballots.rounds(m.id)).toEqual([])
  })

  it('one vote per person: a changed vote replaces the first', async () => {
    const m = await meeting()
    const round = await open(m)
    await vote(m, round.id, m.bob, 2)
    await vote(m, round.id, m.bob, 8)
    await vote(m, round.id, m.cy, 8)
    expect(roundIn(m, round.id)?.voterIds).toEqual([m.bob, m.cy])
    const res = await send('POST', `${votes(m)}/${round.id}/reveal`, { personId: m.ada }, m.tokens.editor)
    const revealed = (await res.json()) as VoteRound
    expect(revealed.result?.ballots.map((b) => b.value)).toEqual([8, 8])
    expect(revealed.result).toMatchObject({ median: 8, spread: 0, discuss: false })
  })

  it('reveals by itself once everyone present in the meeting has voted', async () => {
    const m = await meeting()
    ctx.docs.presence.set(m.id, [
      { personId: m.ada, meetingId: m.meetingId },
      { personId: m.bob, meetingId: m.meetingId },
      // In another (old) meeting: not present in this one.
      { personId: m.cy, meetingId: 'elsewhere' },
    ])
    const round = await open(m)
    expect((await vote(m, round.id, m.bob, 6)).body).toEqual({ voted: true, revealed: false })
    expect((await vote(m, round.id, m.ada, 9)).body).toEqual({ voted: true, revealed: true })
    expect(roundIn(m, round.id)).toMatchObject({ status: VoteRoundStatus.Revealed, result: { median: 7.5, spread: 3, discuss: false } })
    expect(ctx.services.ballots.rounds(m.id)).toEqual([])
  })

  it('refuses a vote after the reveal or the close (409 vote-closed), for an unknown round (404), out of scale (400)', async () => {
    const m = await meeting()
    const round = await open(m)
    expect(await vote(m, round.id, m.bob, 11)).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } })
    expect(await vote(m, round.id, m.bob, 6.5)).toMatchObject({ status: 400 })
    expect(await vote(m, 'nope', m.bob, 5)).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } })
    expect(await vote(m, round.id, 'ghost' as PersonId, 5)).toMatchObject({ status: 404, body: { error: { code: 'not-found' } } })
    await vote(m, round.id, m.bob, 5)
    await send('POST', `${votes(m)}/${round.id}/reveal`, { personId: m.ada }, m.tokens.editor)
    expect(await vote(m, round.id, m.cy, 5)).toMatchObject({ status: 409, body: { error: { code: 'vote-closed' } } })

    const next = await open(m)
    await vote(m, next.id, m.bob, 4)
    const closed = await send('POST', `${votes(m)}/${next.id}/close`, { personId: m.ada }, m.tokens.editor)
    expect(closed.status).toBe(200)
    expect(((await closed.json()) as VoteRound).status).toBe(VoteRoundStatus.Closed)
    expect(ctx.services.ballots.rounds(m.id)).toEqual([])
    expect(await vote(m, next.id, m.cy, 5)).toMatchObject({ status: 409, body: { error: { code: 'vote-closed' } } })
    expect(roundIn(m, next.id)?.result).toBeNull()
  })

  it('viewers cannot vote; only the facilitator opens, reveals, closes and records; a bad token is 401', async () => {
    const m = await meeting()
    const round = await open(m)
    expect(await vote(m, round.id, m.bob, 5, m.tokens.viewer)).toMatchObject({ status: 403 })
    expect(ctx.services.ballots.ballots(m.id, round.id)).toEqual([])
    for (const path of [votes(m), `${votes(m)}/${round.id}/reveal`, `${votes(m)}/${round.id}/close`, `${votes(m)}/${round.id}/record`]) {
      const bob = await send('POST', path, { personId: m.bob }, m.tokens.editor)
      expect(bob.status, path).toBe(403)
      expect(((await bob.json()) as { error: { code: string } }).error.code).toBe('not-facilitator')
      expect((await send('POST', path, { personId: m.ada }, m.tokens.viewer)).status, path).toBe(403)
      expect((await send('POST', path, { personId: m.ada })).status, path).toBe(401)
    }
    expect(roundIn(m, round.id)?.status).toBe(VoteRoundStatus.Open)
  })

  it('opening a new round closes the open one and drops its ballots', async () => {
    const m = await meeting()
    const first = await open(m)
    await vote(m, first.id, m.bob, 5)
    const second = await open(m)
    expect(roundIn(m, first.id)?.status).toBe(VoteRoundStatus.Closed)
    expect(ctx.services.ballots.rounds(m.id)).toEqual([])
    expect(roundIn(m, second.id)?.status).toBe(VoteRoundStatus.Open)
  })

  it('records the median as a check-in (note "meeting vote, 2 people"), once', async () => {
    const m = await meeting()
    await ctx.docs.withDoc(m.id, (doc) => checkIn(openSession(doc, { now: () => T - 1000 }), { keyResultId: m.krId, value: 42, confidence: 4 }))
    const round = await open(m)
    await vote(m, round.id, m.bob, 6)
    await vote(m, round.id, m.cy, 9)
    const early = await send('POST', `${votes(m)}/${round.id}/record`, { personId: m.ada }, m.tokens.editor)
    expect(early.status).toBe(400)
    await send('POST', `${votes(m)}/${round.id}/reveal`, { personId: m.ada }, m.tokens.editor)
    const res = await send('POST', `${votes(m)}/${round.id}/record`, { personId: m.ada }, m.tokens.editor)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { recorded: string; checkIn: Record<string, unknown> }
    // Median 7.5: halves round up.
    expect(body).toMatchObject({ recorded: 'check-in', checkIn: { keyResultId: m.krId, value: 42, confidence: 8, note: 'meeting vote, 2 people', authorId: m.ada } })
    const checkIns = [...snapshot(ctx.docs.docs.get(m.id)!).checkIns.values()].filter((c) => c.note === 'meeting vote, 2 people')
    expect(checkIns).toHaveLength(1)
    expect(roundIn(m, round.id)?.recordedAt).toBe(T)
    const again = await send('POST', `${votes(m)}/${round.id}/record`, { personId: m.ada }, m.tokens.editor)
    expect(again.status).toBe(409)
  })

  it('in a review, votes are scores in tenths and the median becomes the lead score', async () => {
    const m = await meeting(MeetingKind.Review)
    const round = await open(m)
    expect(round.scale).toBe('score')
    expect(await vote(m, round.id, m.bob, 7)).toMatchObject({ status: 400 })
    expect(await vote(m, round.id, m.bob, 0.35)).toMatchObject({ status: 400 })
    await vote(m, round.id, m.bob, 0.3)
    await vote(m, round.id, m.cy, 0.8)
    const revealed = (await (await send('POST', `${votes(m)}/${round.id}/reveal`, { personId: m.ada }, m.tokens.editor)).json()) as VoteRound
    expect(revealed.result).toMatchObject({ median: 0.55, spread: 0.5, discuss: true })
    const res = await send('POST', `${votes(m)}/${round.id}/record`, { personId: m.ada }, m.tokens.owner)
    expect(await res.json()).toMatchObject({ recorded: 'score', keyResultId: m.krId, leadScore: 0.55 })
    expect(snapshot(ctx.docs.docs.get(m.id)!).scores.get(m.krId)?.leadScore).toBe(0.55)
  })

  it('concurrent ballots all land before an automatic reveal', async () => {
    const m = await meeting()
    const people = [m.ada, m.bob, m.cy]
    ctx.docs.presence.set(m.id, people.map((personId) => ({ personId, meetingId: m.meetingId })))
    const round = await open(m)
    const answers = await Promise.all(people.map((p, i) => vote(m, round.id, p, i + 1)))
    expect(answers.map((a) => a.body.revealed)).toEqual([false, false, true])
    expect(roundIn(m, round.id)?.result?.ballots.map((b) => b.value).sort()).toEqual([1, 2, 3])
  })
})
