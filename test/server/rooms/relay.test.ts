/**
 * The relay between instances at the rooms' level: two Rooms ("instances") over one shared
 * storage, joined by an in-memory bus that carries the relay's real bytes (relayCodec) the way
 * Redis pub/sub does, and can drop them (an outage). The real Redis is test/scale's.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_LIMITS } from '../../../server/limits.ts'
import { Metrics } from '../../../server/metrics.ts'
import { RelayKind } from '../../../server/rooms/Relay.ts'
import type { Relay, RelayLink, RelayListener } from '../../../server/rooms/Relay.ts'
import { decodeRelayMessage, encodeRelayMessage } from '../../../server/rooms/relayCodec.ts'
import { Rooms } from '../../../server/rooms/Rooms.ts'
import { FakeClient, TestStorage, exchange, text, turn, waitFor } from './harness.ts'

/** Redis pub/sub in memory: per channel, the subscribed listeners of each instance. */
class MemoryBus {
  readonly channels = new Map<string, Map<string, RelayListener>>()
  /** Every message published, decoded, in order. */
  readonly published: Array<{ from: string; kind: RelayKind }> = []
  up = true
  #inFlight = 0

  relay(instanceId: string): Relay {
    return {
      instanceId,
      join: (workspaceId, listener): RelayLink => {
        const listeners = this.channels.get(workspaceId) ?? new Map<string, RelayListener>()
        this.channels.set(workspaceId, listeners)
        listeners.set(instanceId, listener)
        if (this.up) queueMicrotask(() => listener.subscribed())
        return {
          publish: (message) => {
            if (!this.up) return
            const bytes = encodeRelayMessage(instanceId, message)
            this.published.push({ from: instanceId, kind: message.kind })
            this.#inFlight++
            setImmediate(() => {
              this.#inFlight--
              const received = decodeRelayMessage(bytes)
              if (received === null || !this.up) return
              for (const [id, other] of this.channels.get(workspaceId) ?? []) {
                if (id === received.from) continue
                if (received.message.kind === RelayKind.SyncReply && received.message.to !== id) continue
                other.receive(received)
              }
            })
          },
          leave: () => listeners.delete(instanceId),
        }
      },
      close: async () => {},
    }
  }

  /** Redis comes back: each instance resubscribes, `first` before the others. */
  back(first: string): void {
    this.up = true
    const order = [...this.channels.values()].flatMap((listeners) => [...listeners].sort(([a], [b]) => Number(b === first) - Number(a === first)))
    for (const [, listener] of order) listener.subscribed()
  }

  get idle(): boolean {
    return this.#inFlight === 0
  }
}

const storage = new TestStorage()
let bus: MemoryBus
const open: Rooms[] = []
const clients: FakeClient[] = []

/** `windowMs`: the broadcast window (0: every change leaves on the next turn). */
function instance(id: string, windowMs = 0): Rooms {
  const rooms = new Rooms({
    storage,
    limits: { ...DEFAULT_LIMITS, broadcastWindowMs: windowMs, heartbeatIntervalMs: 0 },
    metrics: new Metrics(),
    log: () => {},
    relay: bus.relay(id),
  })
  open.push(rooms)
  return rooms
}

function client(rooms: Rooms, workspaceId: string, doc?: Y.Doc): FakeClient {
  const c = new FakeClient(rooms, workspaceId, { doc })
  clients.push(c)
  return c
}

/** Clients, rooms and the bus talk until all are quiet. */
async function settle(...cs: FakeClient[]): Promise<void> {
  for (let round = 0; round < 50; round++) {
    await exchange(...cs)
    await turn()
    if (bus.idle && cs.every((c) => c.unread().length === 0)) return
  }
  throw new Error('still talking after 50 rounds')
}

/** Settles until `done` (a held broadcast window waits for its tick, when nothing is in flight). */
async function settleUntil(done: () => boolean, ...cs: FakeClient[]): Promise<void> {
  const deadline = performance.now() + 5_000
  while (!done()) {
    if (performance.now() > deadline) throw new Error('not done within 5 s')
    await settle(...cs)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  await settle(...cs)
}

function type(c: FakeClient, at: number, s: string): void {
  c.doc.getText('t').insert(at, s)
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((rooms) => rooms.close()))
  for (const c of clients.splice(0)) c.destroy()
})

