/**
 * Every byte a socket sends is untrusted: each bad input closes only its own connection, with the
 * right code, while two honest clients in the same room keep syncing and converging.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode } from '../../../shared/protocol/index.ts'
import type { Limits } from '../../../server/limits.ts'
import { RefuseReason } from '../../../server/rooms/refusal.ts'
import type { RefuseReason as Reason } from '../../../server/rooms/refusal.ts'
import { RoomMetricName } from '../../../server/rooms/roomMetrics.ts'
import { seededRandom } from '../../helpers/random.ts'
import { deferred, exchange, harness, step2Message, text, updateMessage } from './harness.ts'
import type { FakeClient, Harness } from './harness.ts'

let h: Harness
afterEach(async () => {
  await h.dispose()
})

interface Room {
  readonly a: FakeClient
  readonly b: FakeClient
  readonly bad: FakeClient
}

/** Two honest editors and the connection under test, all synced. */
async function room(limits: Partial<Limits> = {}): Promise<Room> {
  h = harness(limits)
  const a = h.client('w1')
  const b = h.client('w1')
  const bad = h.client('w1')
  await exchange(a, b, bad)
  return { a, b, bad }
}

/** The honest pair still edits concurrently and converges. */
async function stillConverges({ a, b }: Room): Promise<void> {
  a.doc.getText('t').insert(0, 'A')
  b.doc.getText('t').insert(0, 'B')
  await exchange(a, b)
  expect(a.closeCode).toBeNull()
  expect(b.closeCode).toBeNull()
  expect(text(a.doc)).toBe(text(b.doc))
  expect(text(a.doc)).toMatch(/A/)
  expect(text(a.doc)).toMatch(/B/)
}

function refused(reason: Reason): number {
  return h.metrics.value(RoomMetricName.Refused, { reason })
}

describe('malformed frames', () => {
  it.each([
    ['garbage bytes', [0xff, 0xff, 0xff]],
    ['an empty frame', []],
    ['a truncated sync message', [0, 2, 10, 1]],
    ['trailing bytes after a message', [3, 0]],
    ['a bad state vector', [0, 0, 3, 5, 1, 1]],
  ])('%s: 4400', async (_name, bytes) => {
    const r = await room()
    r.bad.send(new Uint8Array(bytes))
    expect(r.bad.closeCode).toBe(CloseCode.BadMessage)
    expect(refused(RefuseReason.Malformed)).toBe(1)
    await stillConverges(r)
  })

  it.each([
    ['an unknown message type', [9]],
    ['an auth message', [2, 0]],
    ['an unknown sync step', [0, 7, 0]],
  ])('%s: 4400', async (_name, bytes) => {
    const r = await room()
    r.bad.send(new Uint8Array(bytes))
    expect(r.bad.closeCode).toBe(CloseCode.BadMessage)
    expect(refused(RefuseReason.UnknownType)).toBe(1)
    await stillConverges(r)
  })

  it('logs a refused connection once, and ignores what it sends afterwards', async () => {
    const r = await room()
    for (let i = 0; i < 5; i++) r.bad.connection.receive(new Uint8Array([0xff]))
    expect(h.logs.filter((line) => line.includes('malformed'))).toHaveLength(1)
    expect(h.rooms.stats().connections).toBe(2)
  })

  it('never throws out of receive, whatever the bytes', async () => {
    h = harness()
    const a = h.client('w1')
    await exchange(a)
    const random = seededRandom(7)
    for (let i = 0; i < 300; i++) {
      const bytes = new Uint8Array(random.int(40))
      for (let j = 0; j < bytes.length; j++) bytes[j] = random.int(256)
      // Keep the first byte a real message type half of the time to get past the first check.
      if (bytes.length > 0 && random.bool()) bytes[0] = random.int(4)
      const c = h.client('w1', { open: false })
      expect(() => c.connection.receive(bytes)).not.toThrow()
    }
    a.doc.getText('t').insert(0, 'still fine')
    await exchange(a)
    expect(text(await h.storage.stored('w1'))).toBe('still fine')
  })
})

