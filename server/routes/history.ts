/**
 * @module A workspace's memory over HTTP (any link may read it): its checkpoints, the state of
 * one of them (the history view rebuilds the board from it), past meetings with their minutes,
 * what changed since a date (from the checkpoint taken at or before it), and who did what. The
 * diffs behind "what changed" and the minutes run in the history worker (services.diffs), never
 * on the thread that serves the rooms.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { encodeState, readState } from '../../shared/doc/index.ts'
import { isId } from '../../shared/model/index.ts'
import { CheckpointReason } from '../../shared/protocol/index.ts'
import type { CheckpointView } from '../../shared/protocol/index.ts'
import { Need, authorize, tokenOf, workspaceIdOf } from '../auth/access.ts'
import { ApiError } from '../errors.ts'
import { MinutesFormat } from '../history/historyJob.ts'
import type { Services } from '../services.ts'
import type { CheckpointInfo } from '../storage/CheckpointStore.ts'

const iso = (ms: number) => new Date(ms).toISOString()
/** A JSON object of `fields` and then `key`, whose value is JSON text made by the worker (not parsed again here). */
const jsonWith = (fields: Readonly<Record<string, string>>, key: string, json: string) => `${JSON.stringify(fields).slice(0, -1)},${JSON.stringify(key)}:${json}}`
const JSON_TYPE = { 'Content-Type': 'application/json' }
/** Checkpoints whose state vector is kept (a few hundred bytes each; checkpoints never change). */
const VECTORS_KEPT = 256

/** `?since=last-meeting`: changes since the latest meeting ended. */
const LAST_MEETING = 'last-meeting'

