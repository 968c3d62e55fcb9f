/**
 * Owner-only cycle changes over real websockets: the real server on 127.0.0.1:0 with real files,
 * stock y-websocket providers as clients, each writing through shared/doc's commands or raw Y edits.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import { Root, closeCycle, createTask, publishCycle, reopenCycle } from '../../../shared/doc/index.ts'
import { CycleStatus } from '../../../shared/model/index.ts'
import type { CycleId } from '../../../shared/model/index.ts'
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
    limits: { ...readConfig({}).limits, commitWindowMs: 10 },
  }
  return startServer(config, { log: () => {}, demo: false, serveClient: false })
}

async function createWorkspace(): Promise<Created> {
  const res = await fetch(`${server.url}/api/workspaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Acme' }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as Created
}

async function client(w: Created, role: keyof Created['tokens'] = 'editor'): Promise<SyncClient> {
  const c = connectClient(server.url, w.id, w.tokens[role])
  clients.push(c)
  await c.synced()
  return c
}

const status = (c: SyncClient, id: CycleId) => c.snap().cycles.get(id)?.status

/** `c` makes a change and is closed with 4403; the change stays on its own replica only. */
async function refused(c: SyncClient, change: () => void): Promise<void> {
  change()
  await waitFor(() => c.closes.includes(CloseCode.Forbidden), 'the editor closed with 4403')
  // The stock provider would reconnect and offer the same change again.
  c.destroy()
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roundtable-owner-only-'))
  server = await start()
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
  await rm(dataDir, { recursive: true, force: true })
})

describe('publish, close and reopen are owner-only', () => {
  it("an editor's publish is refused, never relayed, never stored; the owner's goes through", async () => {
    const w = await createWorkspace()
    const [owner, editor, other] = [await client(w, 'owner'), await client(w), await client(w)]
    const cycleId = [...owner.snap().cycles.keys()][0]!
    expect(status(owner, cycleId)).toBe(CycleStatus.Draft)

    await refused(editor, () => publishCycle(editor.s, cycleId))
    expect(status(editor, cycleId)).toBe(CycleStatus.Published)
    // A change made after the refusal reaches everyone: the refused one never came before it.
    const marker = createTask(other.s, { title: 'After the refusal', columnId: 'todo', cycleId })
    await waitFor(() => owner.snap().tasks.has(marker), 'the owner sees the later task')
    expect(status(owner, cycleId)).toBe(CycleStatus.Draft)
    expect(status(other, cycleId)).toBe(CycleStatus.Draft)
    expect(owner.closes).toEqual([])
    expect(other.closes).toEqual([])

    // Storage never had it.
    for (const c of clients.splice(0)) c.destroy()
    await server.stop()
    server = await start()
    const fresh = await client(w, 'owner')
    expect(status(fresh, cycleId)).toBe(CycleStatus.Draft)
    expect(fresh.snap().tasks.has(marker)).toBe(true)

    const watcher = await client(w, 'viewer')
    publishCycle(fresh.s, cycleId)
    await waitFor(() => status(watcher, cycleId) === CycleStatus.Published, 'the viewer sees the publish')
    expect(fresh.closes).toEqual([])
  })

  it('an editor can neither close nor reopen, by command or by raw edit; the owner can', async () => {
    const w = await createWorkspace()
    const owner = await client(w, 'owner')
    const watcher = await client(w)
    const cycleId = [...owner.snap().cycles.keys()][0]!
    publishCycle(owner.s, cycleId)
    await waitFor(() => status(watcher, cycleId) === CycleStatus.Published, 'published everywhere')

    const closer = await client(w)
    await refused(closer, () => closeCycle(closer.s, cycleId))
    const raw = await client(w)
    await refused(raw, () => cycleMap(raw.doc, cycleId).set('status', CycleStatus.Closed))
    closeCycle(owner.s, cycleId)
    await waitFor(() => status(watcher, cycleId) === CycleStatus.Closed, 'closed everywhere')

    const reopener = await client(w)
    await refused(reopener, () => reopenCycle(reopener.s, cycleId, 'The last check-ins came late'))
    const sneaky = await client(w)
    await refused(sneaky, () => sneaky.doc.transact(() => cycleMap(sneaky.doc, cycleId).set('status', CycleStatus.Published)))
    // The owner reopens, with a reason that everyone sees.
    reopenCycle(owner.s, cycleId, 'The last check-ins came late')
    await waitFor(() => status(watcher, cycleId) === CycleStatus.Published, 'reopened everywhere')
    expect(watcher.snap().cycles.get(cycleId)?.reopenings.map((r) => r.reason)).toEqual(['The last check-ins came late'])
    expect(owner.closes).toEqual([])
    expect(watcher.closes).toEqual([])
  })
})

function cycleMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  return doc.getMap(Root.Cycles).get(id) as Y.Map<unknown>
}
