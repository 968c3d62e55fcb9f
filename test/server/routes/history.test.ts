/**
 * A workspace's memory over HTTP through createApp: checkpoints, what changed since a date,
 * past meetings and their minutes; any link may read it, a bad request gets a JSON error.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createApp } from '../../../server/app.ts'
import { CheckpointReason } from '../../../shared/protocol/index.ts'
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
import { endMeeting, recordAttendees, startMeeting } from '../../../shared/doc/meetings.ts'
import { MeetingKind } from '../../../shared/model/index.ts'
import type { KeyResultId, PersonId } from '../../../shared/model/index.ts'
import { testServices } from '../../helpers/services.ts'

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }

let ctx: Awaited<ReturnType<typeof testServices>>
let app: ReturnType<typeof createApp>
let t = Date.UTC(2026, 10, 21, 12)

beforeEach(async () => {
  t = Date.UTC(2026, 10, 21, 12)
  ctx = await testServices(() => t)
  app = createApp({ services: ctx.services, logError: () => {} })
})
afterEach(() => ctx.cleanup())

async function get(path: string, token?: string): Promise<Response> {
  return app.request(`http://board.test${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} })
}

/** A workspace with a published cycle, one KR and two people; a checkpoint taken now. */
async function workspace(): Promise<Created & { krId: KeyResultId; ada: PersonId; bob: PersonId; checkpoint: () => Promise<void> }> {
  const res = await app.request('http://board.test/api/workspaces', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Memory' }) })
  const ws = (await res.json()) as Created
  const ids = await ctx.services.docs.withDoc(ws.id, (doc) => {
    const s = openSession(doc, { source: OriginSource.Api, now: () => t })
    const cycleId = [...snapshot(doc).cycles.keys()][0]!
    const ada = createPerson(s, { name: 'Ada' })
    const bob = createPerson(s, { name: 'Bob' })
    const o = createObjective(s, { cycleId, title: 'Grow' })
    const krId = createKeyResult(s, { objectiveId: o, title: 'Signups', start: 0, target: 100, weight: 100 })
    publishCycle(s, cycleId)
    return { krId, ada, bob }
  })
  const checkpoint = async (reason = CheckpointReason.Daily, meetingId: string | null = null) => {
    const state = await ctx.services.docs.withDoc(ws.id, (doc) => Y.encodeStateAsUpdate(doc))
    await ctx.services.checkpoints.write(ws.id, t, reason, meetingId, state)
  }
  await checkpoint()
  return { ...ws, ...ids, checkpoint }
}

describe('GET /api/workspaces/:id/changes', () => {
  it('returns what changed since the checkpoint taken at or before the date, for any link', async () => {
    const ws = await workspace()
    t += 3_600_000
    await ctx.services.docs.withDoc(ws.id, (doc) => checkIn(openSession(doc, { now: () => t }), { keyResultId: ws.krId, value: 40, confidence: 6, note: 'Launch week' }))
    const res = await get(`/api/workspaces/${ws.id}/changes?since=2026-11-21T12:30:00Z`, ws.tokens.viewer)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { from: string; changes: { summary: { keyResultsMoved: number; checkIns: number }; checkIns: { note: string }[]; keyResults: { progressBefore: number; progressAfter: number }[] } }
    expect(body.from).toBe('2026-11-21T12:00:00.000Z')
    expect(body.changes.summary).toMatchObject({ keyResultsMoved: 1, checkIns: 1 })
    expect(body.changes.checkIns.map((c) => c.note)).toEqual(['Launch week'])
    expect(body.changes.keyResults[0]).toMatchObject({ progressBefore: 0, progressAfter: 0.4 })
  })

  it('refuses a missing or bad date, a bad token, and a workspace with no checkpoint, as JSON errors', async () => {
    const ws = await workspace()
    for (const query of ['', '?since=', '?since=yesterday']) {
      const res = await get(`/api/workspaces/${ws.id}/changes${query}`, ws.tokens.viewer)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_since')
    }
    expect((await get(`/api/workspaces/${ws.id}/changes?since=2026-01-01`, 'nope')).status).toBe(401)
    const res = await app.request('http://board.test/api/workspaces', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Fresh' }) })
    const fresh = (await res.json()) as Created
    const none = await get(`/api/workspaces/${fresh.id}/changes?since=2026-01-01`, fresh.tokens.editor)
    expect(none.status).toBe(404)
    expect(((await none.json()) as { error: { code: string } }).error.code).toBe('no_checkpoint')
    const noMeeting = await get(`/api/workspaces/${ws.id}/changes?since=last-meeting`, ws.tokens.editor)
    expect(noMeeting.status).toBe(404)
  })
})

describe('checkpoints and meetings', () => {
  it('lists checkpoints and serves one as a Yjs state', async () => {
    const ws = await workspace()
    const list = (await (await get(`/api/workspaces/${ws.id}/checkpoints`, ws.tokens.viewer)).json()) as { checkpoints: { id: string; reason: string }[] }
    expect(list.checkpoints.map((c) => c.reason)).toEqual(['daily'])
    const res = await get(`/api/workspaces/${ws.id}/checkpoints/${list.checkpoints[0]!.id}`, ws.tokens.viewer)
    expect(res.headers.get('content-type')).toBe('application/octet-stream')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, new Uint8Array(await res.arrayBuffer()))
    expect([...snapshot(doc).keyResults.values()].map((k) => k.title)).toEqual(['Signups'])
    expect((await get(`/api/workspaces/${ws.id}/checkpoints/000-nope`, ws.tokens.viewer)).status).toBe(404)
  })

  it('lists past meetings and gives their minutes as Markdown, the running one so far', async () => {
    const ws = await workspace()
    const meetingId = await ctx.services.docs.withDoc(ws.id, (doc) => {
      startMeeting(openSession(doc, { actor: ws.ada, now: () => t }), { kind: MeetingKind.Weekly, cycleId: meetingStateCycle(doc) })
      recordAttendees(openSession(doc, { source: OriginSource.System }), [ws.bob])
      return meetingState(doc).meeting!.id
    })
    await ctx.services.checkpoints.write(ws.id, t + 1, CheckpointReason.MeetingStart, meetingId, await ctx.services.docs.withDoc(ws.id, (doc) => Y.encodeStateAsUpdate(doc)))
    const sofar = await get(`/api/workspaces/${ws.id}/meetings/${meetingId}/minutes.md`, ws.tokens.viewer)
    expect(sofar.status).toBe(200)
    expect(await sofar.text()).toContain('# Weekly check-in')
    t += 600_000
    await ctx.services.docs.withDoc(ws.id, (doc) => {
      const ada = openSession(doc, { actor: ws.ada, now: () => t })
      checkIn(ada, { keyResultId: ws.krId, value: 25, confidence: 7, note: 'On track' })
      endMeeting(ada)
    })
    await ctx.services.checkpoints.write(ws.id, t, CheckpointReason.MeetingEnd, meetingId, await ctx.services.docs.withDoc(ws.id, (doc) => Y.encodeStateAsUpdate(doc)))
    const meetings = (await (await get(`/api/workspaces/${ws.id}/meetings`, ws.tokens.viewer)).json()) as { meetings: { id: string; kind: string }[] }
    expect(meetings.meetings).toEqual([expect.objectContaining({ id: meetingId, kind: 'weekly' })])
    const res = await get(`/api/workspaces/${ws.id}/meetings/${meetingId}/minutes.md`, ws.tokens.viewer)
    expect(res.headers.get('content-type')).toContain('text/markdown')
    const md = await res.text()
    expect(md).toContain('- **Attendees:** Ada, Bob')
    expect(md).toContain('- **When:** 2026-11-21 12:00 UTC, 10:00')
    expect(md).toContain('"On track"')
    expect((await get(`/api/workspaces/${ws.id}/meetings/nope/minutes.md`, ws.tokens.viewer)).status).toBe(404)
    const data = (await (await get(`/api/workspaces/${ws.id}/meetings/${meetingId}/minutes`, ws.tokens.viewer)).json()) as { minutes: { attendees: string[]; durationMs: number } }
    expect(data.minutes).toMatchObject({ attendees: ['Ada', 'Bob'], durationMs: 600_000 })

    // Since the last meeting: a check-in after it ended, and nothing from during it.
    t += 60_000
    await ctx.services.docs.withDoc(ws.id, (doc) => checkIn(openSession(doc, { now: () => t }), { keyResultId: ws.krId, value: 35, confidence: 7, note: 'After' }))
    const since = (await (await get(`/api/workspaces/${ws.id}/changes?since=last-meeting`, ws.tokens.viewer)).json()) as { from: string; changes: { checkIns: { note: string }[] } }
    expect(since.from).toBe(new Date(t - 60_000).toISOString())
    expect(since.changes.checkIns.map((c) => c.note)).toEqual(['After'])
  })
})

function meetingStateCycle(doc: Y.Doc) {
  return [...snapshot(doc).cycles.keys()][0]!
}
