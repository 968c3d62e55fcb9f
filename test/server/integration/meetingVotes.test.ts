/**
 * Private meeting votes over the real server on 127.0.0.1:0 with real files, stock y-websocket
 * providers as clients and the REST API over fetch: no value reaches any client before the reveal,
 * a forged reveal is refused, the round reveals itself once everyone present has voted, and
 * unrevealed ballots survive the server being killed.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import {
  OriginSource,
  Root,
  createKeyResult,
  createObjective,
  createPerson,
  createTask,
  meetingState,
  openSession,
  publishCycle,
  snapshot,
} from '../../../shared/doc/index.ts'
import { goToAgendaItem, startMeeting } from '../../../shared/doc/meetings.ts'
import type { Session } from '../../../shared/doc/index.ts'
import { AgendaItemKind, MeetingKind, VoteRoundStatus } from '../../../shared/model/index.ts'
import type { KeyResultId, PersonId, VoteRound, VoteRoundId } from '../../../shared/model/index.ts'
import { CloseCode } from '../../../shared/protocol/index.ts'
import { startServerProcess } from '../../helpers/serverProcess.ts'
import type { ServerProcess } from '../../helpers/serverProcess.ts'
import { connectClient } from '../../helpers/syncClient.ts'
import type { SyncClient } from '../../helpers/syncClient.ts'
import { waitFor } from '../../helpers/waitFor.ts'

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }
interface Setup {
  readonly w: Created
  readonly krId: KeyResultId
  readonly meetingId: string
  readonly ada: PersonId
  readonly bob: PersonId
}

let dataDir: string
let server: RunningServer | null
let child: ServerProcess | null
const clients: SyncClient[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roundtable-votes-'))
  server = null
  child = null
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.stop()
  await child?.kill('SIGKILL')
  await rm(dataDir, { recursive: true, force: true })
})

async function start(): Promise<RunningServer> {
  const config = { ...readConfig({ PORT: '0', DATA_DIR: dataDir }), limits: { ...readConfig({}).limits, commitWindowMs: 10 } }
  return startServer(config, { log: () => {}, demo: false, serveClient: false })
}

async function call<T = Record<string, unknown>>(url: string, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
  const res = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as T }
}

function client(url: string, w: Created, role: keyof Created['tokens'] = 'editor'): SyncClient {
  const c = connectClient(url, w.id, w.tokens[role])
  clients.push(c)
  return c
}

/** Ada and Bob, a published cycle with one KR, and a weekly meeting Ada leads, on the KR's item. */
function buildMeeting(s: Session, asPerson: (id: PersonId) => Session): Omit<Setup, 'w'> {
  const cycleId = [...snapshot(s.doc).cycles.keys()][0]!
  const ada = createPerson(s, { name: 'Ada' })
  const bob = createPerson(s, { name: 'Bob' })
  const objectiveId = createObjective(s, { cycleId, title: 'Grow', ownerId: ada })
  const krId = createKeyResult(s, { objectiveId, title: 'Signups', start: 10, target: 100, weight: 100 })
  publishCycle(s, cycleId)
  startMeeting(asPerson(ada), { kind: MeetingKind.Weekly, cycleId })
  const m = meetingState(s.doc).meeting!
  const item = m.agenda.find((i) => i.subject.kind === AgendaItemKind.KeyResult)!
  if (m.currentItemId !== item.id) goToAgendaItem(asPerson(ada), item.id)
  return { ada, bob, krId, meetingId: m.id }
}

/** A workspace with a running meeting, made on the in-process server's live document. */
async function setup(): Promise<Setup> {
  server = await start()
  const w = (await call<Created>(server.url, 'POST', '/api/workspaces', { name: 'Acme' })).body
  const made = await server.rooms.withDoc(w.id, (doc) =>
    buildMeeting(openSession(doc, { source: OriginSource.System }), (actor) => openSession(doc, { source: OriginSource.Api, actor })),
  )
  return { w, ...made }
}

const votes = (w: Created) => `/api/workspaces/${w.id}/meetings/current/votes`
const roundOf = (doc: Y.Doc, id: string) => meetingState(doc).voteRounds.get(id as VoteRoundId)

/** Every root of the document as JSON, one string per root. */
function everyRoot(doc: Y.Doc): string {
  return Object.values(Root)
    .map((name) => `${name}: ${JSON.stringify(doc.getMap(name).toJSON())}`)
    .join('\n')
}

