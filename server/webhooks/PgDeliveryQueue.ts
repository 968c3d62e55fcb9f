/**
 * @module Webhook deliveries when instances share PostgreSQL: each event is sent once across them,
 * and a retry outlives the instance that scheduled it. Sending an event is inserting its row
 * (webhook_deliveries, keyed by hook and event key) with `ON CONFLICT DO NOTHING`: only the
 * instance whose insert wins sends the first attempt, holding the row's lease meanwhile. A failed
 * attempt leaves the row pending with its next time; every instance polls for due rows and claims
 * them by moving their lease ahead (`FOR UPDATE SKIP LOCKED`), so one of them sends each retry,
 * and a killed instance's rows come due for the others once their lease has passed. No lock is
 * held between statements: nothing can leak.
 */
import type { Pool } from 'pg'
import { DeliveryStatus } from '../../shared/protocol/index.ts'
import type { WebhookEvent } from '../../shared/protocol/index.ts'
import type { StoredHook } from '../storage/WebhookStore.ts'
import type { Deliverer, Delivery, DeliveryQueueOptions } from './DeliveryQueue.ts'
import { postDelivery } from './postDelivery.ts'

/** A lease outlasts an attempt's timeout by this much: time for the answer to be written down. */
export const LEASE_SLACK_MS = 5_000
/** Finished rows (delivered, failed, seen) are kept this long, so a late look cannot send them again. */
export const KEEP_FINISHED_MS = 7 * 24 * 3_600_000

const Status = { Pending: 'pending', Delivered: 'delivered', Failed: 'failed' } as const

export interface PgDeliveryQueueOptions extends DeliveryQueueOptions {
  readonly pool: Pool
  /** How often due retries are looked for; default half the first retry's wait, at most 5 s. */
  readonly pollMs?: number
}

interface Claimed {
  readonly hook_id: string
  readonly event_key: string
  readonly event_id: string
  readonly event: string
  readonly body: string
  readonly attempt: number
  readonly first_at: string
  readonly hook: StoredHook
}

interface Job extends Delivery {
  readonly attempt: number
  readonly firstAt: number
}

export class PgDeliveryQueue implements Deliverer {
  readonly #options: PgDeliveryQueueOptions
  readonly #pool: Pool
  readonly #inFlight = new Set<Promise<void>>()
  #sending = 0
  #closed = false
  readonly #poll: ReturnType<typeof setInterval>
  #polling = false
  #lastPrune = 0

  constructor(options: PgDeliveryQueueOptions) {
    this.#options = options
    this.#pool = options.pool
    const pollMs = options.pollMs ?? Math.max(20, Math.min(5_000, options.retryBaseMs / 2))
    this.#poll = setInterval(() => void this.poll(), pollMs)
    this.#poll.unref()
  }

  get pending(): number {
    return this.#inFlight.size
  }

