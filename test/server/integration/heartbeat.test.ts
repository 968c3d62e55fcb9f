/**
 * The heartbeat over real websockets: a stock y-websocket provider that sends nothing still hears
 * from the server every period, reads it as a no-op, and so stays connected past the client's
 * silence timeout (watched by the client's own watchdog, as the app is).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { WebSocket } from 'ws'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { watchConnection } from '../../../client/sync/watchConnection.ts'
import { readConfig } from '../../../server/config.ts'
import { RoomMetricName } from '../../../server/rooms/roomMetrics.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import { HEARTBEAT_INTERVAL_MS, SILENCE_TIMEOUT_MS, isHeartbeat } from '../../../shared/protocol/index.ts'
import { connectClient } from '../../helpers/syncClient.ts'
import type { SyncClient } from '../../helpers/syncClient.ts'
import { waitFor } from '../../helpers/waitFor.ts'

let dataDir: string
let server: RunningServer
const clients: SyncClient[] = []
const stops: Array<() => void> = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roundtable-heartbeat-'))
  server = await startServer(readConfig({ PORT: '0', DATA_DIR: dataDir }), { log: () => {}, demo: false, serveClient: false })
})

afterEach(async () => {
  for (const stop of stops.splice(0)) stop()
  for (const c of clients.splice(0)) c.destroy()
  await server.stop()
  await rm(dataDir, { recursive: true, force: true })
})

describe('heartbeat to an idle stock provider', () => {
  it('arrives every period, changes nothing, and keeps the provider connected past the silence timeout', async () => {
    const res = await fetch(`${server.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Idle"}' })
    const w = (await res.json()) as { id: string; tokens: { editor: string } }
    const c = connectClient(server.url, w.id, w.tokens.editor)
    clients.push(c)
    stops.push(watchConnection(c.provider))
    c.provider.awareness.setLocalState({ name: 'Ada' })
    await c.synced()

    // Every frame from now on, with its arrival time; and every status change.
    const frames: Array<{ at: number; data: Uint8Array }> = []
    const socket = c.provider.ws as unknown as WebSocket
    socket.addEventListener('message', (event) => frames.push({ at: performance.now(), data: new Uint8Array(event.data as ArrayBuffer) }))
    const statuses: string[] = []
    c.provider.on('status', ({ status }) => statuses.push(status))
    const idleSince = performance.now()
    const states = [...c.provider.awareness.getStates().keys()]
    const before = Y.encodeStateVector(c.doc)

    // Quiet for longer than the client's silence timeout, counted in heartbeats.
    const wanted = Math.ceil(SILENCE_TIMEOUT_MS / HEARTBEAT_INTERVAL_MS) + 2
    await waitFor(() => frames.filter((f) => isHeartbeat(f.data)).length >= wanted, `${wanted} heartbeats`, 3 * wanted * HEARTBEAT_INTERVAL_MS)

    const beats = frames.filter((f) => isHeartbeat(f.data))
    const arrivals = [idleSince, ...beats.map((f) => f.at)]
    const gaps = arrivals.slice(1).map((at, i) => Math.round(at - arrivals[i]!))
    console.log(`heartbeat: first ${gaps[0]} ms after the client went idle; gaps ${gaps.slice(1).join(', ')} ms`)
    // Nothing but heartbeats on an idle connection, and never a silence the client would drop.
    expect(frames.every((f) => isHeartbeat(f.data))).toBe(true)
    expect(Math.max(...gaps)).toBeLessThan(SILENCE_TIMEOUT_MS)
    // Still the same socket, still synced; the heartbeats changed nobody's presence or document.
    expect(statuses).toEqual([])
    expect(c.provider.ws).toBe(socket)
    expect(c.provider.wsconnected && c.provider.synced).toBe(true)
    expect([...c.provider.awareness.getStates().keys()]).toEqual(states)
    expect(Y.encodeStateVector(c.doc)).toEqual(before)
    expect(server.services.metrics.value(RoomMetricName.Heartbeats)).toBeGreaterThanOrEqual(wanted)
  })

  it('skips a connection the server writes to anyway', async () => {
    const res = await fetch(`${server.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Busy"}' })
    const w = (await res.json()) as { id: string; tokens: { editor: string } }
    const writer = connectClient(server.url, w.id, w.tokens.editor)
    const reader = connectClient(server.url, w.id, w.tokens.editor)
    clients.push(writer, reader)
    await writer.synced()
    await reader.synced()
    const frames: Uint8Array[] = []
    ;(reader.provider.ws as unknown as WebSocket).addEventListener('message', (event) => frames.push(new Uint8Array(event.data as ArrayBuffer)))
    // A change every third of a period for three periods: the reader hears each one.
    const text = writer.doc.getText('busy')
    const until = performance.now() + 3 * HEARTBEAT_INTERVAL_MS
    while (performance.now() < until) {
      text.insert(0, 'x')
      await new Promise((resolve) => setTimeout(resolve, HEARTBEAT_INTERVAL_MS / 3))
    }
    await waitFor(() => reader.doc.getText('busy').length === text.length, 'the reader to catch up')
    expect(frames.length).toBeGreaterThan(0)
    expect(frames.filter(isHeartbeat)).toEqual([])
  })
})

