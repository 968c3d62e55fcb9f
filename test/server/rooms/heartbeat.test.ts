/**
 * The heartbeat sweep: one timer for every room; a connection sent nothing for a whole period gets
 * the heartbeat (an awareness message with no entries, a no-op for y-websocket clients), a busy one
 * never does, and the timer runs only while some room is open.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { HEARTBEAT_MESSAGE, isHeartbeat } from '../../../shared/protocol/index.ts'
import { RoomMetricName } from '../../../server/rooms/roomMetrics.ts'
import { deferred, exchange, harness, turn } from './harness.ts'
import type { FakeClient, Harness } from './harness.ts'

const PERIOD_MS = 1_000

let h: Harness | undefined
afterEach(async () => {
  vi.useRealTimers()
  await h?.dispose()
  h = undefined
})

/** Heartbeats among the frames the room sent `client`. */
const beats = (client: FakeClient) => client.socket.sent.filter(isHeartbeat).length

describe('heartbeat', () => {
  it('has the shape of an awareness update with no entries', () => {
    expect([...HEARTBEAT_MESSAGE]).toEqual([1, 1, 0])
  })

  it('goes to a connection sent nothing for a whole period, every period, and changes nothing', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    h = harness({ heartbeatIntervalMs: PERIOD_MS })
    const a = h.client('w1')
    a.setPresence({ name: 'Ada' })
    await exchange(a)
    const states = [...a.awareness.getStates().keys()]
    // The sweep right after the sync sees the sync's frames and skips the connection...
    vi.advanceTimersByTime(PERIOD_MS)
    expect(beats(a)).toBe(0)
    // ...and every sweep after that finds it idle.
    vi.advanceTimersByTime(PERIOD_MS)
    expect(beats(a)).toBe(1)
    vi.advanceTimersByTime(3 * PERIOD_MS)
    expect(beats(a)).toBe(4)
    expect(a.unread().every(isHeartbeat)).toBe(true)
    // The client reads them as no-ops: nothing is echoed, nobody's presence changes.
    const written = a.socket.sent.length
    await exchange(a)
    expect(a.socket.sent.length).toBe(written)
    expect([...a.awareness.getStates().keys()]).toEqual(states)
    expect(h.metrics.render()).toContain(`${RoomMetricName.Heartbeats} 4`)
  })

  it('never goes to a connection that hears from the room at least once a period', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    h = harness({ heartbeatIntervalMs: PERIOD_MS })
    const writer = h.client('w1')
    const reader = h.client('w1')
    await exchange(writer, reader)
    for (let i = 0; i < 6; i++) {
      writer.doc.getText('t').insert(0, 'x')
      await exchange(writer, reader)
      vi.advanceTimersByTime(PERIOD_MS)
    }
    // Both receive every update (the writer its echo): neither was idle for a whole period.
    expect(beats(writer)).toBe(0)
    expect(beats(reader)).toBe(0)
  })

  it('reaches a connection whose document is still loading, and starts again with the next room', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    h = harness({ heartbeatIntervalMs: PERIOD_MS })
    const gate = deferred()
    h.storage.loadGate = gate.promise
    const a = h.client('w1')
    await turn()
    // A new connection counts as busy for its first sweep; nothing is sent to it before the load
    // (not even sync step 1), so every later sweep beats.
    vi.advanceTimersByTime(PERIOD_MS)
    expect(a.socket.sent).toEqual([])
    vi.advanceTimersByTime(2 * PERIOD_MS)
    expect(a.socket.sent.map((frame) => isHeartbeat(frame))).toEqual([true, true])
    gate.resolve()
    await exchange(a)
    expect(a.synced).toBe(true)
    // The last room goes (the sweep's timer with it); the next room's connections get it again.
    a.connection.close()
    await vi.waitFor(() => expect(h!.rooms.stats().rooms).toBe(0))
    const b = h.client('w1')
    await exchange(b)
    vi.advanceTimersByTime(2 * PERIOD_MS)
    expect(beats(b)).toBe(1)
  })
})
