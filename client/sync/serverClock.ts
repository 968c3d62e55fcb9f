/**
 * @module The server's clock as this browser sees it: the offset learned from `GET /api/time`
 * (a few samples; the one with the shortest round trip is the least distorted), so a meeting's
 * timer reads the same second on every screen and the stamps written into the document are the
 * server's time, whatever each machine's own clock says.
 */

/** One question to the server: when it was asked and answered (this clock), and what it said. */
export interface ClockSample {
  readonly sentAt: number
  readonly receivedAt: number
  readonly serverNow: number
}

export interface ClockEstimate {
  /** Add to this clock to read the server's. */
  readonly offset: number
  readonly rtt: number
}

/** Samples taken per sync; the shortest round trip wins. */
export const CLOCK_SAMPLES = 5

/**
 * The offset from the sample with the lowest round trip: the server read its clock about half way
 * through it, so `offset = serverNow + rtt / 2 - receivedAt`. Null without a usable sample.
 */
export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockEstimate | null = null
  for (const s of samples) {
    const rtt = s.receivedAt - s.sentAt
    if (!Number.isFinite(rtt) || rtt < 0 || !Number.isFinite(s.serverNow)) continue
    if (best === null || rtt < best.rtt) best = { rtt, offset: s.serverNow + rtt / 2 - s.receivedAt }
  }
  return best
}

export interface ServerClock {
  /** The server's time now, in epoch ms (this clock plus the learned offset). */
  now(): number
  offset(): number
  /** Samples the server again; keeps the last offset when it cannot be reached. */
  sync(): Promise<void>
  subscribe(listener: () => void): () => void
}

export interface ServerClockOptions {
  /** Asks the server for its time (epoch ms); rejects when it cannot. */
  readonly fetchTime: () => Promise<number>
  readonly localNow?: () => number
  readonly samples?: number
}

/** A clock that learns its offset from `fetchTime`; it reads this clock until the first sync. */
export function createServerClock(options: ServerClockOptions): ServerClock {
  const localNow = options.localNow ?? (() => Date.now())
  const count = options.samples ?? CLOCK_SAMPLES
  const listeners = new Set<() => void>()
  let offset = 0
  let syncing: Promise<void> | null = null

  const run = async (): Promise<void> => {
    const samples: ClockSample[] = []
    for (let i = 0; i < count; i++) {
      const sentAt = localNow()
      try {
        const serverNow = await options.fetchTime()
        samples.push({ sentAt, receivedAt: localNow(), serverNow })
      } catch {
        break
      }
    }
    const estimate = estimateOffset(samples)
    if (estimate === null || estimate.offset === offset) return
    offset = estimate.offset
    for (const listener of listeners) listener()
  }

  return {
    now: () => localNow() + offset,
    offset: () => offset,
    sync() {
      // One sync at a time: a reconnect during a sync gets the same answer.
      syncing ??= run().finally(() => (syncing = null))
      return syncing
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}

/** `GET /api/time` of the page's own server. */
export async function fetchServerTime(): Promise<number> {
  const res = await fetch('/api/time', { cache: 'no-store' })
  if (!res.ok) throw new Error(`GET /api/time answered ${res.status}`)
  const body = (await res.json()) as { now?: unknown }
  if (typeof body.now !== 'number' || !Number.isFinite(body.now)) throw new Error('GET /api/time: no time in the answer')
  return body.now
}

/** The page's one server clock. */
export const serverClock: ServerClock = createServerClock({ fetchTime: fetchServerTime })
