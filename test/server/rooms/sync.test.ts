/** Rooms speak y-websocket's protocol: clients converge, late joiners catch up, updates are echoed. */
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { MessageType, SyncStep } from '../../../shared/protocol/index.ts'
import { RoomMetricName } from '../../../server/rooms/roomMetrics.ts'
import { deferred, exchange, harness, text, turn, updateMessage } from './harness.ts'
import type { Harness } from './harness.ts'

let h: Harness
afterEach(async () => {
  await h.dispose()
})

/** [message type, sync step] of a frame the server sent. */
function kindOf(frame: Uint8Array): [number, number | null] {
  const decoder = decoding.createDecoder(frame)
  const type = decoding.readVarUint(decoder)
  return [type, type === MessageType.Sync ? decoding.readVarUint(decoder) : null]
}

describe('sync', () => {
  it('two clients converge on concurrent edits', async () => {
    h = harness()
    const a = h.client('w1')
    const b = h.client('w1')
    await exchange(a, b)
    expect(a.synced && b.synced).toBe(true)

    // Both type before either hears from the other.
    a.doc.getText('t').insert(0, 'hello')
    b.doc.getText('t').insert(0, 'world')
    b.doc.getMap('m').set('k', 1)
    a.doc.getMap('m').set('k', 2)
    await exchange(a, b)

    expect(text(a.doc)).toBe(text(b.doc))
    expect(text(a.doc)).toHaveLength(10)
    expect(a.doc.getMap('m').toJSON()).toEqual(b.doc.getMap('m').toJSON())
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
  })

  it('a late joiner gets the whole state', async () => {
    h = harness()
    const a = h.client('w1')
    await exchange(a)
    a.doc.getText('t').insert(0, 'before you came')
    await exchange(a)

    const late = h.client('w1')
    await exchange(a, late)
    expect(text(late.doc)).toBe('before you came')
  })

  it('the server opens with sync step 1 and answers a step 1 with a step 2', async () => {
    h = harness()
    const a = h.client('w1')
    await turn()
    const kinds = a.unread().map(kindOf)
    expect(kinds[0]).toEqual([MessageType.Sync, SyncStep.Step1])
    expect(kinds).toContainEqual([MessageType.Sync, SyncStep.Step2])
  })

  it('encodes a board once for the fresh clients that open it, and again after a change', async () => {
    h = harness()
    const writer = h.client('w1')
    await exchange(writer)
    writer.doc.getText('t').insert(0, 'x'.repeat(100 * 1024))
    await exchange(writer)
    const step2Of = (client: ReturnType<Harness['client']>) =>
      client.unread().find((frame) => kindOf(frame)[1] === SyncStep.Step2)
    const [first, second] = [h.client('w1'), h.client('w1')]
    await turn()
    const [a, b] = [step2Of(first), step2Of(second)]
    expect(a).toBeDefined()
    expect(b).toBe(a)
    // The server's own sync step 1 is shared the same way.
    expect(first.socket.sent[0]).toBe(second.socket.sent[0])
    writer.doc.getText('t').insert(0, 'changed ')
    await exchange(writer)
    const third = h.client('w1')
    await turn()
    const c = step2Of(third)
    expect(c).toBeDefined()
    expect(c).not.toBe(a)
    await exchange(third)
    expect(text(third.doc).startsWith('changed x')).toBe(true)
  })

  it('answers sync step 1 only after the document is loaded', async () => {
    h = harness()
    await h.storage.inner.append('w1', stateWith('stored text'))
    const gate = deferred()
    h.storage.loadGate = gate.promise
    const a = h.client('w1') // sends its step 1 at once
    a.doc.getText('t').insert(0, 'x')
    for (let i = 0; i < 5; i++) await turn()
    expect(a.socket.sent).toHaveLength(0)

    gate.resolve()
    await exchange(a)
    expect(kindOf(a.received[0]!)).toEqual([MessageType.Sync, SyncStep.Step1])
    expect(text(a.doc)).toMatch(/stored text/)
    // The edit queued before the load was applied after it.
    expect(text(await h.storage.stored('w1'))).toBe(text(a.doc))
  })

  it('concurrent first connections share one load', async () => {
    h = harness()
    const gate = deferred()
    h.storage.loadGate = gate.promise
    const clients = [h.client('w1'), h.client('w1'), h.client('w1')]
    void h.rooms.withDoc('w1', () => {})
    gate.resolve()
    await exchange(...clients)
    expect(h.storage.loads).toBe(1)
    expect(clients.every((c) => c.synced)).toBe(true)
    expect(h.rooms.stats()).toEqual({ rooms: 1, connections: 3 })
  })

  it('echoes an update to its sender', async () => {
    h = harness()
    const a = h.client('w1')
    await exchange(a)
    const update = Y.encodeStateAsUpdate(docWith('mine'))
    a.send(updateMessage(update))
    await turn()
    const echoes = a.unread().filter((f) => kindOf(f)[1] === SyncStep.Update)
    expect(echoes).toHaveLength(1)
    const echoed = new Y.Doc()
    Y.applyUpdate(echoed, payloadOf(echoes[0]!))
    expect(text(echoed)).toBe('mine')
  })

  it('encodes each broadcast once and coalesces updates of one tick into one message, in one write', async () => {
    h = harness()
    const [a, b, c] = [h.client('w1'), h.client('w1'), h.client('w1')]
    await exchange(a, b, c)
    const writesBefore = [a, b, c].map((client) => client.socket.writes)
    const source = new Y.Doc()
    const updates: Uint8Array[] = []
    source.on('update', (u: Uint8Array) => updates.push(u))
    source.getText('t').insert(0, 'one')
    source.getText('t').insert(3, ' two')
    source.getMap('m').set('three', 3)
    source.getMap('m').set('four', 4)
    for (const update of updates) a.send(updateMessage(update))
    await turn()

    // Four updates (from four on, a window is merged): one message, in one write per client.
    const sent = [a, b, c].map((client) => client.unread().filter((f) => kindOf(f)[1] === SyncStep.Update))
    for (const frames of sent) expect(frames).toHaveLength(1)
    expect([a, b, c].map((client, i) => client.socket.writes - writesBefore[i]!)).toEqual([1, 1, 1])
    // The very same bytes object went to every socket: encoded once.
    expect(sent[1]![0]).toBe(sent[0]![0])
    expect(sent[2]![0]).toBe(sent[0]![0])
    await exchange(a, b, c)
    expect(text(c.doc)).toBe('one two')
    expect(h.metrics.value(RoomMetricName.UpdatesIn)).toBe(4)
    expect(h.metrics.value(RoomMetricName.UpdatesOut)).toBe(3)
  })

  it('a client back from offline that types before its edits arrived still converges', async () => {
    h = harness()
    const a = h.client('w1')
    const b = h.client('w1')
    await exchange(a, b)
    b.disconnect()
    b.doc.getText('t').insert(0, 'offline ')
    const back = h.client('w1', { doc: b.doc })
    // Typed right away: this update builds on the offline edit the room has not seen yet.
    back.doc.getText('t').insert(8, 'and online')
    await exchange(a, back)
    expect(back.closeCode).toBeNull()
    expect(text(a.doc)).toBe('offline and online')
    expect(text(await h.storage.stored('w1'))).toBe('offline and online')
  })

  it('counts connections, rooms and bytes as Prometheus series', async () => {
    h = harness()
    const a = h.client('w1')
    h.client('w2')
    await exchange(a)
    a.doc.getText('t').insert(0, 'x')
    await exchange(a)
    expect(h.metrics.value(RoomMetricName.Connections)).toBe(2)
    expect(h.metrics.value(RoomMetricName.Rooms)).toBe(2)
    expect(h.metrics.value(RoomMetricName.BytesIn)).toBeGreaterThan(0)
    expect(h.metrics.value(RoomMetricName.BytesOut)).toBeGreaterThan(0)
    expect(h.metrics.render()).toMatch(/# TYPE roundtable_connections gauge/)
    expect(h.metrics.render()).toMatch(/# TYPE roundtable_updates_in_total counter/)
  })
})

function docWith(content: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, content)
  return doc
}

function stateWith(content: string): Uint8Array {
  return Y.encodeStateAsUpdate(docWith(content))
}

function payloadOf(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame)
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
  return decoding.readVarUint8Array(decoder)
}
