/**
 * Several server instances behind one address (issue 18): two real server processes sharing a
 * throwaway Redis (REDIS_URL, the relay) and PostgreSQL (DATABASE_URL), stock y-websocket clients
 * on each. Skipped, with one line from test/scaleNotice.ts, where redis-server or PostgreSQL is not
 * installed, unless ROUNDTABLE_SCALE_TESTS=require (CI, `npm run test:scale`).
 */
import { isDeepStrictEqual } from 'node:util'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createObjective, editText } from '../../shared/doc/index.ts'
import type { ObjectiveId } from '../../shared/model/index.ts'
import { startFailoverProxy } from '../helpers/failoverProxy.ts'
import type { FailoverProxy } from '../helpers/failoverProxy.ts'
import { CLUSTER_COMMIT_MS, scaleSuitesRun, startCluster } from '../helpers/instances.ts'
import type { Cluster } from '../helpers/instances.ts'
import type { ServerProcess } from '../helpers/serverProcess.ts'
import { connectClient } from '../helpers/syncClient.ts'
import type { SyncClient } from '../helpers/syncClient.ts'
import { waitFor } from '../helpers/waitFor.ts'

/** Time for a write to reach its server over loopback on a busy 2-core machine. */
const TRANSIT_SLACK_MS = 150
/** y-protocols drops a state nobody renewed for 30 s; the server checks every 3 s. */
const AWARENESS_TIMEOUT_MS = 30_000

interface Workspace {
  readonly id: string
  readonly tokens: { readonly owner: string; readonly editor: string; readonly viewer: string }
}

let cluster: Cluster
const clients: SyncClient[] = []
const proxies: FailoverProxy[] = []

beforeAll(async () => {
  cluster = await startCluster()
}, 60_000)

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await Promise.all(proxies.splice(0).map((p) => p.close()))
})

afterAll(async () => {
  await cluster?.dispose()
})

