import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { decodeClientMessage } from '../../../shared/protocol/decodeMessage.ts'
import { BroadcastTicker } from '../../../server/rooms/BroadcastTicker.ts'
import { FanOut } from '../../../server/rooms/FanOut.ts'

beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setImmediate', 'clearImmediate', 'performance'] }))
afterEach(() => vi.useRealTimers())

/** The stand-in presence message: a mark, then the client ids. */
const AWARENESS_MARK = 255

function tickerFor(windowMs: number): BroadcastTicker | null {
  return windowMs > 0 ? new BroadcastTicker(windowMs, () => performance.now()) : null
}

/** A FanOut whose broadcasts are recorded with the fake clock's time. */
function recorder(windowMs: number, ticker = tickerFor(windowMs)) {
  const sent: { at: number; updates?: Uint8Array[]; clientIds?: readonly number[] }[] = []
  const errors: unknown[] = []
  const fanOut = new FanOut(
    {
      awarenessMessage: (clientIds) => Uint8Array.from([AWARENESS_MARK, ...clientIds]),
      broadcast: (messages, updateCount) => {
        const updates = messages.slice(0, updateCount).map((message) => {
          const decoded = decodeClientMessage(message)
          if (!decoded.ok || !('update' in decoded.message)) throw new Error('not an update message')
          return decoded.message.update
        })
        const presence = messages.slice(updateCount)
        if (presence.some((message) => message[0] !== AWARENESS_MARK) || presence.length > 1) throw new Error('not one presence message')
        sent.push({
          at: performance.now(),
          ...(updates.length > 0 ? { updates } : {}),
          ...(presence.length > 0 ? { clientIds: [...presence[0]!.subarray(1)] } : {}),
        })
      },
      reportError: (err) => errors.push(err),
    },
    ticker,
  )
  return { fanOut, sent, errors }
}

/** Every update broadcast so far, in order. */
function updatesOf(sent: readonly { updates?: Uint8Array[] }[]): Uint8Array[] {
  return sent.flatMap((s) => s.updates ?? [])
}

/** Updates of one writer, each setting `key` in a map. */
function edits(count: number): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let i = 0; i < count; i++) doc.getMap('m').set(`k${i}`, i)
  return { doc, updates }
}

function applied(updates: readonly Uint8Array[]): Record<string, unknown> {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  return doc.getMap('m').toJSON()
}