describe('relay between instances', () => {
  it('carries each accepted update once to the other instance, which neither re-publishes nor stores it', async () => {
    bus = new MemoryBus()
    const [a, b] = [instance('A'), instance('B')]
    const [ca, cb] = [client(a, 'w1'), client(b, 'w1')]
    await settle(ca, cb)
    const appendsBefore = storage.appends
    const publishedBefore = bus.published.filter((m) => m.kind === RelayKind.Update).length
    type(ca, 0, 'hello ')
    type(cb, 0, 'world')
    await settle(ca, cb)
    expect(text(ca.doc)).toBe(text(cb.doc))
    expect(text(ca.doc)).toHaveLength('hello world'.length)
    // Two edits: two appends (one per accepting instance) and two relayed updates, no echo.
    expect(storage.appends - appendsBefore).toBe(2)
    expect(bus.published.filter((m) => m.kind === RelayKind.Update).length - publishedBefore).toBe(2)
  })

  it('a burst of updates in one broadcast window crosses as one publish, applied and broadcast by the other instance at once; nothing comes back', async () => {
    bus = new MemoryBus()
    const [a, b] = [instance('A', 50), instance('B', 50)]
    const [ca, cb] = [client(a, 'w6'), client(b, 'w6')]
    await settle(ca, cb)
    type(ca, 0, 'start ')
    await settle(ca, cb)
    const published = bus.published.length
    const writes = cb.socket.writes
    let transactions = 0
    cb.doc.on('afterTransaction', (t: Y.Transaction) => void (t.local || transactions++))
    // Twelve updates from A's client within one turn: each its own message and transaction on A.
    for (let i = 0; i < 12; i++) type(ca, 0, `${i % 10}`)
    await settleUntil(() => text(cb.doc).length === 'start '.length + 12, ca, cb)
    expect(text(cb.doc)).toBe(text(ca.doc))
    expect(text(cb.doc)).toHaveLength('start '.length + 12)
    expect(bus.published.slice(published)).toEqual([{ from: 'A', kind: RelayKind.Update }])
    // B applied the batch as one update and sent it in one write; its client saw one transaction.
    expect(cb.socket.writes - writes).toBe(1)
    expect(transactions).toBe(1)
  })

  it('presence changed several times in one window crosses once, as it stands at the end', async () => {
    bus = new MemoryBus()
    const [a, b] = [instance('A', 50), instance('B', 50)]
    const [ca, cb] = [client(a, 'w7'), client(b, 'w7')]
    await settle(ca, cb)
    const published = bus.published.length
    for (const name of ['Ann', 'Ann 2', 'Ann 3']) ca.setPresence({ name })
    await settleUntil(() => cb.awareness.getStates().has(ca.doc.clientID), ca, cb)
    expect(cb.awareness.getStates().get(ca.doc.clientID)).toEqual({ name: 'Ann 3' })
    expect(bus.published.slice(published).filter((m) => m.from === 'A')).toEqual([{ from: 'A', kind: RelayKind.Awareness }])
  })

  it('what a room holds for the relay is published when it unloads before its window ends', async () => {
    bus = new MemoryBus()
    const [a, b] = [instance('A', 50), instance('B', 50)]
    const [ca, cb] = [client(a, 'w8'), client(b, 'w8')]
    await settle(ca, cb)
    type(ca, 0, 'first ')
    await settle(ca, cb)
    // Inside the window that 'first' opened: held, then the last client leaves and the room unloads.
    type(ca, 0, 'last words')
    ca.disconnect()
    await waitFor(() => a.stats().rooms === 0, 5_000)
    await settleUntil(() => text(cb.doc).length > 'first '.length, cb)
    expect(text(cb.doc)).toBe('last words' + 'first ')
  })

  it('a room unloads while its peer keeps editing: relayed edits do not keep it compacting, and its compaction holds them', async () => {
    bus = new MemoryBus()
    const [a, b] = [instance('A'), instance('B')]
    const [ca, cb] = [client(a, 'w5'), client(b, 'w5')]
    await settle(ca, cb)
    type(cb, 0, 'b')
    await settle(ca, cb)
    // The peer edits while every compaction is in flight (a busy room on a slow database).
    const compact = storage.compact.bind(storage)
    let compactions = 0
    storage.compact = (docId, state) => {
      compactions++
      if (compactions < 50) type(ca, 0, 'a')
      return new Promise<void>((resolve) => setTimeout(resolve, 5)).then(() => compact(docId, state))
    }
    try {
      cb.disconnect()
      await waitFor(() => b.stats().rooms === 0 || compactions >= 50, 5_000)
    } finally {
      storage.compact = compact
    }
    expect(b.stats().rooms).toBe(0)
    expect(compactions).toBeLessThan(5)
    // B's compaction holds B's own edit (merging peers' rows is the shared storage's, see PgStorage).
    expect(text(await storage.stored('w5'))).toContain('b')
  })

  it('an instance that opens the room later catches up from its peer, unstored edits included', async () => {
    bus = new MemoryBus()
    const [a, b] = [instance('A'), instance('B')]
    const ca = client(a, 'w2')
    await settle(ca)
    type(ca, 0, 'early')
    await settle(ca)
    // Storage loses what A stored (as if A's last commit window never reached it): only A knows.
    await storage.inner.delete('w2')
    const cb = client(b, 'w2')
    await settle(ca, cb)
    expect(text(cb.doc)).toBe('early')
  })

  it('after an outage both sides catch up, even when one resubscribes before the other listens', async () => {
    bus = new MemoryBus()
    const [a, b] = [instance('A'), instance('B')]
    const [ca, cb] = [client(a, 'w3'), client(b, 'w3')]
    await settle(ca, cb)
    bus.up = false
    type(ca, 0, 'A-offline ')
    type(cb, 0, 'B-offline ')
    await settle(ca, cb)
    expect(text(ca.doc)).not.toBe(text(cb.doc))
    // A asks before B listens again (its request goes nowhere); B's own request must repair both.
    bus.up = true
    const [la] = [...bus.channels.get('w3')!].filter(([id]) => id === 'A').map(([, l]) => l)
    const onlyA = new Map(bus.channels.get('w3')!)
    bus.channels.get('w3')!.delete('B')
    la!.subscribed()
    await settle(ca, cb)
    bus.channels.set('w3', onlyA)
    bus.back('B')
    await settle(ca, cb)
    expect(text(ca.doc)).toBe(text(cb.doc))
    expect(text(ca.doc)).toContain('A-offline')
    expect(text(ca.doc)).toContain('B-offline')
  })

  it('presence: relayed states stay their instance\'s (a local re-send takes nothing), removals cross, a moving client takes its id back with a newer clock', async () => {
    bus = new MemoryBus()
    const [a, b] = [instance('A'), instance('B')]
    const ca = client(a, 'w4')
    const cb = client(b, 'w4')
    const watcher = client(b, 'w4')
    await settle(ca, cb, watcher)
    ca.setPresence({ name: 'Ann' })
    await settle(ca, cb, watcher)
    expect(cb.awareness.getStates().get(ca.doc.clientID)).toEqual({ name: 'Ann' })
    // cb and watcher re-sent Ann's state to B (y-websocket does): B still takes Ann's changes from A.
    ca.setPresence({ name: 'Ann 2' })
    await settle(ca, cb, watcher)
    expect(watcher.awareness.getStates().get(ca.doc.clientID)).toEqual({ name: 'Ann 2' })

    // Ann's client moves to B with its document and presence (A is gone for it).
    const annDoc = ca.doc
    const annId = annDoc.clientID
    ca.disconnect()
    const moved = new FakeClient(b, 'w4', { doc: annDoc, open: false })
    clients.push(moved)
    // A fresh Awareness starts its clock again; y-websocket keeps one, whose renewal is newer.
    for (let i = 0; i < 3; i++) moved.awareness.setLocalState({ name: 'Ann on B' })
    moved.open()
    await settle(cb, watcher, moved)
    expect(watcher.awareness.getStates().get(annId)).toEqual({ name: 'Ann on B' })
    // A's release of its old connection (a removal) no longer touches what B owns now.
    expect(cb.awareness.getStates().has(annId)).toBe(true)

    cb.setPresence({ name: 'Bob' })
    await settle(cb, watcher, moved)
    const bobId = cb.doc.clientID
    const onA = client(a, 'w4')
    await settle(onA, cb, watcher, moved)
    expect(onA.awareness.getStates().get(bobId)).toEqual({ name: 'Bob' })
    // Who is in a meeting counts the other instance's people too (a vote waits for them).
    const personId = 'P1234567890abcde'
    watcher.setPresence({ user: { name: 'Wanda', personId }, meeting: { meetingId: 'M1', following: null, away: false } })
    await settle(onA, cb, watcher, moved)
    expect([...a.presentIn('w4', 'M1')]).toEqual([personId])
    cb.disconnect()
    await settle(onA, watcher, moved)
    expect(onA.awareness.getStates().has(bobId)).toBe(false)
  })
})
