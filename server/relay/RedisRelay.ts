/**
 * @module The relay between server instances over Redis pub/sub (REDIS_URL): one channel per
 * workspace, subscribed while this instance holds the room. Two connections, because a
 * subscribed Redis connection can do nothing but listen.
 *
 * Publishing while Redis is down fails at once (no offline queue): queued updates would be sent
 * late and in bulk, and the rooms' resync after the reconnection brings the same and more. The
 * subscriber resubscribes itself on every reconnection, and only then tells the rooms, so their
 * sync requests are published after they can hear the answers.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { ConfigError } from '../config.ts'
import type { Metrics } from '../metrics.ts'
import type { Relay, RelayLink, RelayListener, RelayMessage } from '../rooms/Relay.ts'
import { RelayKind } from '../rooms/Relay.ts'
import { decodeRelayMessage, encodeRelayMessage } from '../rooms/relayCodec.ts'
import { RelayMetrics } from './relayMetrics.ts'

/** How long a start waits for Redis before it gives up with a clear message. */
const CONNECT_TIMEOUT_MS = 10_000
/** Reconnection delays grow by this much per attempt, up to RETRY_MAX_MS: an outage is noticed back within a second. */
const RETRY_STEP_MS = 100
const RETRY_MAX_MS = 1_000

const CHANNEL_PREFIX = 'roundtable:room:'

export class RedisRelay implements Relay {
  readonly instanceId = randomUUID()
  readonly #pub: Redis
  readonly #sub: Redis
  readonly #log: (message: string) => void
  readonly #metrics: RelayMetrics
  readonly #listeners = new Map<string, Set<RelayListener>>()
  #down = false
  #closed = false

  private constructor(url: string, log: (message: string) => void, metrics: Metrics | undefined) {
    this.#log = log
    this.#metrics = new RelayMetrics(metrics)
    const options = {
      lazyConnect: true,
      enableOfflineQueue: false,
      autoResubscribe: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => (this.#closed ? null : Math.min(times * RETRY_STEP_MS, RETRY_MAX_MS)),
    }
    // Auto-pipelining: the publishes of one turn of the event loop (every room flushed by one tick
    // of the broadcast ticker) leave in one write to Redis, not one system call each.
    this.#pub = new Redis(url, { ...options, enableAutoPipelining: true })
    this.#sub = new Redis(url, { ...options, enableOfflineQueue: true })
    for (const client of [this.#pub, this.#sub]) {
      // Without a listener ioredis would throw them; 'close' and 'ready' say what matters, once.
      client.on('error', () => {})
      client.on('close', this.#lost)
    }
    this.#pub.on('ready', this.#resubscribe)
    this.#sub.on('ready', this.#resubscribe)
    this.#sub.on('messageBuffer', this.#onMessage)
  }

  /** Connects both clients; a ConfigError when Redis cannot be reached (nothing else to do then). */
  static async connect(url: string, log: (message: string) => void, metrics?: Metrics): Promise<RedisRelay> {
    const relay = new RedisRelay(url, log, metrics)
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer')), CONNECT_TIMEOUT_MS).unref())
    try {
      await Promise.race([Promise.all([relay.#pub.connect(), relay.#sub.connect()]), timeout])
    } catch (err) {
      await relay.close()
      throw new ConfigError(`cannot reach Redis at REDIS_URL (${hostOf(url)}): ${(err as Error).message}`)
    }
    return relay
  }

  join(workspaceId: string, listener: RelayListener): RelayLink {
    const channel = CHANNEL_PREFIX + workspaceId
    let listeners = this.#listeners.get(channel)
    if (listeners === undefined) {
      listeners = new Set()
      this.#listeners.set(channel, listeners)
    }
    const first = listeners.size === 0
    listeners.add(listener)
    if (first) this.#subscribe([channel])
    else if (this.#ready()) listener.subscribed()
    let left = false
    return {
      publish: (message: RelayMessage) => {
        if (left || this.#closed || this.#pub.status !== 'ready') return
        this.#metrics.published(message.kind)
        const bytes = encodeRelayMessage(this.instanceId, message)
        this.#pub.publish(channel, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)).catch(() => {
          // Redis went away mid-publish: the resync after its return covers what was lost.
        })
      },
      leave: () => {
        if (left) return
        left = true
        const current = this.#listeners.get(channel)
        current?.delete(listener)
        if (current === undefined || current.size > 0) return
        this.#listeners.delete(channel)
        if (this.#sub.status === 'ready') this.#sub.unsubscribe(channel).catch(() => {})
      },
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#listeners.clear()
    await Promise.all([this.#pub, this.#sub].map((client) => client.quit().catch(() => client.disconnect())))
  }

  #subscribe(channels: readonly string[]): void {
    if (!this.#ready() || channels.length === 0) return
    this.#sub.subscribe(...channels).then(
      () => {
        for (const channel of channels) for (const listener of this.#listeners.get(channel) ?? []) listener.subscribed()
      },
      (err: unknown) => this.#log(`relay: subscribing failed, retried on the next reconnection: ${(err as Error).message}`),
    )
  }

  /** Both connections are up: a sync request goes out only when its answers can come back. */
  #ready(): boolean {
    return this.#pub.status === 'ready' && this.#sub.status === 'ready'
  }

  readonly #resubscribe = (): void => {
    if (!this.#ready()) return
    this.#metrics.up(true)
    if (this.#listeners.size > 0) this.#metrics.resynced()
    if (this.#down) this.#log('relay: Redis is back, resynchronizing the rooms')
    this.#down = false
    this.#subscribe([...this.#listeners.keys()])
  }

  readonly #lost = (): void => {
    if (this.#closed) return
    this.#metrics.up(false)
    if (this.#down) return
    this.#down = true
    this.#log('relay: lost Redis, rooms are not relayed until it is back')
  }

  readonly #onMessage = (channelBytes: Buffer, bytes: Buffer): void => {
    const listeners = this.#listeners.get(channelBytes.toString())
    if (listeners === undefined) return
    const received = decodeRelayMessage(bytes)
    if (received === null || received.from === this.instanceId) return
    if (received.message.kind === RelayKind.SyncReply && received.message.to !== this.instanceId) return
    this.#metrics.received(received.message.kind)
    for (const listener of listeners) listener.receive(received)
  }
}

/** The host and port of a Redis URL, never its password. */
function hostOf(url: string): string {
  try {
    const parsed = new URL(url)
    return `${parsed.hostname}:${parsed.port || '6379'}`
  } catch {
    return 'unparsable URL'
  }
}
