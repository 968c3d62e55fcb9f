/**
 * The real server on 127.0.0.1:0 with real files, and stock y-websocket providers as clients.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import { createKeyResult, createObjective, createTask, moveTask, snapshot, updateObjective } from '../../../shared/doc/index.ts'
import { CloseCode } from '../../../shared/protocol/index.ts'
import { connectClient } from '../../helpers/syncClient.ts'
import type { SyncClient } from '../../helpers/syncClient.ts'
import { waitFor } from '../../helpers/waitFor.ts'

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }

let dataDir: string
let server: RunningServer
const clients: SyncClient[] = []

async function start(): Promise<RunningServer> {
  const config = {
    ...readConfig({ PORT: '0', DATA_DIR: dataDir }),
    limits: { ...readConfig({}).limits, commitWindowMs: 10, pingIntervalMs: 150 },
  }
  return startServer(config, { log: () => {}, demo: false, serveClient: false })
}

async function createWorkspace(name = 'Acme'): Promise<Created> {
  const res = await fetch(`${server.url}/api/workspaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as Created
}

function client(w: Created, role: keyof Created['tokens'] = 'editor'): SyncClient {
  const c = connectClient(server.url, w.id, w.tokens[role])
  clients.push(c)
  return c
}

/** Opens a raw websocket and resolves with the HTTP status of a refused upgrade, or 101. */
function upgradeStatus(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${server.url.replace(/^http/, 'ws')}${path}`)
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      resolve(101)
      ws.close()
    })
    ws.on('error', (err) => (err.message.includes('Unexpected server response') ? undefined : reject(err)))
  })
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roundtable-sync-'))
  server = await start()
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
  await rm(dataDir, { recursive: true, force: true })
})

describe('sync over real websockets', () => {
  it('a check-in pushed through the REST API reaches open boards at once', async () => {
    const w = await createWorkspace()
    const board = client(w)
    await board.synced()
    const cycleId = [...board.snap().cycles.keys()][0]!
    const objectiveId = createObjective(board.s, { cycleId, title: 'Grow' })
    const kr = createKeyResult(board.s, { objectiveId, title: 'Signups', start: 0, target: 200, weight: 100 })
    // The key result must have reached the server's document (two stored appends could be the cycle
    // and the objective alone, on a machine that sends the key result a window later).
    let arrived = false
    await waitFor(() => {
      void server.services.docs.withDoc(w.id, (doc) => (arrived = snapshot(doc).keyResults.has(kr)))
      return arrived
    }, 'the key result on the server')
    const res = await fetch(`${server.url}/api/workspaces/${w.id}/key-results/${kr}/check-ins`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.tokens.editor}`, 'content-type': 'application/json' },
      body: JSON.stringify({ value: 50, confidence: 6, note: 'nightly import' }),
    })
    expect(res.status).toBe(201)
    await waitFor(() => [...board.snap().checkIns.values()].some((c) => c.value === 50), 'the board sees the check-in')
  })

  it('drops a connection that stops answering pings, and keeps the ones that answer', async () => {
    const w = await createWorkspace()
    const honest = client(w)
    await honest.synced()
    const url = `${server.url.replace(/^http/, 'ws')}/sync/${w.id}?token=${w.tokens.editor}`
    const silent = new WebSocket(url, { autoPong: false })
    const closed = new Promise<number>((resolve) => silent.on('close', (code) => resolve(code)))
    silent.on('error', () => {})
    expect(await closed).toBe(1006)
    expect(honest.closes).toEqual([])
    expect(honest.provider.wsconnected).toBe(true)
  })

  it('three clients converge on concurrent edits, and a late joiner syncs', async () => {
    const w = await createWorkspace()
    const [a, b, c] = [client(w), client(w), client(w, 'owner')]
    await Promise.all([a.synced(), b.synced(), c.synced()])
    const cycleId = [...a.snap().cycles.keys()][0]!
    const objectiveId = createObjective(a.s, { cycleId, title: 'Delight customers' })
    await waitFor(() => b.snap().objectives.has(objectiveId) && c.snap().objectives.has(objectiveId), 'objective everywhere')
    const kr = createKeyResult(b.s, { objectiveId, title: 'NPS', start: 20, target: 50, weight: 100 })
    await waitFor(() => a.snap().keyResults.has(kr) && c.snap().keyResults.has(kr), 'KR everywhere')
    const task = createTask(c.s, { title: 'Survey', columnId: 'todo', keyResultId: kr })
    await waitFor(() => a.snap().tasks.has(task) && b.snap().tasks.has(task), 'task everywhere')
    // Concurrent: two drags of one card and two people typing in one title.
    moveTask(a.s, { taskId: task, columnId: 'doing', keyResultId: kr, index: 0 })
    moveTask(b.s, { taskId: task, columnId: 'done', keyResultId: kr, index: 0 })
    updateObjective(a.s, objectiveId, { title: 'Really delight customers' })
    updateObjective(c.s, objectiveId, { title: 'Delight customers in Q4' })
    const same = () => {
      const [pa, pb, pc] = [a, b, c].map((x) => JSON.stringify([x.snap().tasks.get(task)?.placement, x.snap().objectives.get(objectiveId)?.title]))
      return pa === pb && pb === pc
    }
    await waitFor(same, 'all three to converge')
    expect(a.snap().objectives.get(objectiveId)?.title).toBe('Really delight customers in Q4')
    const late = client(w, 'viewer')
    await late.synced()
    expect(late.snap().tasks.get(task)?.placement).toEqual(a.snap().tasks.get(task)?.placement)
  })

  it('a restart on the same DATA_DIR keeps everything', async () => {
    const w = await createWorkspace()
    const a = client(w)
    await a.synced()
    const cycleId = [...a.snap().cycles.keys()][0]!
    const ids = Array.from({ length: 30 }, (_, i) => createObjective(a.s, { cycleId, title: `Objective ${i}` }))
    await waitFor(() => server.services.metrics.value('roundtable_storage_appends_total') >= 30, 'appends stored')
    a.destroy()
    clients.length = 0
    await server.stop()
    server = await start()
    const b = client(w)
    await b.synced()
    await waitFor(() => ids.every((id) => b.snap().objectives.has(id)), 'every objective after restart')
  })

  it('a viewer receives live changes but cannot change the document', async () => {
    const w = await createWorkspace()
    const editor = client(w)
    const viewer = client(w, 'viewer')
    await Promise.all([editor.synced(), viewer.synced()])
    const cycleId = [...editor.snap().cycles.keys()][0]!
    const objectiveId = createObjective(editor.s, { cycleId, title: 'Seen by all' })
    await waitFor(() => viewer.snap().objectives.has(objectiveId), 'viewer sees the edit')
    const sneaky = createObjective(viewer.s, { cycleId, title: 'Viewer was here' })
    await waitFor(() => viewer.closes.includes(CloseCode.Forbidden), 'viewer closed with 4403')
    const other = client(w)
    await other.synced()
    expect(other.snap().objectives.has(sneaky)).toBe(false)
    expect(editor.snap().objectives.has(sneaky)).toBe(false)
    expect(other.snap().objectives.has(objectiveId)).toBe(true)
  })

  it('refuses bad tokens and bad ids before the upgrade', async () => {
    const w = await createWorkspace()
    const other = await createWorkspace('Other')
    expect(await upgradeStatus(`/sync/${w.id}?token=${w.tokens.viewer}`)).toBe(101)
    expect(await upgradeStatus(`/sync/${w.id}`)).toBe(401)
    expect(await upgradeStatus(`/sync/${w.id}?token=garbage`)).toBe(401)
    expect(await upgradeStatus(`/sync/${w.id}?token=${other.tokens.owner}`)).toBe(401)
    expect(await upgradeStatus(`/sync/bad.id?token=${w.tokens.owner}`)).toBe(400)
    await fetch(`${server.url}/api/workspaces/${w.id}/links/rotate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${w.tokens.owner}`, 'content-type': 'application/json' },
      body: JSON.stringify({ roles: ['viewer'] }),
    })
    expect(await upgradeStatus(`/sync/${w.id}?token=${w.tokens.viewer}`)).toBe(401)
  })

  it('a burst of edits reaches every client merged into fewer messages, and boards converge', async () => {
    const w = await createWorkspace()
    const [writer, board] = [client(w), client(w)]
    await Promise.all([writer.synced(), board.synced()])
    // A raw socket that only listens: it counts the sync update messages the room broadcasts.
    const reader = new WebSocket(`${server.url.replace(/^http/, 'ws')}/sync/${w.id}?token=${w.tokens.viewer}`)
    const updates: Buffer[] = []
    reader.on('message', (data: Buffer) => {
      if (data[0] === 0 && data[1] === 2) updates.push(data)
    })
    await new Promise<void>((resolve) => reader.on('open', () => resolve()))
    const cycleId = [...writer.snap().cycles.keys()][0]!
    // Five transactions in one turn: the provider sends five messages, the room holds them in
    // one broadcast window (or two, if the first finds the room quiet) and merges four or more.
    const objectiveId = createObjective(writer.s, { cycleId, title: 'v0' })
    for (let i = 1; i < 5; i++) updateObjective(writer.s, objectiveId, { title: `v${i}` })
    await waitFor(() => board.snap().objectives.get(objectiveId)?.title === 'v4', 'the last title on the other board')
    await new Promise((resolve) => setTimeout(resolve, 100))
    // Usually one or two; fewer than five whatever the timing of the reads, since nothing waits long.
    expect(updates.length).toBeGreaterThanOrEqual(1)
    expect(updates.length).toBeLessThan(5)
    reader.close()
  })

  it('hands every frame to the room once, whether it arrived before or after the socket was taken over', async () => {
    const w = await createWorkspace()
    const url = `${server.url.replace(/^http/, 'ws')}/sync/${w.id}?token=${w.tokens.editor}`
    const ws = new WebSocket(url)
    const replies: Uint8Array[] = []
    ws.on('message', (data: Buffer) => replies.push(new Uint8Array(data)))
    // Sync step 1 of an empty client ([sync, step 1, empty state vector]), sent twice: the first
    // may be read before the takeover (Hono buffers and replays it), the second surely after.
    const step1 = Buffer.from([0, 0, 1, 0])
    await new Promise<void>((resolve) => ws.on('open', () => resolve()))
    ws.send(step1)
    await waitFor(() => replies.some((r) => r[0] === 0 && r[1] === 1), 'first sync step 2')
    ws.send(step1)
    await new Promise((resolve) => setTimeout(resolve, 200))
    // One step 2 per step 1: a listener left behind would hand each frame over twice.
    expect(replies.filter((r) => r[0] === 0 && r[1] === 1)).toHaveLength(2)
    ws.close()
  })

  it('bad frames close only their own connection; honest clients keep converging', async () => {
    const w = await createWorkspace()
    const a = client(w)
    const b = client(w)
    await Promise.all([a.synced(), b.synced()])
    const url = `${server.url.replace(/^http/, 'ws')}/sync/${w.id}?token=${w.tokens.editor}`
    const attack = (send: (ws: WebSocket) => void) =>
      new Promise<number>((resolve) => {
        const ws = new WebSocket(url)
        ws.on('open', () => send(ws))
        ws.on('close', (code) => resolve(code))
        ws.on('error', () => {})
      })
    expect(await attack((ws) => ws.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2])))).toBe(CloseCode.BadMessage)
    expect(await attack((ws) => ws.send('hello'))).toBe(CloseCode.BadMessage)
    expect(await attack((ws) => ws.send(Buffer.alloc(2 * 1024 * 1024)))).toBe(1009)
    const cycleId = [...a.snap().cycles.keys()][0]!
    const id = createObjective(a.s, { cycleId, title: 'Still fine' })
    await waitFor(() => b.snap().objectives.has(id), 'honest clients still sync')
    expect(a.closes).toEqual([])
    expect(b.closes).toEqual([])
  })
})
