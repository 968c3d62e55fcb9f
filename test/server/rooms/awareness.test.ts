/** Presence: forwarded once to everyone, owned by the connection that introduced it, bounded. */
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode, MessageType, Role } from '../../../shared/protocol/index.ts'
import { RefuseReason } from '../../../server/rooms/refusal.ts'
import { RoomMetricName } from '../../../server/rooms/roomMetrics.ts'
import { awarenessMessage, exchange, harness, rawAwareness, text, turn } from './harness.ts'
import type { FakeClient, Harness } from './harness.ts'

let h: Harness
afterEach(async () => {
  await h.dispose()
})

function presenceOf(client: FakeClient, of: FakeClient): unknown {
  return client.awareness.getStates().get(of.doc.clientID) ?? null
}

function awarenessFrames(frames: Uint8Array[]): Uint8Array[] {
  return frames.filter((frame) => frame[0] === MessageType.Awareness)
}

describe('presence', () => {
  it('is forwarded to everyone as the same bytes, and a newcomer gets the current states', async () => {
    h = harness()
    const [a, b, c] = [h.client('w1'), h.client('w1'), h.client('w1')]
    await exchange(a, b, c)
    a.setPresence({ name: 'Ada', cursor: 3 })
    await turn()
    const frames = [a, b, c].map((client) => awarenessFrames(client.unread()))
    for (const list of frames) expect(list).toHaveLength(1)
    expect(frames[1]![0]).toBe(frames[0]![0])
    expect(frames[2]![0]).toBe(frames[0]![0])
    await exchange(a, b, c)
    expect(presenceOf(b, a)).toEqual({ name: 'Ada', cursor: 3 })

    const late = h.client('w1')
    await exchange(a, b, c, late)
    expect(presenceOf(late, a)).toEqual({ name: 'Ada', cursor: 3 })
  })

  it("clients re-sending others' states (as y-websocket does) cause no loop and no refusal", async () => {
    h = harness()
    const clients = [h.client('w1'), h.client('w1'), h.client('w1'), h.client('w1'), h.client('w1'), h.client('w1')]
    await exchange(...clients)
    clients.forEach((client, i) => client.setPresence({ name: `p${i}` }))
    await exchange(...clients)
    const late = h.client('w1') // receives six states in one message and echoes all six
    await exchange(...clients, late)
    for (const client of [...clients, late]) expect(client.closeCode).toBeNull()
    expect(late.awareness.getStates().size).toBe(6)
    const before = clients[0]!.received.length
    await exchange(...clients, late)
    expect(clients[0]!.received.length).toBe(before)
  })

  it('is removed for everyone when its connection leaves', async () => {
    h = harness()
    const [a, b] = [h.client('w1'), h.client('w1')]
    await exchange(a, b)
    a.setPresence({ name: 'Ada' })
    await exchange(a, b)
    expect(presenceOf(b, a)).not.toBeNull()
    a.connection.close()
    await exchange(b)
    expect(presenceOf(b, a)).toBeNull()
  })

  it('answers a query with everyone present', async () => {
    h = harness()
    const [a, b] = [h.client('w1'), h.client('w1', { echoAwareness: false })]
    await exchange(a, b)
    a.setPresence({ name: 'Ada' })
    await exchange(a, b)
    b.pump()
    b.send(new Uint8Array([MessageType.QueryAwareness]))
    expect(awarenessFrames(b.unread())).toHaveLength(1)
  })

  it("of a viewer is ignored: it stays connected and nobody sees it", async () => {
    h = harness()
    const editor = h.client('w1')
    const viewer = h.client('w1', { role: Role.Viewer })
    await exchange(editor, viewer)
    viewer.setPresence({ name: 'Watcher' })
    editor.setPresence({ name: 'Ada' })
    await exchange(editor, viewer)
    expect(viewer.closeCode).toBeNull()
    expect(presenceOf(editor, viewer)).toBeNull()
    expect(presenceOf(viewer, editor)).toEqual({ name: 'Ada' })
    expect(h.metrics.value(RoomMetricName.Refused, { reason: RefuseReason.ViewerAwareness })).toBeGreaterThan(0)
  })
})

