/**
 * A viewer re-sending what the server already has is not a write; anything new still is. The
 * real server on 127.0.0.1:0 with stock y-websocket providers as clients.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as encoding from 'lib0/encoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import { Root, createObjective, createTask, deleteTask, openSession, snapshot } from '../../../shared/doc/index.ts'
import type { ObjectiveId } from '../../../shared/model/index.ts'
import { CloseCode, MessageType, SyncStep } from '../../../shared/protocol/index.ts'
import { connectClient } from '../../helpers/syncClient.ts'
import type { SyncClient } from '../../helpers/syncClient.ts'
import { waitFor } from '../../helpers/waitFor.ts'

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }

let dataDir: string
let server: RunningServer
const cleanups: (() => void)[] = []

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roundtable-resend-'))
  const config = { ...readConfig({ PORT: '0', DATA_DIR: dataDir }), limits: { ...readConfig({}).limits, commitWindowMs: 10 } }
  server = await startServer(config, { log: () => {}, demo: false, serveClient: false })
})

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) cleanup()
  await server.stop()
  await rm(dataDir, { recursive: true, force: true })
})

async function createWorkspace(): Promise<Created> {
  const res = await fetch(`${server.url}/api/workspaces`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Acme' }),
  })
  expect(res.status).toBe(201)
  return (await res.json()) as Created
}

function client(w: Created, role: keyof Created['tokens']): SyncClient {
  const c = connectClient(server.url, w.id, w.tokens[role])
  cleanups.push(() => c.destroy())
  return c
}

/** A board with an objective, a task and a deleted task (so its state carries a delete set). */
async function seeded(w: Created): Promise<{ editor: SyncClient; objectiveId: ObjectiveId }> {
  const editor = client(w, 'editor')
  await editor.synced()
  const cycleId = [...editor.snap().cycles.keys()][0]!
  const objectiveId = createObjective(editor.s, { cycleId, title: 'Be seen' })
  createTask(editor.s, { title: 'Kept', columnId: 'todo', cycleId })
  deleteTask(editor.s, createTask(editor.s, { title: 'Gone', columnId: 'todo', cycleId }))
  const appends = () => server.services.metrics.value('roundtable_storage_appends_total')
  await waitFor(() => appends() >= 4, 'the edits stored')
  return { editor, objectiveId }
}

/** One sync message (`step`) carrying `update`, as y-websocket frames it. */
function syncFrame(step: SyncStep, update: Uint8Array): Uint8Array<ArrayBuffer> {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, update)
  return new Uint8Array(encoding.toUint8Array(encoder))
}

/** A copy of `source` that makes its own changes under a client id of its own. */
function fork(source: Y.Doc): Y.Doc {
  const doc = new Y.Doc()
  snapshot(doc)
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source))
  return doc
}

describe('a viewer re-sending what the server has', () => {
  it('reloading with an offline copy read in after the socket opened keeps the viewer connected', async () => {
    const w = await createWorkspace()
    const { editor } = await seeded(w)
    // What the viewer's IndexedDB holds from its last visit: everything the server has.
    const offlineCopy = Y.encodeStateAsUpdate(editor.doc)

    // The reload: a fresh document whose socket opens before the offline copy is read, as
    // y-indexeddb does in client/sync/connectWorkspace. The provider forwards the copy as an update.
    const doc = new Y.Doc()
    snapshot(doc)
    const provider = new WebsocketProvider(`${server.url.replace(/^http/, 'ws')}/sync`, w.id, doc, {
      params: { token: w.tokens.viewer },
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    })
    cleanups.push(() => provider.destroy())
    const closes: number[] = []
    const sent: number[] = []
    provider.on('connection-close', (event) => void (event && closes.push(event.code)))
    provider.on('status', ({ status }) => {
      if (status !== 'connected') return
      const ws = provider.ws!
      const send = ws.send.bind(ws)
      ws.send = (data) => {
        if (data instanceof Uint8Array) sent.push(data[1]!)
        send(data)
      }
      Y.applyUpdate(doc, offlineCopy, 'offline copy')
    })
    await waitFor(() => provider.synced || closes.length > 0, 'the viewer to sync')
    expect(sent, 'the offline copy went out as an update').toContain(SyncStep.Update)

    // Still live: a later edit reaches it.
    const cycleId = [...editor.snap().cycles.keys()][0]!
    const later = createObjective(editor.s, { cycleId, title: 'Later' })
    await waitFor(() => snapshot(doc).objectives.has(later) || closes.length > 0, 'the viewer to see a later edit')
    expect(closes).toEqual([])
    expect(snapshot(doc).objectives.has(later)).toBe(true)
  })

  it('a known update with one new struct, or a new deletion, is still a write: refused with 4403', async () => {
    const w = await createWorkspace()
    const { editor, objectiveId } = await seeded(w)
    const cycleId = [...editor.snap().cycles.keys()][0]!

    // Everything the server has, plus one new objective.
    const added = fork(editor.doc)
    const sneaky = createObjective(openSession(added), { cycleId, title: 'Viewer was here' })
    // Only a deletion of something the server holds alive.
    const removed = fork(editor.doc)
    let deletion: Uint8Array | null = null
    removed.on('update', (update: Uint8Array) => void (deletion = update))
    removed.transact(() => removed.getMap(Root.Objectives).delete(objectiveId))
    expect(deletion).not.toBeNull()

    for (const update of [Y.encodeStateAsUpdate(added), deletion!]) {
      const viewer = client(w, 'viewer')
      await viewer.synced()
      viewer.provider.ws!.send(syncFrame(SyncStep.Update, update))
      await waitFor(() => viewer.closes.includes(CloseCode.Forbidden), 'the viewer closed with 4403')
    }
    // A step 2 with a new struct is dropped (the connection stays, see applyClientUpdate).
    const viewer = client(w, 'viewer')
    await viewer.synced()
    viewer.provider.ws!.send(syncFrame(SyncStep.Step2, Y.encodeStateAsUpdate(added)))
    const dropped = () => server.services.metrics.value('roundtable_refused_messages_total', { reason: 'viewer_sync_step2' })
    await waitFor(() => dropped() >= 1, 'the step 2 dropped')

    const other = client(w, 'editor')
    await other.synced()
    expect(other.snap().objectives.has(sneaky)).toBe(false)
    expect(other.snap().objectives.has(objectiveId)).toBe(true)
    expect(editor.snap().objectives.has(sneaky)).toBe(false)
  })
})
