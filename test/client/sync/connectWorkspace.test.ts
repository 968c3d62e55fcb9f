/**
 * The client's sync layer against the real server: status goes connecting -> live, offline with a
 * count of waiting changes while the server is down, and live again with everything merged. With
 * an offline copy (fake-indexeddb), the socket opens only once the copy is read, so a reload
 * receives what the copy lacks rather than the whole document; a copy that never loads delays the
 * connection by the wait only.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { WebSocket } from 'ws'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { connectWorkspace } from '../../../client/sync/connectWorkspace.ts'
import type { WorkspaceConnection } from '../../../client/sync/connectWorkspace.ts'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import { createObjective, openSession, snapshot } from '../../../shared/doc/index.ts'
import { createWorkspace, seedWorkspace } from '../../e2e/helpers/api.ts'
import { waitFor } from '../../helpers/waitFor.ts'

let dataDir: string
let server: RunningServer | undefined
const open: WorkspaceConnection[] = []

beforeAll(() => {
  // Node 20 has no global WebSocket; the browser has one.
  ;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket
})

afterEach(async () => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  for (const c of open.splice(0)) c.destroy()
  await server?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

async function start(port = 0): Promise<RunningServer> {
  return startServer({ ...readConfig({ PORT: String(port), DATA_DIR: dataDir }) }, { log: () => {}, demo: false, serveClient: false })
}

/** Node's WebSocket, counting the bytes of every message it receives into `received.bytes`. */
function countingWebSocket(received: { bytes: number }) {
  return class CountingWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols)
      this.on('message', (data: ArrayBuffer) => (received.bytes += data.byteLength))
    }
  }
}

/**
 * `factory`, but every database opens `delayMs` late, as a big copy on a busy machine does: the
 * socket would open first if nothing waited for the copy.
 */
function slowIndexedDB(factory: IDBFactory, delayMs: number): Pick<IDBFactory, 'open'> {
  return {
    open(name: string) {
      const request = {} as IDBOpenDBRequest
      setTimeout(() => {
        const real = factory.open(name)
        real.onupgradeneeded = (event) => request.onupgradeneeded?.call(real, event)
        real.onsuccess = (event) => request.onsuccess?.call(real, event)
        real.onerror = (event) => request.onerror?.call(real, event)
      }, delayMs)
      return request
    },
  }
}

/** Records in the "updates" store of y-indexeddb's database `name` (0 while it does not exist). */
function storedUpdates(factory: IDBFactory, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = factory.open(name)
    request.onerror = () => reject(request.error)
    request.onsuccess = () => {
      const db = request.result
      if (!db.objectStoreNames.contains('updates')) {
        db.close()
        resolve(0)
        return
      }
      const count = db.transaction('updates').objectStore('updates').count()
      count.onsuccess = () => {
        db.close()
        resolve(count.result)
      }
      count.onerror = () => reject(count.error)
    }
  })
}

