/**
 * The client's sync layer against the real server: status goes connecting -> live, offline with a
 * count of waiting changes while the server is down, and live again with everything merged.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WebSocket } from 'ws'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { connectWorkspace } from '../../../client/sync/connectWorkspace.ts'
import type { WorkspaceConnection } from '../../../client/sync/connectWorkspace.ts'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import { createObjective, openSession, snapshot } from '../../../shared/doc/index.ts'
import { waitFor } from '../../helpers/waitFor.ts'

let dataDir: string
let server: RunningServer | undefined
const open: WorkspaceConnection[] = []

beforeAll(() => {
  // Node 20 has no global WebSocket; the browser has one.
  ;(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket
})

afterEach(async () => {
  for (const c of open.splice(0)) c.destroy()
  await server?.stop()
  if (dataDir) await rm(dataDir, { recursive: true, force: true })
})

async function start(port = 0): Promise<RunningServer> {
  return startServer({ ...readConfig({ PORT: String(port), DATA_DIR: dataDir }) }, { log: () => {}, demo: false, serveClient: false })
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
})