describe('size and rate limits', () => {
  it('an oversized message: 4413', async () => {
    const r = await room({ maxMessageBytes: 1000 })
    r.bad.send(updateMessage(new Uint8Array(1001)))
    expect(r.bad.closeCode).toBe(CloseCode.TooLarge)
    expect(refused(RefuseReason.MessageTooLarge)).toBe(1)
    await stillConverges(r)
  })

  it('too many messages per second: 4429, while a steady sender is fine', async () => {
    const r = await room({ messagesPerSecond: 10 })
    h.clock.now += 10_000 // refill after the handshakes
    const query = new Uint8Array([3])
    // The burst is two seconds' worth.
    for (let i = 0; i < 20; i++) r.bad.send(query)
    expect(r.bad.closeCode).toBeNull()
    r.bad.send(query)
    expect(r.bad.closeCode).toBe(CloseCode.TooFast)
    expect(refused(RefuseReason.TooFast)).toBe(1)
    // Ten per second, forever, is within the rate.
    for (let i = 0; i < 50; i++) {
      h.clock.now += 100
      r.a.send(query)
    }
    expect(r.a.closeCode).toBeNull()
    await stillConverges(r)
  })

  it('too many bytes per second: 4429', async () => {
    const r = await room({ bytesPerSecond: 1000 })
    h.clock.now += 10_000
    const big = new Y.Doc()
    big.getText('t').insert(0, 'x'.repeat(900))
    // The burst is two seconds' worth: 2000 bytes.
    r.bad.send(step2Message(Y.encodeStateAsUpdate(big)))
    r.bad.send(step2Message(Y.encodeStateAsUpdate(big)))
    expect(r.bad.closeCode).toBeNull()
    r.bad.send(step2Message(Y.encodeStateAsUpdate(big)))
    expect(r.bad.closeCode).toBe(CloseCode.TooFast)
    await stillConverges(r)
  })

  it('too much sent before the document loaded: 4429', async () => {
    h = harness({ maxBufferedBytes: 100 })
    const gate = deferred()
    h.storage.loadGate = gate.promise
    const a = h.client('w1')
    const bad = h.client('w1')
    for (let i = 0; i < 10; i++) bad.send(new Uint8Array(20).fill(3, 0, 1))
    expect(bad.closeCode).toBe(CloseCode.TooFast)
    expect(refused(RefuseReason.QueueFull)).toBe(1)
    gate.resolve()
    await exchange(a)
    expect(a.synced).toBe(true)
  })

  it('an update that would grow the document past maxDocBytes: 4413, not applied', async () => {
    const r = await room({ maxDocBytes: 2_000 })
    r.a.doc.getText('t').insert(0, 'small')
    await exchange(r.a, r.b, r.bad)
    r.bad.doc.getText('t').insert(0, 'x'.repeat(3_000))
    expect(r.bad.closeCode).toBe(CloseCode.TooLarge)
    expect(refused(RefuseReason.DocTooLarge)).toBe(1)
    await exchange(r.a, r.b)
    expect(text(r.a.doc)).toBe('small')
    await stillConverges(r)
  })

  it('the size estimate is measured before refusing, so a churned document keeps taking edits', async () => {
    const r = await room({ maxDocBytes: 3_000 })
    // Lots of typing and deleting: the running sum of update sizes passes the limit, the document
    // itself stays small.
    for (let i = 0; i < 40; i++) {
      r.a.doc.getText('t').insert(0, 'y'.repeat(100))
      r.a.doc.getText('t').delete(0, 100)
      await exchange(r.a)
    }
    r.a.doc.getText('t').insert(0, 'ok')
    await exchange(r.a, r.b)
    expect(r.a.closeCode).toBeNull()
    expect(text(r.b.doc)).toBe('ok')
  })

  it('a client that stops reading: closed once its send buffer passes maxBufferedBytes', async () => {
    const r = await room({ maxBufferedBytes: 1_000 })
    r.bad.socket.bufferedAmount = 1_001
    await stillConverges(r)
    expect(r.bad.closeCode).toBe(CloseCode.TooLarge)
    expect(refused(RefuseReason.SlowReader)).toBe(1)
  })
})