describe('FanOut broadcast window', () => {
  it('broadcasts a change after a quiet spell on the next turn, without waiting for the window', async () => {
    const { fanOut, sent } = recorder(50)
    const { updates } = edits(1)
    fanOut.queueUpdate(updates[0]!)
    expect(sent).toHaveLength(0)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.map((s) => s.at)).toEqual([0])
  })

  it('holds changes that follow within the window and sends them together at its end', async () => {
    const { fanOut, sent } = recorder(50)
    const { doc, updates } = edits(4)
    fanOut.queueUpdate(updates[0]!)
    await vi.advanceTimersByTimeAsync(10)
    fanOut.queueUpdate(updates[1]!)
    await vi.advanceTimersByTimeAsync(20)
    fanOut.queueUpdate(updates[2]!)
    fanOut.queueUpdate(updates[3]!)
    await vi.advanceTimersByTimeAsync(19)
    expect(sent).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(sent.map((s) => s.at)).toEqual([0, 50])
    // Three updates: sent as they came (merging starts at four).
    expect(sent.map((s) => s.updates)).toEqual([[updates[0]], updates.slice(1)])
    expect(applied(updatesOf(sent))).toEqual(doc.getMap('m').toJSON())
  })

  it('merges a window of four updates or more into one', async () => {
    const { fanOut, sent } = recorder(50)
    const { doc, updates } = edits(5)
    fanOut.queueUpdate(updates[0]!)
    await vi.advanceTimersByTimeAsync(1)
    for (const update of updates.slice(1)) fanOut.queueUpdate(update)
    await vi.advanceTimersByTimeAsync(50)
    expect(sent.map((s) => s.updates?.length)).toEqual([1, 1])
    expect(applied(updatesOf(sent))).toEqual(doc.getMap('m').toJSON())
  })

  it('sends a busy room at most once per window', async () => {
    const { fanOut, sent } = recorder(50)
    const { updates } = edits(40)
    for (const update of updates) {
      fanOut.queueUpdate(update)
      await vi.advanceTimersByTimeAsync(5)
    }
    await vi.advanceTimersByTimeAsync(50)
    const times = sent.map((s) => s.at)
    expect(times.length).toBeLessThanOrEqual(Math.ceil((40 * 5) / 50) + 1)
    for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(50)
    expect(Object.keys(applied(updatesOf(sent)))).toHaveLength(40)
  })

  it('cuts a window short once it holds 16 updates: a flood is not held back', async () => {
    const { fanOut, sent } = recorder(50)
    const { doc, updates } = edits(17)
    fanOut.queueUpdate(updates[0]!)
    await vi.advanceTimersByTimeAsync(1)
    for (const update of updates.slice(1, 16)) fanOut.queueUpdate(update)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(1)
    fanOut.queueUpdate(updates[16]!)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent.map((s) => s.at)).toEqual([0, 1])
    expect(sent.map((s) => s.updates?.length)).toEqual([1, 1])
    expect(applied(updatesOf(sent))).toEqual(doc.getMap('m').toJSON())
  })

  it('with a window of 0 sends every turn', async () => {
    const { fanOut, sent } = recorder(0)
    const { updates } = edits(3)
    for (const update of updates) {
      fanOut.queueUpdate(update)
      await vi.advanceTimersByTimeAsync(0)
    }
    expect(sent).toHaveLength(3)
  })

  it('sends presence in the same window and the same write, after the document', async () => {
    const { fanOut, sent } = recorder(50)
    const { updates } = edits(2)
    fanOut.queueUpdate(updates[0]!)
    await vi.advanceTimersByTimeAsync(0)
    fanOut.queueAwareness([7])
    fanOut.queueUpdate(updates[1]!)
    fanOut.queueAwareness([7, 8])
    await vi.advanceTimersByTimeAsync(50)
    expect(sent.map((s) => [s.at, s.updates?.length ?? 0, s.clientIds ?? []])).toEqual([
      [0, 1, []],
      [50, 1, [7, 8]],
    ])
  })

  it('flush sends at once and starts a new window; cancel drops what is queued', async () => {
    const { fanOut, sent } = recorder(50)
    const { updates } = edits(3)
    fanOut.queueUpdate(updates[0]!)
    fanOut.flush()
    expect(sent).toHaveLength(1)
    fanOut.queueUpdate(updates[1]!)
    fanOut.cancel()
    await vi.advanceTimersByTimeAsync(100)
    expect(sent).toHaveLength(1)
    fanOut.queueUpdate(updates[2]!)
    await vi.advanceTimersByTimeAsync(0)
    expect(sent).toHaveLength(2)
  })

  it('reports a broadcast that throws instead of throwing from a timer', async () => {
    const errors: unknown[] = []
    const fanOut = new FanOut(
      {
        awarenessMessage: () => new Uint8Array(),
        broadcast: () => {
          throw new Error('socket gone')
        },
        reportError: (err) => errors.push(err),
      },
      tickerFor(50),
    )
    fanOut.queueUpdate(edits(1).updates[0]!)
    await vi.advanceTimersByTimeAsync(0)
    expect(errors).toHaveLength(1)
  })

  it('rooms held back by the same tick broadcast in one timer callback, each at most once per window', async () => {
    const ticker = tickerFor(50)
    const rooms = [recorder(50, ticker), recorder(50, ticker), recorder(50, ticker)]
    const { updates } = edits(6)
    // Each room broadcasts a first change at once, at a different time, then gets a second one.
    for (const [i, room] of rooms.entries()) {
      room.fanOut.queueUpdate(updates[2 * i]!)
      await vi.advanceTimersByTimeAsync(0)
      room.fanOut.queueUpdate(updates[2 * i + 1]!)
      await vi.advanceTimersByTimeAsync(7)
    }
    expect(ticker!.waiting).toBe(3)
    expect(vi.getTimerCount()).toBe(1)
    await vi.advanceTimersByTimeAsync(80)
    expect(rooms.map((room) => room.sent.map((s) => s.at))).toEqual([
      [0, 50],
      [7, 100],
      [14, 100],
    ])
    expect(ticker!.waiting).toBe(0)
    expect(vi.getTimerCount()).toBe(0)
  })
})

describe('BroadcastTicker', () => {
  it('runs a flush at the first tick at or after its time, and only once', async () => {
    const ticker = new BroadcastTicker(20, () => performance.now())
    const runs: number[] = []
    const flush = () => runs.push(performance.now())
    await vi.advanceTimersByTimeAsync(3)
    ticker.at(flush, 45)
    await vi.advanceTimersByTimeAsync(100)
    expect(runs).toEqual([60])
  })

  it('stops ticking when nothing waits: a cancelled flush never runs', async () => {
    const ticker = new BroadcastTicker(20, () => performance.now())
    const runs: number[] = []
    const flush = () => runs.push(performance.now())
    ticker.at(flush, 10)
    ticker.cancel(flush)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(100)
    expect(runs).toEqual([])
  })
})