export function history(services: Services) {
  const { docs, checkpoints, diffs, now } = services
  /** State vectors of checkpoints, by workspace and id, oldest use first. */
  const vectors = new Map<string, Uint8Array>()
  /** The checkpoint's state vector: computed in the worker the first time (it reads the whole state), then kept. */
  const vectorOf = async (workspaceId: string, info: CheckpointInfo, state: Uint8Array): Promise<Uint8Array> => {
    const key = `${workspaceId}/${info.id}`
    const kept = vectors.get(key)
    vectors.delete(key)
    const vector = kept ?? (await diffs.run({ kind: 'stateVector', state }))
    vectors.set(key, vector)
    if (vectors.size > VECTORS_KEPT) vectors.delete(vectors.keys().next().value!)
    return vector
  }
  const reader = (c: Context) => {
    const workspaceId = workspaceIdOf(c.req.param('id') ?? '')
    return authorize(services, workspaceId, tokenOf(c.req.header('authorization'), c.req.query('token')), Need.Read).workspaceId
  }
  const stateOf = async (workspaceId: string, info: CheckpointInfo): Promise<Uint8Array> => {
    const state = await checkpoints.read(workspaceId, info.id)
    if (state === null) throw new ApiError(404, 'checkpoint_not_found', 'That checkpoint is gone (older than the retention?)')
    return state
  }

  /** The minutes of a meeting: from its start and end checkpoints, or the live document while it runs. */
  const minutesOf = async (workspaceId: string, meetingId: string, format: MinutesFormat): Promise<string> => {
    const list = (await checkpoints.list(workspaceId)).filter((cp) => cp.meetingId === meetingId)
    const start = list.find((cp) => cp.reason === CheckpointReason.MeetingStart)
    const end = list.find((cp) => cp.reason === CheckpointReason.MeetingEnd)
    const ended = end === undefined ? null : await stateOf(workspaceId, end)
    const started = start === undefined ? null : await stateOf(workspaceId, start)
    const state = ended ?? (await docs.withDoc(workspaceId, encodeState))
    const text = await diffs.run({ kind: 'minutes', meetingId, start: started, end: state, now: now(), format })
    if (text === null) throw new ApiError(404, 'meeting_not_found', 'No minutes for that meeting')
    return text
  }

  return new Hono()
    .get('/:id/checkpoints', async (c) => {
      const workspaceId = reader(c)
      const list = await checkpoints.list(workspaceId)
      return c.json({ checkpoints: list.map((cp): CheckpointView => ({ ...cp, at: iso(cp.at) })) })
    })

    .get('/:id/checkpoints/:checkpointId', async (c) => {
      const workspaceId = reader(c)
      const info = (await checkpoints.list(workspaceId)).find((cp) => cp.id === c.req.param('checkpointId'))
      if (info === undefined) throw new ApiError(404, 'checkpoint_not_found', 'No such checkpoint')
      const state = await stateOf(workspaceId, info)
      return c.body(state.slice().buffer as ArrayBuffer, 200, { 'Content-Type': 'application/octet-stream' })
    })

    .get('/:id/changes', async (c) => {
      const workspaceId = reader(c)
      const raw = c.req.query('since') ?? ''
      const list = await checkpoints.list(workspaceId)
      // "last-meeting": since the end of the latest meeting (what the board's banner shows).
      const lastMeeting = raw === LAST_MEETING ? [...list].reverse().find((cp) => cp.reason === CheckpointReason.MeetingEnd) : undefined
      if (raw === LAST_MEETING && lastMeeting === undefined) throw new ApiError(404, 'no_checkpoint', 'No meeting has ended in this workspace yet')
      const since = lastMeeting?.at ?? Date.parse(raw)
      if (raw === '' || Number.isNaN(since)) throw new ApiError(400, 'bad_since', 'since must be an ISO date (2026-11-30 or 2026-11-30T09:00:00Z) or last-meeting')
      // The state at `since`: the last checkpoint taken then or before (else the first after it).
      const base = [...list].reverse().find((cp) => cp.at <= since) ?? list[0]
      if (base === undefined) throw new ApiError(404, 'no_checkpoint', 'This workspace has no checkpoint yet: changes are counted from its first meeting, publish or day of edits')
      const before = await stateOf(workspaceId, base)
      const vector = await vectorOf(workspaceId, base, before)
      const t = now()
      // Only what the live document holds beyond the checkpoint: about a millisecond to encode on
      // a 2,000-card board after a week of work, where the whole state takes 15-30 ms.
      const after = await docs.withDoc(workspaceId, (doc) => encodeState(doc, vector))
      const changes = await diffs.run({ kind: 'changes', before, after, from: base.at, to: t })
      return c.body(jsonWith({ since: iso(since), from: iso(base.at), checkpoint: base.id, to: iso(t) }, 'changes', changes), 200, JSON_TYPE)
    })

    .get('/:id/meetings', async (c) => {
      const workspaceId = reader(c)
      const ends = (await checkpoints.list(workspaceId)).filter((cp) => cp.reason === CheckpointReason.MeetingEnd)
      const meetings = []
      for (const cp of ends.reverse()) {
        const meeting = readState(await stateOf(workspaceId, cp)).meeting.meeting
        if (meeting === null) continue
        // `attendees`: how many people were there (the Meetings view lists it).
        meetings.push({ id: meeting.id, kind: meeting.kind, cycleId: meeting.cycleId, startedAt: iso(meeting.startedAt), endedAt: iso(meeting.endedAt ?? cp.at), items: meeting.agenda.length, attendees: meeting.attendeeIds.length })
      }
      return c.json({ meetings })
    })

    .get('/:id/meetings/:meetingId/minutes.md', async (c) => {
      const workspaceId = reader(c)
      const meetingId = c.req.param('meetingId')
      const markdown = await minutesOf(workspaceId, meetingId, MinutesFormat.Markdown)
      c.header('Content-Disposition', `inline; filename="minutes-${meetingId}.md"`)
      return c.body(markdown, 200, { 'Content-Type': 'text/markdown; charset=utf-8' })
    })

    .get('/:id/activity', async (c) => {
      const workspaceId = reader(c)
      const target = c.req.query('target')
      if (target !== undefined && !isId(target)) throw new ApiError(400, 'bad_target', 'target must be a record id')
      const person = c.req.query('person')
      if (person !== undefined && !isId(person)) throw new ApiError(400, 'bad_person', 'person must be a person id')
      const raw = c.req.query('limit') ?? '50'
      const limit = /^\d{1,4}$/.test(raw) ? Math.min(Number(raw), 500) : Number.NaN
      if (!(limit >= 1)) throw new ApiError(400, 'bad_limit', 'limit must be a whole number from 1 to 500')
      const activity = await services.activity.list(workspaceId, { targetId: target, personId: person, limit })
      return c.json({ activity: activity.map((a) => ({ ...a, at: iso(a.at) })) })
    })

    .get('/:id/meetings/:meetingId/minutes', async (c) => {
      const workspaceId = reader(c)
      return c.body(await minutesOf(workspaceId, c.req.param('meetingId'), MinutesFormat.Json), 200, JSON_TYPE)
    })
}