async function createWorkspace(on: ServerProcess, name: string): Promise<Workspace> {
  const res = await fetch(`${on.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) })
  expect(res.status).toBe(201)
  return (await res.json()) as Workspace
}

function client(url: string, w: Workspace, token = w.tokens.editor): SyncClient {
  const c = connectClient(url, w.id, token)
  clients.push(c)
  return c
}

function cycleOf(c: SyncClient) {
  return [...c.snap().cycles.keys()][0]!
}

function titles(c: SyncClient): Set<string> {
  return new Set([...c.snap().objectives.values()].map((o) => o.title))
}

/** Waits until every client's snapshot is the same and holds `titles`. */
async function converged(cs: readonly SyncClient[], expected: Iterable<string>, timeoutMs = 15_000): Promise<void> {
  const wanted = [...expected]
  await waitFor(
    () => cs.every((c) => isDeepStrictEqual(c.snap(), cs[0]!.snap())) && wanted.every((t) => titles(cs[0]!).has(t)),
    `${cs.length} clients to converge on ${wanted.length} titles`,
    timeoutMs,
  )
}

/** Writes one objective every `everyMs` until stopped; remembers when each was written. */
function writer(c: SyncClient, prefix: string, everyMs: number) {
  const written: Array<{ id: ObjectiveId; title: string; at: number }> = []
  const cycleId = cycleOf(c)
  const timer = setInterval(() => {
    const title = `${prefix} ${written.length}`
    written.push({ id: createObjective(c.s, { cycleId, title }), title, at: Date.now() })
  }, everyMs)
  return { written, stop: () => clearInterval(timer) }
}

// Each test starts two server processes: on a loaded two-core machine that alone takes seconds.
describe.skipIf(!scaleSuitesRun())('several instances on Redis and PostgreSQL', { timeout: 60_000 }, () => {
  it('clients on two instances converge on concurrent edits, and late joiners on either see everything', async () => {
    const a = await cluster.start()
    const b = await cluster.start()
    const w = await createWorkspace(a, 'Two instances')
    const ca = client(a.url, w)
    const cb = client(b.url, w)
    await Promise.all([ca.synced(), cb.synced()])
    const cycleId = cycleOf(ca)
    const shared = createObjective(ca.s, { cycleId, title: 'Shared' })
    await waitFor(() => cb.snap().objectives.has(shared), 'the shared objective on B')
    const expected = new Set<string>()
    // Interleaved, as two people typing at once: each side writes before seeing the other's.
    for (let i = 0; i < 25; i++) {
      createObjective(ca.s, { cycleId, title: `A ${i}` })
      createObjective(cb.s, { cycleId, title: `B ${i}` })
      expected.add(`A ${i}`).add(`B ${i}`)
    }
    editText(ca.s, { record: 'objective', id: shared, key: 'title' }, { index: 6, remove: 0, insert: ' by A' })
    editText(cb.s, { record: 'objective', id: shared, key: 'title' }, { index: 0, remove: 0, insert: 'B: ' })
    await converged([ca, cb], expected)
    expect(ca.snap().objectives.get(shared)?.title).toBe('B: Shared by A')

    const lateA = client(a.url, w)
    const lateB = client(b.url, w)
    await Promise.all([lateA.synced(), lateB.synced()])
    await converged([ca, cb, lateA, lateB], expected)
  })

  it('presence crosses both ways, and a closed client\'s presence leaves the other instance', async () => {
    const a = await cluster.start()
    const b = await cluster.start()
    const w = await createWorkspace(b, 'Presence')
    const ca = client(a.url, w)
    const cb = client(b.url, w)
    await Promise.all([ca.synced(), cb.synced()])
    ca.provider.awareness.setLocalStateField('user', { name: 'Ann' })
    cb.provider.awareness.setLocalStateField('user', { name: 'Bob' })
    const stateOf = (c: SyncClient, of: SyncClient) => c.provider.awareness.getStates().get(of.doc.clientID) as { user?: { name: string } } | undefined
    await waitFor(() => stateOf(cb, ca)?.user?.name === 'Ann' && stateOf(ca, cb)?.user?.name === 'Bob', 'presence on both sides')
    // A change crosses too, not only the first state.
    ca.provider.awareness.setLocalStateField('user', { name: 'Ann (typing)' })
    await waitFor(() => stateOf(cb, ca)?.user?.name === 'Ann (typing)', 'the changed presence on B')
    // A newcomer on B gets A's client in its first presence message.
    const late = client(b.url, w)
    await late.synced()
    await waitFor(() => stateOf(late, ca)?.user?.name === 'Ann (typing)', 'A\'s presence for a newcomer on B')

    const gone = ca.doc.clientID
    ca.destroy()
    await waitFor(() => !cb.provider.awareness.getStates().has(gone) && !late.provider.awareness.getStates().has(gone), 'the closed client\'s presence to leave B', 5_000)
  })

  it('a capability link made on one instance works on the other', async () => {
    const a = await cluster.start()
    const b = await cluster.start()
    const w = await createWorkspace(a, 'Links')
    const viewerOnB = client(b.url, w, w.tokens.viewer)
    const editorOnA = client(a.url, w)
    await Promise.all([viewerOnB.synced(), editorOnA.synced()])
    const id = createObjective(editorOnA.s, { cycleId: cycleOf(editorOnA), title: 'Seen by the viewer' })
    await waitFor(() => viewerOnB.snap().objectives.has(id), 'the edit on the viewer of B')
    // The REST side too: B answers for a workspace it never created.
    const res = await fetch(`${b.url}/api/workspaces/${w.id}/export?format=json`, { headers: { authorization: `Bearer ${w.tokens.viewer}` } })
    expect(res.status).toBe(200)
    // And a viewer stays a viewer on the other instance: its write is refused there.
    createObjective(viewerOnB.s, { cycleId: cycleOf(viewerOnB), title: 'Not allowed' })
    await waitFor(() => viewerOnB.closes.includes(4403), 'the viewer\'s write to be refused on B')
  })

  it('kill -9 of an instance mid-stream: every update it accepted before the window is in storage', async () => {
    const a = await cluster.start()
    const b = await cluster.start()
    const w = await createWorkspace(a, 'Durable')
    const c = client(a.url, w)
    await c.synced()
    const stream = writer(c, 'Write', 7)
    const settled = () => stream.written.filter((x) => x.at < Date.now() - CLUSTER_COMMIT_MS - TRANSIT_SLACK_MS).length
    await waitFor(() => settled() > 20, '20 writes older than the commit window')
    const killedAt = Date.now()
    await a.kill('SIGKILL')
    stream.stop()
    // Nobody holds the room on B and the writer does not come back: B loads what A stored.
    c.destroy()
    const fresh = client(b.url, w)
    await fresh.synced()
    const mustSurvive = stream.written.filter((x) => x.at < killedAt - CLUSTER_COMMIT_MS - TRANSIT_SLACK_MS)
    expect(mustSurvive.length).toBeGreaterThan(20)
    const held = fresh.snap().objectives
    expect(mustSurvive.filter((x) => !held.has(x.id)).map((x) => x.title)).toEqual([])
  })

  it('kill -9 of an instance mid-stream: its clients move to the other, lose nothing, and its dead presence expires there', { timeout: 90_000 }, async () => {
    const a = await cluster.start()
    const b = await cluster.start()
    const w = await createWorkspace(a, 'Failover')
    const front = await startFailoverProxy(a.url)
    proxies.push(front)
    const moving = client(front.url, w)
    // Connected to A directly: it cannot follow, like a browser whose instance vanished with it.
    const stranded = client(a.url, w)
    const observer = client(b.url, w)
    await Promise.all([moving.synced(), stranded.synced(), observer.synced()])
    moving.provider.awareness.setLocalStateField('user', { name: 'Mover' })
    stranded.provider.awareness.setLocalStateField('user', { name: 'Stranded' })
    const present = (c: SyncClient, id: number) => c.provider.awareness.getStates().has(id)
    await waitFor(() => present(observer, moving.doc.clientID) && present(observer, stranded.doc.clientID), 'both presences on B')

    const stream = writer(moving, 'Move', 10)
    await waitFor(() => stream.written.length >= 30, '30 writes')
    await a.kill('SIGKILL')
    front.switchTo(b.url)
    stranded.provider.disconnect()
    await waitFor(() => moving.provider.wsconnected && moving.provider.synced, 'the moving client to reconnect through the front', 15_000)
    await waitFor(() => stream.written.length >= 60, '30 more writes, on B')
    stream.stop()
    // Everything: what A stored, what it had not, and what the client wrote meanwhile.
    await converged([moving, observer], stream.written.map((x) => x.title))
    expect(stream.written.every((x) => observer.snap().objectives.has(x.id))).toBe(true)

    // The stranded client's presence was A's; A renews it no more, so B drops it within the timeout.
    await waitFor(() => !present(observer, stranded.doc.clientID), 'the dead instance\'s presence to expire', AWARENESS_TIMEOUT_MS + 15_000)
    // The mover's outlived it: its renewal made it B's own (it took its id back).
    expect(present(observer, moving.doc.clientID)).toBe(true)
    // Server-side, not just the observer's own timeout: a newcomer on B may get it only if B's
    // check (every 3 s) has not run yet, and then B's removal follows within seconds, far before the
    // newcomer's own 30 s timeout would drop it.
    const newcomer = client(b.url, w)
    await newcomer.synced()
    await waitFor(() => present(newcomer, moving.doc.clientID), 'the newcomer to get B\'s presence')
    await waitFor(() => !present(newcomer, stranded.doc.clientID), 'B to drop the dead instance\'s presence', 8_000)
  })

  it('a Redis restart mid-stream: both instances catch up and converge', { timeout: 60_000 }, async () => {
    const a = await cluster.start()
    const b = await cluster.start()
    const w = await createWorkspace(a, 'Outage')
    const ca = client(a.url, w)
    const cb = client(b.url, w)
    await Promise.all([ca.synced(), cb.synced()])
    const wa = writer(ca, 'A', 15)
    const wb = writer(cb, 'B', 15)
    await waitFor(() => wa.written.length >= 10 && wb.written.length >= 10, '10 writes on each side')
    await cluster.redis.stop()
    const before = { a: wa.written.length, b: wb.written.length }
    await waitFor(() => wa.written.length >= before.a + 20 && wb.written.length >= before.b + 20, '20 writes on each side during the outage')
    await cluster.redis.start()
    const back = { a: wa.written.length, b: wb.written.length }
    await waitFor(() => wa.written.length >= back.a + 10 && wb.written.length >= back.b + 10, '10 writes on each side after it')
    wa.stop()
    wb.stop()
    await converged([ca, cb], [...wa.written, ...wb.written].map((x) => x.title), 20_000)
  })
})
