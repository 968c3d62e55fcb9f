/**
 * RedisRelay against a real redis-server: its own echoes dropped, a sync reply only for the
 * instance that asked, subscribed() again after Redis comes back, nothing after leave().
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { ConfigError } from '../../server/config.ts'
import { Metrics } from '../../server/metrics.ts'
import { RelayMetricName } from '../../server/relay/relayMetrics.ts'
import { RedisRelay } from '../../server/relay/RedisRelay.ts'
import { RelayKind } from '../../server/rooms/Relay.ts'
import type { ReceivedRelayMessage, RelayListener } from '../../server/rooms/Relay.ts'
import { scaleTestsRequired } from '../helpers/postgres.ts'
import { findRedisServer, startRedisServer } from '../helpers/redisServer.ts'
import type { RedisServer } from '../helpers/redisServer.ts'
import { waitFor } from '../helpers/waitFor.ts'

let redis: RedisServer
const relays: RedisRelay[] = []

beforeAll(async () => {
  redis = await startRedisServer()
}, 30_000)

afterEach(async () => {
  await Promise.all(relays.splice(0).map((r) => r.close()))
})

afterAll(async () => {
  await redis?.dispose()
})

async function relay(metrics?: Metrics): Promise<RedisRelay> {
  const r = await RedisRelay.connect(redis.url, () => {}, metrics)
  relays.push(r)
  return r
}

function listener(): RelayListener & { received: ReceivedRelayMessage[]; subscriptions: number } {
  const l = {
    received: [] as ReceivedRelayMessage[],
    subscriptions: 0,
    receive: (m: ReceivedRelayMessage) => void l.received.push(m),
    subscribed: () => void l.subscriptions++,
  }
  return l
}

describe.skipIf(!scaleTestsRequired() && findRedisServer() === null)('RedisRelay on a real Redis', () => {
  it('relays to the other instance only, and a sync reply only to the one that asked', async () => {
    const [a, b, c] = [await relay(), await relay(), await relay()]
    const [la, lb, lc] = [listener(), listener(), listener()]
    const links = [a.join('w1', la), b.join('w1', lb), c.join('w1', lc)]
    await waitFor(() => la.subscriptions === 1 && lb.subscriptions === 1 && lc.subscriptions === 1, 'three subscriptions')
    links[0]!.publish({ kind: RelayKind.Update, update: new Uint8Array([1, 2, 3]) })
    links[1]!.publish({ kind: RelayKind.SyncReply, to: a.instanceId, update: new Uint8Array([4]), awareness: new Uint8Array(), stateVector: new Uint8Array([0]) })
    await waitFor(() => lb.received.length === 1 && lc.received.length === 1 && la.received.length === 1, 'the messages')
    expect(lb.received[0]).toEqual({ from: a.instanceId, message: { kind: RelayKind.Update, update: new Uint8Array([1, 2, 3]) } })
    expect(la.received[0]!.message.kind).toBe(RelayKind.SyncReply)
    // c got A's update, not B's reply to A; A did not hear its own update.
    expect(lc.received.map((m) => m.message.kind)).toEqual([RelayKind.Update])
  })

  it('after a Redis restart each joined room is told it is subscribed again, and hears its peers; /metrics shows the outage', async () => {
    const metrics = new Metrics()
    const [a, b] = [await relay(metrics), await relay()]
    const [la, lb] = [listener(), listener()]
    a.join('w2', la)
    const linkB = b.join('w2', lb)
    await waitFor(() => la.subscriptions === 1 && lb.subscriptions === 1, 'subscribed')
    expect(metrics.value(RelayMetricName.Up)).toBe(1)
    await redis.stop()
    await waitFor(() => metrics.value(RelayMetricName.Up) === 0, 'the relay to be down')
    // Lost while Redis is down: published into nothing, not queued for later.
    linkB.publish({ kind: RelayKind.Update, update: new Uint8Array([9]) })
    await redis.start()
    await waitFor(() => la.subscriptions === 2 && lb.subscriptions === 2, 'resubscribed after the restart', 15_000)
    linkB.publish({ kind: RelayKind.Update, update: new Uint8Array([10]) })
    await waitFor(() => la.received.length > 0, 'a message after the restart')
    expect(la.received.map((m) => m.message.kind === RelayKind.Update && [...m.message.update])).toEqual([[10]])
    expect(metrics.value(RelayMetricName.Up)).toBe(1)
    expect(metrics.value(RelayMetricName.Resyncs)).toBe(1)
    expect(metrics.value(RelayMetricName.Received, { kind: 'update' })).toBe(1)
  })

  it('a room that left hears nothing more', async () => {
    const [a, b] = [await relay(), await relay()]
    const [la, lb] = [listener(), listener()]
    const linkA = a.join('w3', la)
    const linkB = b.join('w3', lb)
    await waitFor(() => la.subscriptions === 1 && lb.subscriptions === 1, 'subscribed')
    linkA.leave()
    linkB.publish({ kind: RelayKind.Update, update: new Uint8Array([1]) })
    // A marker on another channel A still holds: once it arrives, the first would have too.
    const lm = listener()
    a.join('w3-marker', lm)
    const marker = b.join('w3-marker', listener())
    await waitFor(() => lm.subscriptions === 1, 'marker subscribed')
    marker.publish({ kind: RelayKind.Update, update: new Uint8Array([2]) })
    await waitFor(() => lm.received.length === 1, 'the marker')
    expect(la.received).toEqual([])
  })

  it('an unreachable REDIS_URL fails the start with a message that names it, without its password', async () => {
    const err = await RedisRelay.connect('redis://:hunter2@127.0.0.1:1', () => {}).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ConfigError)
    expect((err as Error).message).toMatch(/^cannot reach Redis at REDIS_URL \(127\.0\.0\.1:1\)/)
    expect((err as Error).message).not.toContain('hunter2')
  })
})
