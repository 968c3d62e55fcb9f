import { describe, expect, it } from 'vitest'
import { createServerClock, estimateOffset } from '../../../client/sync/serverClock.ts'

describe('estimateOffset', () => {
  it('takes the sample with the lowest round trip: offset = serverNow + rtt/2 - receivedAt', () => {
    const estimate = estimateOffset([
      { sentAt: 1_000, receivedAt: 1_400, serverNow: 6_000 }, // rtt 400
      { sentAt: 2_000, receivedAt: 2_040, serverNow: 7_100 }, // rtt 40: the best
      { sentAt: 3_000, receivedAt: 3_200, serverNow: 8_000 }, // rtt 200
    ])
    expect(estimate).toEqual({ rtt: 40, offset: 7_100 + 20 - 2_040 })
  })

  it('skips samples that cannot be right (negative round trip, no number) and gives null without any', () => {
    expect(estimateOffset([])).toBeNull()
    expect(estimateOffset([{ sentAt: 10, receivedAt: 5, serverNow: 100 }])).toBeNull()
    expect(estimateOffset([{ sentAt: 0, receivedAt: 10, serverNow: Number.NaN }, { sentAt: 0, receivedAt: 10, serverNow: 505 }])).toEqual({ rtt: 10, offset: 500 })
  })
})

describe('createServerClock', () => {
  it('reads the server time as local time plus the learned offset, asking a few times', async () => {
    let local = 10_000
    const serverAhead = 3_600_000
    let asked = 0
    const clock = createServerClock({
      localNow: () => local,
      samples: 4,
      fetchTime: async () => {
        asked++
        // Round trips of 100, 20, 60, 80 ms: the server answers half way through.
        const rtt = [100, 20, 60, 80][asked - 1]!
        local += rtt / 2
        const server = local + serverAhead
        local += rtt / 2
        return server
      },
    })
    expect(clock.now()).toBe(local)
    let notified = 0
    clock.subscribe(() => notified++)
    await clock.sync()
    expect(asked).toBe(4)
    expect(clock.offset()).toBe(serverAhead)
    expect(clock.now() - local).toBe(serverAhead)
    expect(notified).toBe(1)
  })

  it('keeps the last offset when the server cannot be reached, and runs one sync at a time', async () => {
    let fail = false
    let calls = 0
    const clock = createServerClock({
      localNow: () => 0,
      samples: 2,
      fetchTime: async () => {
        calls++
        if (fail) throw new Error('offline')
        return 500
      },
    })
    await Promise.all([clock.sync(), clock.sync()])
    expect(calls).toBe(2)
    expect(clock.offset()).toBe(500)
    fail = true
    await clock.sync()
    expect(clock.offset()).toBe(500)
  })
})