  send(delivery: Delivery): void {
    if (this.#closed) return
    this.#track(async () => {
      const now = this.#options.now()
      // At the request limit the row is left unleased: the next poll (here or elsewhere) sends it.
      const lease = this.#sending < this.#options.concurrency ? now + this.#leaseMs() : 0
      if (lease > 0) this.#sending += 1
      let won = false
      try {
        const { rowCount } = await this.#pool.query(
          `INSERT INTO webhook_deliveries (hook_id, event_key, event_id, event, body, status, attempt, first_at, next_at, lease_until)
           SELECT $1, $2, $3, $4, $5, '${Status.Pending}', 0, $6, $6, $7 WHERE EXISTS (SELECT 1 FROM webhooks WHERE id = $1)
           ON CONFLICT (hook_id, event_key) DO NOTHING`,
          [delivery.hookId, delivery.key, delivery.eventId, delivery.event, delivery.body, now, lease],
        )
        won = rowCount === 1
      } catch (error) {
        this.#options.log(`webhooks: could not queue ${delivery.event} event ${delivery.eventId} for hook ${delivery.hookId}: ${(error as Error).message}`)
      }
      if (lease === 0) return
      if (!won) {
        this.#sending -= 1
        return
      }
      await this.#attempt({ ...delivery, attempt: 0, firstAt: now })
    })
  }

  /** Claims the due rows this instance has request slots for, and sends them. */
  async poll(): Promise<void> {
    if (this.#closed || this.#polling) return
    const free = this.#options.concurrency - this.#sending
    if (free <= 0) return
    this.#polling = true
    this.#sending += free
    let claimed: Claimed[] = []
    try {
      const now = this.#options.now()
      claimed = (
        await this.#pool.query<Claimed>(
          `UPDATE webhook_deliveries d SET lease_until = $2
           FROM (SELECT hook_id, event_key FROM webhook_deliveries
                 WHERE status = '${Status.Pending}' AND next_at <= $1 AND lease_until < $1
                 ORDER BY next_at LIMIT $3 FOR UPDATE SKIP LOCKED) due, webhooks w
           WHERE d.hook_id = due.hook_id AND d.event_key = due.event_key AND w.id = d.hook_id
           RETURNING d.hook_id, d.event_key, d.event_id, d.event, d.body, d.attempt, d.first_at, w.hook`,
          [now, now + this.#leaseMs(), free],
        )
      ).rows
      if (now - this.#lastPrune > 3_600_000) {
        this.#lastPrune = now
        await this.#pool.query(`DELETE FROM webhook_deliveries WHERE status <> '${Status.Pending}' AND first_at < $1`, [now - KEEP_FINISHED_MS])
      }
    } catch (error) {
      this.#options.log(`webhooks: looking for due retries failed: ${(error as Error).message}`)
    } finally {
      this.#sending -= free - claimed.length
      this.#polling = false
    }
    for (const row of claimed) {
      this.#track(() =>
        this.#attempt({
          hookId: row.hook_id,
          url: row.hook.url,
          secret: row.hook.secret,
          key: row.event_key,
          eventId: row.event_id,
          event: row.event as WebhookEvent | 'test',
          body: row.body,
          attempt: row.attempt,
          firstAt: Number(row.first_at),
        }),
      )
    }
  }

  async drained(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight])
  }

  /** Stops polling; attempts in progress end by themselves (they time out), their rows stay for the others. */
  close(): void {
    this.#closed = true
    clearInterval(this.#poll)
  }

  #leaseMs(): number {
    return this.#options.timeoutMs + LEASE_SLACK_MS
  }

  /** Sends one attempt (a request slot is already taken for it) and writes down what came of it. */
  async #attempt(job: Job): Promise<void> {
    const { now, timeoutMs, checkUrl, record, retryBaseMs, retryForMs } = this.#options
    const attempt = job.attempt + 1
    const { responseCode, error } = await postDelivery(job, timeoutMs, checkUrl)
    this.#sending -= 1
    const at = now()
    const line = { eventId: job.eventId, event: job.event, at, attempt, responseCode, error }
    const delay = retryBaseMs * 2 ** (attempt - 1)
    const retry = error !== '' && at + delay - job.firstAt <= retryForMs
    const status = error === '' ? DeliveryStatus.Delivered : retry ? DeliveryStatus.Retrying : DeliveryStatus.Failed
    record(job.hookId, { ...line, status })
    try {
      await this.#pool.query(`UPDATE webhook_deliveries SET status = $3, attempt = $4, next_at = $5, lease_until = 0 WHERE hook_id = $1 AND event_key = $2`, [
        job.hookId,
        job.key,
        retry ? Status.Pending : error === '' ? Status.Delivered : Status.Failed,
        attempt,
        at + delay,
      ])
    } catch (err) {
      // The row keeps its lease; once it passes, an instance sends the event again (at least once).
      this.#options.log(`webhooks: could not note ${status} for event ${job.eventId} of hook ${job.hookId}: ${(err as Error).message}`)
    }
  }

  #track(fn: () => Promise<void>): void {
    const run = fn().catch((error: unknown) => this.#options.log(`webhooks: ${(error as Error).message}`))
    this.#inFlight.add(run)
    void run.finally(() => this.#inFlight.delete(run))
  }
}