describe('connectWorkspace', () => {
  it('reports connecting, live, offline with waiting changes, and live again', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'roundtable-client-sync-'))
    server = await start()
    const port = Number(new URL(server.url).port)
    const res = await fetch(`${server.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Client"}' })
    const w = (await res.json()) as { id: string; tokens: { editor: string } }
    const serverUrl = server.url.replace(/^http/, 'ws')
    const a = connectWorkspace({ workspaceId: w.id, token: w.tokens.editor, serverUrl, offline: false })
    open.push(a)
    expect(a.status()).toEqual({ status: 'connecting' })
    await waitFor(() => a.status().status === 'online', 'live')

    await server.stop()
    server = undefined
    await waitFor(() => a.status().status === 'offline', 'offline')
    const s = openSession(a.doc)
    const cycleId = [...snapshot(a.doc).cycles.keys()][0]!
    createObjective(s, { cycleId, title: 'Written offline' })
    createObjective(s, { cycleId, title: 'Also offline' })
    expect(a.status()).toMatchObject({ status: 'offline', pending: 2 })

    server = await start(port)
    await waitFor(() => a.status().status === 'online', 'live again', 15_000)
    const b = connectWorkspace({ workspaceId: w.id, token: w.tokens.editor, serverUrl, offline: false })
    open.push(b)
    await waitFor(() => b.status().status === 'online', 'second client live')
    await waitFor(() => [...snapshot(b.doc).objectives.values()].length === 2, 'offline edits reached the server')
  })

  it('a refused link ends in denied, not in endless reconnecting', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'roundtable-client-sync-'))
    server = await start()
    const res = await fetch(`${server.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"V"}' })
    const w = (await res.json()) as { id: string; tokens: { viewer: string } }
    const viewer = connectWorkspace({ workspaceId: w.id, token: w.tokens.viewer, serverUrl: server.url.replace(/^http/, 'ws'), offline: false })
    open.push(viewer)
    await waitFor(() => viewer.status().status === 'online', 'viewer live')
    const cycleId = [...snapshot(viewer.doc).cycles.keys()][0]!
    createObjective(openSession(viewer.doc), { cycleId, title: 'Not allowed' })
    await waitFor(() => viewer.status().status === 'denied', 'denied')
    expect(viewer.status()).toMatchObject({ status: 'denied', code: 4403 })
  })

  it('opens the socket after the offline copy is read: a reload receives what the copy lacks, not the document', async () => {
    const factory = new IDBFactory()
    vi.stubGlobal('indexedDB', slowIndexedDB(factory, 300))
    vi.stubGlobal('IDBKeyRange', IDBKeyRange)
    dataDir = await mkdtemp(join(tmpdir(), 'roundtable-client-sync-'))
    server = await start()
    // A document of a few dozen KiB, imported (a writer in this process would hand it to the
    // reader over y-websocket's BroadcastChannel instead of the server).
    const objectives = Array.from({ length: 200 }, (_, i) => ({ id: `obj-${i}`, title: `Objective number ${i} with a title long enough to weigh something` }))
    const w = await seedWorkspace(server.url, { name: 'Reload', objectives })
    const serverUrl = server.url.replace(/^http/, 'ws')

    const first = { bytes: 0 }
    vi.stubGlobal('WebSocket', countingWebSocket(first))
    const a = connectWorkspace({ workspaceId: w.id, token: w.tokens.editor, serverUrl })
    open.push(a)
    await waitFor(() => a.status().status === 'online' && snapshot(a.doc).objectives.size === 200, 'first load live with the board')
    // y-indexeddb writes the synced document in a transaction of its own: wait until it is stored.
    const dbName = `roundtable:${w.id}`
    const deadline = Date.now() + 10_000
    let stored = await storedUpdates(factory, dbName)
    for (; stored === 0 && Date.now() < deadline; stored = await storedUpdates(factory, dbName)) await new Promise((resolve) => setTimeout(resolve, 20))
    expect(stored).toBeGreaterThan(0)
    a.destroy()

    const second = { bytes: 0 }
    vi.stubGlobal('WebSocket', countingWebSocket(second))
    const b = connectWorkspace({ workspaceId: w.id, token: w.tokens.editor, serverUrl })
    open.push(b)
    await b.localReady
    expect(snapshot(b.doc).objectives.size).toBe(200)
    await waitFor(() => b.status().status === 'online', 'reload live')
    expect(first.bytes).toBeGreaterThan(20_000)
    expect(second.bytes).toBeLessThan(first.bytes / 10)
  })

  it('connects without the offline copy when IndexedDB never answers, and says so', async () => {
    // An IndexedDB whose open request never succeeds nor fails.
    vi.stubGlobal('indexedDB', { open: () => ({}) })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    dataDir = await mkdtemp(join(tmpdir(), 'roundtable-client-sync-'))
    server = await start()
    const w = await createWorkspace(server.url, 'Broken IndexedDB')
    const c = connectWorkspace({ workspaceId: w.id, token: w.tokens.editor, serverUrl: server.url.replace(/^http/, 'ws'), localCopyWaitMs: 50 })
    open.push(c)
    await waitFor(() => c.status().status === 'online', 'live without the copy')
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('was not read within 50 ms'))
  })
})