describe('presence ownership and limits', () => {
  it("nobody overwrites another connection's presence: the entry is dropped", async () => {
    h = harness()
    const [a, b, mallory] = [h.client('w1'), h.client('w1'), h.client('w1')]
    await exchange(a, b, mallory)
    a.setPresence({ name: 'Ada' })
    await exchange(a, b, mallory)
    const clock = a.awareness.meta.get(a.doc.clientID)!.clock
    mallory.send(rawAwareness([{ clientId: a.doc.clientID, clock: clock + 5, json: '{"name":"Mallory"}' }]))
    mallory.send(rawAwareness([{ clientId: a.doc.clientID, clock: clock + 6, json: 'null' }]))
    await exchange(a, b, mallory)
    expect(presenceOf(b, a)).toEqual({ name: 'Ada' })
    expect(mallory.closeCode).toBeNull()
  })

  it('more entries in one message than awarenessEntriesPerMessage: 4413', async () => {
    h = harness({ awarenessEntriesPerMessage: 4 })
    const [a, bad] = [h.client('w1'), h.client('w1')]
    await exchange(a, bad)
    const id = bad.doc.clientID
    bad.send(rawAwareness([1, 2, 3, 4, 5].map((clock) => ({ clientId: id, clock, json: '{}' }))))
    expect(bad.closeCode).toBe(CloseCode.TooLarge)
    expect(h.metrics.value(RoomMetricName.Refused, { reason: RefuseReason.AwarenessTooMany })).toBe(1)
  })

  it('more client ids than awarenessClientsPerConnection: 4413', async () => {
    h = harness({ awarenessClientsPerConnection: 4 })
    const [a, bad] = [h.client('w1'), h.client('w1')]
    await exchange(a, bad)
    for (let id = 1; id <= 4; id++) bad.send(rawAwareness([{ clientId: 1000 + id, clock: 1, json: '{}' }]))
    expect(bad.closeCode).toBeNull()
    bad.send(rawAwareness([{ clientId: 1005, clock: 1, json: '{}' }]))
    expect(bad.closeCode).toBe(CloseCode.TooLarge)
    await exchange(a)
    // Its states left with it.
    expect(a.awareness.getStates().size).toBe(0)
  })

  it('a state larger than awarenessStateBytes: 4413', async () => {
    h = harness({ awarenessStateBytes: 100 })
    const [a, bad] = [h.client('w1'), h.client('w1')]
    await exchange(a, bad)
    bad.setPresence({ name: 'x'.repeat(200) })
    expect(bad.closeCode).toBe(CloseCode.TooLarge)
  })

  it('a state nested deeper than awarenessDepth: 4400', async () => {
    h = harness({ awarenessDepth: 8 })
    const [a, bad] = [h.client('w1'), h.client('w1')]
    await exchange(a, bad)
    bad.setPresence({ a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } })
    expect(bad.closeCode).toBe(CloseCode.BadMessage)
    expect(h.metrics.value(RoomMetricName.Refused, { reason: RefuseReason.AwarenessTooDeep })).toBe(1)
  })

  it.each([
    ['a payload that is not an awareness update', awarenessMessage(new Uint8Array([5, 1]))],
    ['a state that is not JSON', rawAwareness([{ clientId: 77, clock: 1, json: '{nope' }])],
    ['a state that is not an object', rawAwareness([{ clientId: 77, clock: 1, json: '[1,2]' }])],
  ])('%s: 4400', async (_name, frame) => {
    h = harness()
    const [a, bad] = [h.client('w1'), h.client('w1')]
    await exchange(a, bad)
    bad.send(frame)
    expect(bad.closeCode).toBe(CloseCode.BadMessage)
    a.doc.getText('t').insert(0, 'ok')
    await exchange(a)
    expect(text(await h.storage.stored('w1'))).toBe('ok')
  })
})
