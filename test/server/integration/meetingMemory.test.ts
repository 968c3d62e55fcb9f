/**
 * The meeting remembers, over the real server (127.0.0.1:0, real files) with stock y-websocket
 * clients: presence makes attendees (not viewers: their presence is never shown), starting and ending a meeting leaves
 * checkpoints in DATA_DIR, and the API gives the minutes and what changed since.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
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
import { endMeeting, startMeeting } from '../../../shared/doc/meetings.ts'
import { MeetingKind, MeetingStatus } from '../../../shared/model/index.ts'
import type { KeyResultId, PersonId } from '../../../shared/model/index.ts'
import { connectClient } from '../../helpers/syncClient.ts'
import type { SyncClient } from '../../helpers/syncClient.ts'
import { waitFor } from '../../helpers/waitFor.ts'

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }

let dataDir: string
let server: RunningServer | null = null
const clients: SyncClient[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roundtable-memory-'))
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  server = null
  await rm(dataDir, { recursive: true, force: true })
})

async function json<T>(res: Response): Promise<T> {
  return (await res.json()) as T
}

describe('meeting memory over the real server', () => {
  it('records attendees from presence, checkpoints the start and end, and serves minutes and changes', async () => {
    const config = { ...readConfig({ PORT: '0', DATA_DIR: dataDir }), limits: { ...readConfig({}).limits, commitWindowMs: 10 } }
    server = await startServer(config, { log: () => {}, demo: false, serveClient: false })
    const url = server.url
    const w = await json<Created>(await fetch(`${url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Acme' }) }))
    const { ada, bob, cy, krId, cycleId } = await server.rooms.withDoc(w.id, (doc) => {
      const s = openSession(doc, { source: OriginSource.System })
      const cycleId = [...snapshot(doc).cycles.keys()][0]!
      const people = ['Ada', 'Bob', 'Cy'].map((name) => createPerson(s, { name }))
      const objectiveId = createObjective(s, { cycleId, title: 'Grow' })
      const krId: KeyResultId = createKeyResult(s, { objectiveId, title: 'Signups', start: 0, target: 100, weight: 100 })
      publishCycle(s, cycleId)
      return { ada: people[0]!, bob: people[1]!, cy: people[2]!, krId, cycleId }
    })

    const facilitator = connectClient(url, w.id, w.tokens.editor)
    const member = connectClient(url, w.id, w.tokens.editor)
    const viewer = connectClient(url, w.id, w.tokens.viewer)
    const bystander = connectClient(url, w.id, w.tokens.editor)
    clients.push(facilitator, member, viewer, bystander)
    await Promise.all(clients.map((c) => c.synced()))
    const adaSession = openSession(facilitator.doc, { actor: ada })
    startMeeting(adaSession, { kind: MeetingKind.Weekly, cycleId })
    const meetingId = meetingState(facilitator.doc).meeting!.id
    const present = (c: SyncClient, personId: PersonId, name: string, inMeeting: boolean) =>
      c.provider.awareness.setLocalState({ user: { name, color: '#336699', personId }, ...(inMeeting ? { meeting: { meetingId, following: ada, away: false } } : {}) })
    present(facilitator, ada, 'Ada', true)
    present(member, bob, 'Bob', true)
    // Cy watches through a viewer link (its presence is not shown) and from an editor tab that
    // never joins the meeting.
    present(viewer, cy, 'Cy', true)
    present(bystander, cy, 'Cy', false)
    await waitFor(() => meetingState(facilitator.doc).meeting?.attendeeIds.length === 2, 'attendees from presence')
    expect([...meetingState(facilitator.doc).meeting!.attendeeIds].sort()).toEqual([ada, bob].sort())

    checkIn(adaSession, { keyResultId: krId, value: 30, confidence: 7, note: 'Signups doubled' })
    endMeeting(adaSession)
    await waitFor(() => meetingState(viewer.doc).meeting?.status === MeetingStatus.Ended, 'the end to reach the viewer')
    const files = async () => (await readdir(join(dataDir, 'checkpoints', w.id)).catch(() => [] as string[])).filter((f) => f.endsWith('.ydoc'))
    const deadline = Date.now() + 10_000
    while ((await files()).filter((f) => f.includes('meeting-end')).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
    const names = await files()
    expect(names.some((f) => f.includes(`meeting-start-${meetingId}`))).toBe(true)
    expect(names.some((f) => f.includes(`meeting-end-${meetingId}`))).toBe(true)

    const minutes = await fetch(`${url}/api/workspaces/${w.id}/meetings/${meetingId}/minutes.md`, { headers: { authorization: `Bearer ${w.tokens.viewer}` } })
    expect(minutes.status).toBe(200)
    const md = await minutes.text()
    expect(md).toContain('- **Attendees:** Ada, Bob')
    expect(md).toContain('"Signups doubled"')
    expect(md).toContain('Signups: progress 0% -> 30%, confidence - -> 7')

    const since = new Date(meetingState(viewer.doc).meeting!.startedAt).toISOString()
    const changes = await json<{ changes: { summary: { checkIns: number } } }>(await fetch(`${url}/api/workspaces/${w.id}/changes?since=${since}`, { headers: { authorization: `Bearer ${w.tokens.editor}` } }))
    expect(changes.changes.summary.checkIns).toBe(1)
  })
})