describe('updates', () => {
  it('with the legacy JSON content type: 4400', async () => {
    const r = await room()
    r.bad.send(updateMessage(rawItemUpdate(2, (e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarString(e, '{"a":1}')
    })))
    expect(r.bad.closeCode).toBe(CloseCode.BadMessage)
    expect(refused(RefuseReason.JsonContent)).toBe(1)
    await stillConverges(r)
  })

  it('with values nested deeper than updateDepth: 4400', async () => {
    const r = await room({ updateDepth: 32 })
    let value: unknown = 'core'
    for (let i = 0; i < 40; i++) value = [value]
    r.bad.doc.getArray('a').insert(0, [value])
    expect(r.bad.closeCode).toBe(CloseCode.BadMessage)
    expect(refused(RefuseReason.TooDeep)).toBe(1)
    await stillConverges(r)
    expect(r.a.doc.getArray('a').length).toBe(0)
  })

  it('with a deeply nested embed: 4400', async () => {
    const r = await room({ updateDepth: 4 })
    r.bad.doc.getText('t').insertEmbed(0, { a: { b: { c: { d: { e: 1 } } } } })
    expect(r.bad.closeCode).toBe(CloseCode.BadMessage)
    await stillConverges(r)
  })

  it('with a subdocument: 4400', async () => {
    const r = await room()
    r.bad.doc.getArray('a').insert(0, [new Y.Doc()])
    expect(r.bad.closeCode).toBe(CloseCode.BadMessage)
    expect(refused(RefuseReason.Subdocument)).toBe(1)
    await stillConverges(r)
  })

  it('with more delete ranges than updateDeleteRanges: 4413', async () => {
    const r = await room({ updateDeleteRanges: 5 })
    const t = r.bad.doc.getText('t')
    t.insert(0, 'abcdefghijklmnopqrst')
    await exchange(r.a, r.b, r.bad)
    r.bad.doc.transact(() => {
      for (let i = 18; i >= 0; i -= 2) t.delete(i, 1)
    })
    expect(r.bad.closeCode).toBe(CloseCode.TooLarge)
    expect(refused(RefuseReason.TooManyDeletes)).toBe(1)
    await stillConverges(r)
    expect(text(r.a.doc)).toMatch(/abcdefghijklmnopqrst/)
  })

  it('whose structs point forward in their own client: 4400, nothing applied', async () => {
    const r = await room()
    // An item at clock 0 whose origin is clock 5 of the same client.
    r.bad.send(updateMessage(rawItemUpdate(4, (e) => encoding.writeVarString(e, 'x'), { client: 99, clock: 5 })))
    expect(r.bad.closeCode).toBe(CloseCode.BadMessage)
    await stillConverges(r)
  })

  it('with missing dependencies: not applied, and its sender is asked to resync', async () => {
    const r = await room()
    // Another tab of the same browser made `base` and shared it locally; the server never got it.
    const tab = new Y.Doc()
    tab.getText('t').insert(0, 'base')
    const base = Y.encodeStateAsUpdate(tab)
    Y.applyUpdate(r.bad.doc, base, r.bad) // origin = the client: not sent on
    r.bad.doc.getText('t').insert(4, '+more') // depends on base: goes out at once
    expect(refused(RefuseReason.MissingDependency)).toBe(1)
    expect(r.bad.closeCode).toBeNull()
    expect(text(await h.storage.stored('w1'))).toBe('')
    // The resync (our step 1, its step 2) brings the missing part.
    await exchange(r.a, r.b, r.bad)
    expect(text(r.a.doc)).toBe('base+more')
    expect(text(await h.storage.stored('w1'))).toBe('base+more')
    await stillConverges(r)
    expect(r.bad.closeCode).toBeNull()
  })

  it('with deletes of clocks the server does not have: not applied, resync requested', async () => {
    const r = await room()
    const other = new Y.Doc()
    other.getText('t').insert(0, 'ghost')
    const sv = Y.encodeStateVector(other)
    other.getText('t').delete(0, 5)
    const onlyDeletes = Y.encodeStateAsUpdate(other, sv)
    r.bad.send(updateMessage(onlyDeletes))
    expect(refused(RefuseReason.MissingDependency)).toBe(1)
    expect(r.bad.closeCode).toBeNull()
    await stillConverges(r)
  })

  it('a sync step 2 with missing dependencies: 4400 (it cannot come from this client)', async () => {
    const r = await room()
    const other = new Y.Doc()
    other.getText('t').insert(0, 'base')
    const sv = Y.encodeStateVector(other)
    other.getText('t').insert(4, '+more')
    r.bad.send(step2Message(Y.encodeStateAsUpdate(other, sv)))
    expect(r.bad.closeCode).toBe(CloseCode.BadMessage)
    expect(refused(RefuseReason.MissingDependency)).toBe(1)
    await stillConverges(r)
    expect(text(r.a.doc)).not.toMatch(/more/)
  })

  it('a client repeating updates with missing dependencies gets one resync request, not a flood', async () => {
    const r = await room()
    const other = new Y.Doc()
    other.getText('t').insert(0, 'base')
    const updates: Uint8Array[] = []
    other.on('update', (u: Uint8Array) => updates.push(u))
    for (let i = 0; i < 5; i++) other.getText('t').insert(4, String(i))
    r.bad.pump()
    for (const update of updates) r.bad.send(updateMessage(update))
    expect(r.bad.unread().filter((f) => f[0] === 0 && f[1] === 0)).toHaveLength(1)
    expect(refused(RefuseReason.MissingDependency)).toBe(5)
    await stillConverges(r)
  })
})

/**
 * A hand-written v1 update with one item of content `ref` under root type `t`, or with an origin.
 * Yjs never writes some of these (JSON content, forward origins): that is the point.
 */
function rawItemUpdate(
  ref: number,
  writeContent: (encoder: encoding.Encoder) => void,
  origin?: { client: number; clock: number },
): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1) // one client
  encoding.writeVarUint(e, 1) // one struct
  encoding.writeVarUint(e, 99) // client
  encoding.writeVarUint(e, 0) // clock
  if (origin === undefined) {
    encoding.writeUint8(e, ref)
    encoding.writeVarUint(e, 1) // parent is a root type, by name
    encoding.writeVarString(e, 't')
  } else {
    encoding.writeUint8(e, ref | 0b1000_0000)
    encoding.writeVarUint(e, origin.client)
    encoding.writeVarUint(e, origin.clock)
  }
  writeContent(e)
  encoding.writeVarUint(e, 0) // empty delete set
  return encoding.toUint8Array(e)
}

