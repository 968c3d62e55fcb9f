import { createServer } from 'node:http'
import type { Server } from 'node:http'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WebhookStore } from '../../../server/storage/WebhookStore.ts'
import { STALL_SWEEP_MS, Webhooks } from '../../../server/webhooks/Webhooks.ts'
import { checkIn, publishCycle, snapshot } from '../../../shared/doc/index.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'
import { waitFor } from '../../helpers/waitFor.ts'

const DAY = 86_400_000
let receiver: Server
const bodies: { event: string; keyResult: { id: string } | null; stalls: { ruleId: string }[] }[] = []

beforeEach(async () => {
  bodies.length = 0
  receiver = createServer((req, res) => {
    let body = ''
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')))
    req.on('end', () => {
      bodies.push(JSON.parse(body) as (typeof bodies)[number])
      res.end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
})

afterEach(async () => {
  vi.useRealTimers()
  receiver.closeAllConnections()
  await new Promise((resolve) => receiver.close(resolve))
})

describe('Webhooks', () => {
  it('report a stall that time alone made (no edit): the hourly look runs the stall rules', async () => {
    // Only the hourly interval is faked: the settle timer, the queue and the receiver run for real.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const { doc, s, clock, cycleId, krA, krB } = buildWorkspace()
    for (const keyResultId of [krA, krB]) checkIn(s, { keyResultId, value: keyResultId === krA ? 24 : 28, confidence: 8 })
    publishCycle(s, cycleId)
    const store = await WebhookStore.open(null)
    const webhooks = new Webhooks({
      store,
      read: async (_id, fn) => fn(snapshot(doc)),
      publicUrl: 'https://okr.example.com',
      allowPrivate: true,
      maxPending: 10,
      timeoutMs: 5_000,
      retryBaseMs: 10,
      settleMs: 0,
      now: clock.now,
      log: () => {},
    })
    const address = receiver.address()
    await webhooks.baseline('w1')
    expect(store.stallsOf('w1')).toEqual([])
    await store.add({ id: 'h1', workspaceId: 'w1', url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`, events: ['stall-appeared', 'stall-cleared'], slack: false, secret: 'whsec_x', createdAt: clock.now(), origin: 'http://x' })

    // An hour passes: nothing is stalled yet, nothing is sent.
    clock.advance(STALL_SWEEP_MS)
    vi.advanceTimersByTime(STALL_SWEEP_MS)
    await webhooks.settled()
    expect(bodies).toEqual([])

    // Eight days without a check-in: the next hourly look finds both KRs stalled (S1).
    clock.advance(8 * DAY)
    vi.advanceTimersByTime(STALL_SWEEP_MS)
    await webhooks.settled()
    await waitFor(() => bodies.length === 2, 'two stall events')
    expect(bodies.map((b) => [b.event, b.keyResult?.id, b.stalls.some((w) => w.ruleId === 'S1')]).sort()).toEqual(
      [['stall-appeared', krA, true], ['stall-appeared', krB, true]].sort(),
    )
    expect(store.stallsOf('w1')).toEqual([krA, krB].sort())
    await webhooks.close()
  })
})