describe('private meeting votes over the wire', () => {
  it('an editor reading the whole document finds who voted and no value before the reveal; everything after it', async () => {
    const { w, ada, bob, meetingId } = await setup()
    const url = server!.url
    const spy = client(url, w)
    await spy.synced()
    const round = (await call<VoteRound>(url, 'POST', votes(w), { personId: ada }, w.tokens.editor)).body
    // Values no figure of the fixture has: 7 and 3, as ballots of two people.
    expect((await call(url, 'PUT', `${votes(w)}/${round.id}/ballots/${ada}`, { value: 7 }, w.tokens.editor)).status).toBe(200)
    expect((await call(url, 'PUT', `${votes(w)}/${round.id}/ballots/${bob}`, { value: 3 }, w.tokens.owner)).status).toBe(200)
    await waitFor(() => roundOf(spy.doc, round.id)?.voterIds.length === 2, 'the spy sees two voters')

    const beforeReveal = everyRoot(spy.doc)
    expect(JSON.stringify(spy.doc.getMap(Root.VoteRounds).toJSON())).not.toMatch(/ballots|median|"value"/)
    expect(beforeReveal).not.toMatch(/"ballots"|"value":7|"value":3|"median"/)
    expect(roundOf(spy.doc, round.id)).toMatchObject({ meetingId, status: VoteRoundStatus.Open, result: null })
    // The raw bytes as well: no key of a result was ever written, not even overwritten since.
    const bytes = Buffer.from(Y.encodeStateAsUpdate(spy.doc)).toString('latin1')
    expect(bytes).not.toMatch(/ballots|median|spread/)

    expect((await call(url, 'POST', `${votes(w)}/${round.id}/reveal`, { personId: ada }, w.tokens.editor)).status).toBe(200)
    await waitFor(() => roundOf(spy.doc, round.id)?.status === VoteRoundStatus.Revealed, 'the spy sees the reveal')
    // The same reading now finds them: the checks above could fail.
    expect(everyRoot(spy.doc)).toMatch(/"ballots":\[.*"value":7/)
    expect(Buffer.from(Y.encodeStateAsUpdate(spy.doc)).toString('latin1')).toMatch(/ballots/)
    expect(roundOf(spy.doc, round.id)?.result).toMatchObject({ median: 5, spread: 4, discuss: true })
    expect(spy.closes).toEqual([])
  })

  it("refuses a viewer's ballot (403) and a forged reveal written into the document (4403), which nobody else sees", async () => {
    const { w, ada, bob } = await setup()
    const url = server!.url
    const [forger, watcher] = [client(url, w), client(url, w)]
    await Promise.all([forger.synced(), watcher.synced()])
    const round = (await call<VoteRound>(url, 'POST', votes(w), { personId: ada }, w.tokens.editor)).body
    const viewer = await call(url, 'PUT', `${votes(w)}/${round.id}/ballots/${bob}`, { value: 5 }, w.tokens.viewer)
    expect(viewer.status).toBe(403)
    await call(url, 'PUT', `${votes(w)}/${round.id}/ballots/${bob}`, { value: 6 }, w.tokens.editor)
    await waitFor(() => roundOf(forger.doc, round.id)?.voterIds.length === 1, 'the forger sees one voter')

    const current = roundOf(forger.doc, round.id)!
    forger.doc.getMap(Root.VoteRounds).set(round.id, {
      ...current,
      status: VoteRoundStatus.Revealed,
      result: { ballots: [{ personId: bob, value: 10 }], median: 10, spread: 0, discuss: false, revealedAt: 1 },
    })
    await waitFor(() => forger.closes.includes(CloseCode.Forbidden), 'the forger is closed with 4403')
    forger.destroy()

    // A later edit reaches the watcher: the forged one never came before it.
    const other = client(url, w)
    await other.synced()
    const cycleId = [...other.snap().cycles.keys()][0]!
    const marker = createTask(other.s, { title: 'After the forgery', columnId: 'todo', cycleId })
    await waitFor(() => watcher.snap().tasks.has(marker), 'the watcher sees the later task')
    expect(roundOf(watcher.doc, round.id)).toMatchObject({ status: VoteRoundStatus.Open, result: null })
    expect(await server!.rooms.withDoc(w.id, (doc) => roundOf(doc, round.id)?.status)).toBe(VoteRoundStatus.Open)
    expect(watcher.closes).toEqual([])

    // The real reveal still has the real value.
    const revealed = await call<VoteRound>(url, 'POST', `${votes(w)}/${round.id}/reveal`, { personId: ada }, w.tokens.editor)
    expect(revealed.body.result?.ballots).toEqual([{ personId: bob, value: 6 }])
  })

  it('reveals by itself once everyone present in the meeting (by presence) has voted; a changed vote replaces the first; later votes get 409', async () => {
    const { w, ada, bob, meetingId } = await setup()
    const url = server!.url
    const [adaTab, bobTab, lurker] = [client(url, w), client(url, w), client(url, w)]
    await Promise.all([adaTab.synced(), bobTab.synced(), lurker.synced()])
    const join = (c: SyncClient, personId: PersonId, name: string, meeting: string | null) =>
      c.provider.awareness.setLocalState({
        user: { name, color: '#336699', personId },
        ...(meeting === null ? {} : { meeting: { meetingId: meeting, following: null, away: false } }),
      })
    join(adaTab, ada, 'Ada', meetingId)
    join(bobTab, bob, 'Bob', meetingId)
    // Connected but not in the meeting: not waited for.
    join(lurker, 'cy' as PersonId, 'Cy', null)
    await waitFor(() => server!.rooms.presentIn(w.id, meetingId).size === 2, 'the server sees two people in the meeting')

    const round = (await call<VoteRound>(url, 'POST', votes(w), { personId: ada }, w.tokens.editor)).body
    const put = (personId: PersonId, value: number) => call(url, 'PUT', `${votes(w)}/${round.id}/ballots/${personId}`, { value }, w.tokens.editor)
    expect((await put(bob, 2)).body).toEqual({ voted: true, revealed: false })
    expect((await put(bob, 4)).body).toEqual({ voted: true, revealed: false })
    expect((await put(ada, 9)).body).toEqual({ voted: true, revealed: true })
    await waitFor(() => roundOf(lurker.doc, round.id)?.status === VoteRoundStatus.Revealed, 'everyone sees the reveal')
    expect(roundOf(lurker.doc, round.id)?.result).toMatchObject({
      ballots: expect.arrayContaining([
        { personId: bob, value: 4 },
        { personId: ada, value: 9 },
      ]),
      median: 6.5,
      spread: 5,
      discuss: true,
    })
    expect(roundOf(lurker.doc, round.id)?.result?.ballots).toHaveLength(2)

    const late = await put(bob, 5)
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'vote-closed' } } })

    // Recorded as a check-in everyone sees.
    const recorded = await call(url, 'POST', `${votes(w)}/${round.id}/record`, { personId: ada }, w.tokens.editor)
    expect(recorded).toMatchObject({ status: 200, body: { recorded: 'check-in', checkIn: { confidence: 7, note: 'meeting vote, 2 people' } } })
    await waitFor(() => [...lurker.snap().checkIns.values()].some((c) => c.note === 'meeting vote, 2 people'), 'the check-in reaches the clients')
  })

  it('unrevealed ballots survive the server being killed; the reveal after the restart has the values cast', async () => {
    child = await startServerProcess(join(dataDir, 'data'))
    const w = (await call<Created>(child.url, 'POST', '/api/workspaces', { name: 'Acme' })).body
    const owner = client(child.url, w, 'owner')
    await owner.synced()
    const made = buildMeeting(owner.s, (actor) => openSession(owner.doc, { actor }))
    const watcher = client(child.url, w)
    await waitFor(() => meetingState(watcher.doc).meeting?.id === made.meetingId, 'the server has the meeting')
    const round = (await call<VoteRound>(child.url, 'POST', votes(w), { personId: made.ada }, w.tokens.editor)).body
    for (const [personId, value] of [
      [made.ada, 8],
      [made.bob, 1],
      [made.bob, 2],
    ] as const) {
      expect((await call(child.url, 'PUT', `${votes(w)}/${round.id}/ballots/${personId}`, { value }, w.tokens.editor)).status).toBe(200)
    }
    for (const c of clients.splice(0)) c.destroy()

    expect(await child.kill('SIGKILL')).toBe('SIGKILL')
    child = await startServerProcess(join(dataDir, 'data'))
    const revealed = await call<VoteRound>(child.url, 'POST', `${votes(w)}/${round.id}/reveal`, { personId: made.ada }, w.tokens.editor)
    expect(revealed.status).toBe(200)
    expect(revealed.body.result).toMatchObject({ median: 5, spread: 6, discuss: true })
    expect([...(revealed.body.result?.ballots ?? [])].sort((a, b) => a.value - b.value)).toEqual([
      { personId: made.bob, value: 2 },
      { personId: made.ada, value: 8 },
    ])
  })
})
