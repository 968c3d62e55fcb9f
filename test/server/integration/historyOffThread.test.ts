/**
 * "What changed" runs off the rooms' thread, in `npm start`'s bundle (dist/server.mjs and its
 * history thread): while diffs of a 2,000-card board are computing in the worker, a card moved by
 * one client of another room on the process reaches that room's other client, and /metrics
 * answers; then every response is the JSON that runHistoryJob (the diff as computed before the
 * worker) gives for the checkpoint and the whole live state.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runHistoryJob } from '../../../server/history/historyJob.ts'
import { createKeyResult, createObjective, createTask, encodeState, moveTask, publishCycle, snapshot } from '../../../shared/doc/index.ts'
import { startServerProcess } from '../../helpers/serverProcess.ts'
import type { ServerProcess } from '../../helpers/serverProcess.ts'
import { connectClient } from '../../helpers/syncClient.ts'
import type { SyncClient } from '../../helpers/syncClient.ts'
import { waitFor } from '../../helpers/waitFor.ts'

const CARDS = 2_000
/** Requests in flight at once: several diffs queue in the worker, so the room is tried while they compute. */
const REQUESTS = 4

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }

let root: string
let server: ServerProcess | null = null
const clients: SyncClient[] = []

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'roundtable-history-'))
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.kill('SIGTERM')
  server = null
  await rm(root, { recursive: true, force: true })
})

/**
 * A GET on a connection of its own: a kept-alive connection that sat idle while the board synced
 * can be closed by the server just as it is reused ("other side closed").
 */
function get(url: string, token?: string): Promise<{ status: number; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('what changed, off the rooms thread', () => {
  it('keeps the room answering while big diffs compute, and answers the same JSON as before', { timeout: 90_000 }, async () => {
    server = await startServerProcess(join(root, 'data'))
    const { url } = server
    const w = (await (await fetch(`${url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Big' }) })).json()) as Created
    const api = (path: string) => get(`${url}/api/workspaces/${w.id}${path}`, w.tokens.viewer)
    const owner = connectClient(url, w.id, w.tokens.owner)
    const member = connectClient(url, w.id, w.tokens.editor)
    clients.push(owner, member)
    await Promise.all(clients.map((c) => c.synced()))

    // Publishing takes a checkpoint; the cards come after it, so the diff lists all of them.
    const cycleId = [...snapshot(owner.doc).cycles.keys()][0]!
    const objectiveId = createObjective(owner.s, { cycleId, title: 'Grow' })
    const keyResultId = createKeyResult(owner.s, { objectiveId, title: 'Signups', start: 0, target: 100, weight: 100 })
    publishCycle(owner.s, cycleId)
    const published = async () => (JSON.parse((await api('/checkpoints')).body.toString()) as { checkpoints: { id: string; reason: string }[] }).checkpoints.find((cp) => cp.reason === 'publish')
    let checkpoint = await published()
    const deadline = Date.now() + 10_000
    while (checkpoint === undefined && Date.now() < deadline) checkpoint = await published()
    expect(checkpoint).toBeDefined()
    const columns = [...snapshot(owner.doc).columns.keys()]
    // A few hundred cards per transaction: one update each, well under the message size limit.
    for (let batch = 0; batch < CARDS; batch += 250) {
      owner.doc.transact(() => {
        for (let i = batch; i < batch + 250; i++) createTask(owner.s, { title: `Card ${i}`, columnId: columns[i % columns.length]!, keyResultId })
      })
    }
    await waitFor(() => snapshot(member.doc).tasks.size === CARDS, 'the board to reach the other client', 30_000)
    const after = encodeState(owner.doc)

    // Another room on the same process, with a card to move while the diffs compute.
    const v = (await (await fetch(`${url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Other' }) })).json()) as Created
    const mover = connectClient(url, v.id, v.tokens.editor)
    const watcher = connectClient(url, v.id, v.tokens.editor)
    clients.push(mover, watcher)
    await Promise.all([mover.synced(), watcher.synced()])
    const otherColumns = [...snapshot(mover.doc).columns.keys()]
    const otherObjective = createObjective(mover.s, { cycleId: [...snapshot(mover.doc).cycles.keys()][0]!, title: 'Other' })
    const otherKeyResult = createKeyResult(mover.s, { objectiveId: otherObjective, title: 'Other KR', start: 0, target: 10, weight: 100 })
    const card = createTask(mover.s, { title: 'Card', columnId: otherColumns[0]!, keyResultId: otherKeyResult })
    await waitFor(() => snapshot(watcher.doc).tasks.has(card), 'the card to reach the watcher')

    const jobs = async () => Number(/^roundtable_history_jobs (\d+)$/m.exec((await get(`${url}/metrics`)).body.toString())?.[1] ?? 0)
    const since = new Date().toISOString()
    const responses = Array.from({ length: REQUESTS }, () => api(`/changes?since=${since}`))
    let computing = 0
    const computeDeadline = Date.now() + 30_000
    while (computing === 0 && Date.now() < computeDeadline) computing = await jobs()
    expect(computing, 'diffs queued in the history worker').toBeGreaterThan(0)
    // The other room while the worker computes: a move reaches its other client, and /metrics answers.
    moveTask(mover.s, { taskId: card, columnId: otherColumns[1]!, keyResultId: otherKeyResult, index: 0 })
    await waitFor(() => snapshot(watcher.doc).tasks.get(card)?.placement.columnId === otherColumns[1], 'the move to reach the other client')
    expect(await jobs()).toBeGreaterThan(0)

    const before = new Uint8Array((await api(`/checkpoints/${checkpoint!.id}`)).body)
    for (const res of await Promise.all(responses)) {
      expect(res.status).toBe(200)
      const body = JSON.parse(res.body.toString()) as { from: string; to: string; checkpoint: string; changes: unknown }
      expect(body.checkpoint).toBe(checkpoint!.id)
      const expected = runHistoryJob({ kind: 'changes', before, after, from: Date.parse(body.from), to: Date.parse(body.to) })
      expect(body.changes).toEqual(JSON.parse(expected!))
    }
    expect(server.output()).not.toMatch(/history worker could not start/)
  })
})
