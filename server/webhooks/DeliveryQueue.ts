/**
 * @module Sends webhook deliveries, off the rooms' path: a server-wide queue that POSTs each body
 * with its signature, at most `concurrency` requests at once, each cut after `timeoutMs`
 * (AbortSignal.timeout), and retries a failure (no answer, or not 2xx) with exponential backoff
 * (`retryBaseMs`, doubling) for up to `retryForMs`. It holds at most `maxPending` deliveries
 * (sending or waiting for a retry): past that the oldest waiting one is dropped, with a log line,
 * which bounds what a dead hook costs. Retries live in memory: a restart forgets them.
 */
import { DeliveryStatus } from '../../shared/protocol/index.ts'
import type { WebhookEvent } from '../../shared/protocol/index.ts'
import type { StoredDelivery } from '../storage/WebhookStore.ts'
import type { HookUrlCheck } from './hookUrl.ts'
import { postDelivery } from './postDelivery.ts'

export interface DeliveryQueueOptions {
  /** Deliveries held at once, server-wide (WEBHOOKS_MAX_PENDING). */
  readonly maxPending: number
  /** Requests sent at once. */
  readonly concurrency: number
  /** A request without an answer is given up after this long (WEBHOOKS_TIMEOUT_MS). */
  readonly timeoutMs: number
  /** The first retry waits this long, each next one twice the previous. */
  readonly retryBaseMs: number
  /** No retry is scheduled past this long after the first attempt. */
  readonly retryForMs: number
  readonly now: () => number
  readonly log: (line: string) => void
  /** Checks the URL again before each attempt (its host may resolve elsewhere by now). */
  readonly checkUrl: (url: string) => Promise<HookUrlCheck>
  /** Adds a line to the hook's delivery log. */
  readonly record: (hookId: string, delivery: StoredDelivery) => void
}

/** One event for one hook. */
export interface Delivery {
  readonly hookId: string
  readonly url: string
  readonly secret: string
  readonly eventId: string
  readonly event: WebhookEvent | 'test'
  /**
   * What the event is, the same on every instance that sees it (the comment and person of a
   * mention, a meeting's id...): with a shared store, one delivery per hook and key.
   */
  readonly key: string
  /** The exact bytes signed and sent. */
  readonly body: string
}

interface Job extends Delivery {
  attempt: number
  readonly firstAt: number
  sending: boolean
  timer: ReturnType<typeof setTimeout> | null
}

/** What Webhooks hands its deliveries to: this queue, or PgDeliveryQueue when instances share PostgreSQL. */
export interface Deliverer {
  /** Queues `delivery`; never waits for the receiver. */
  send(delivery: Delivery): void
  /** Deliveries this instance holds (sending, or waiting for a retry). */
  readonly pending: number
  /** Resolves once this instance holds none (tests). */
  drained(): Promise<void>
  close(): void
}

export class DeliveryQueue implements Deliverer {
  readonly #options: DeliveryQueueOptions
  /** Every held delivery, oldest first. */
  readonly #held: Job[] = []
  /** Due now, waiting for a free request slot. */
  readonly #due: Job[] = []
  #sending = 0
  #closed = false
  readonly #idle = new Set<() => void>()

  constructor(options: DeliveryQueueOptions) {
    this.#options = options
  }

  /** Deliveries held (sending or waiting for a retry). */
  get pending(): number {
    return this.#held.length
  }

  /** Queues `delivery`; never waits for the receiver. */
  send(delivery: Delivery): void {
    if (this.#closed) return
    if (this.#held.length >= this.#options.maxPending) this.#dropOldest()
    const job: Job = { ...delivery, attempt: 0, firstAt: this.#options.now(), sending: false, timer: null }
    this.#held.push(job)
    this.#due.push(job)
    this.#pump()
  }

  /** Resolves once nothing is held (tests). */
  drained(): Promise<void> {
    if (this.#held.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.#idle.add(resolve))
  }

  /** Stops: forgets the retries, lets the requests in progress end by themselves (they time out). */
  close(): void {
    this.#closed = true
    for (const job of this.#held) if (job.timer !== null) clearTimeout(job.timer)
    this.#held.length = 0
    this.#due.length = 0
    this.#settle()
  }

  #dropOldest(): void {
    // The oldest not being sent right now (those end by themselves within the timeout).
    const index = this.#held.findIndex((j) => !j.sending)
    if (index < 0) return
    const [job] = this.#held.splice(index, 1) as [Job]
    if (job.timer !== null) clearTimeout(job.timer)
    const due = this.#due.indexOf(job)
    if (due >= 0) this.#due.splice(due, 1)
    this.#options.log(`webhooks: dropped ${job.event} event ${job.eventId} for hook ${job.hookId} (${job.url}) after ${job.attempt} attempt(s): ${this.#options.maxPending} deliveries are already waiting`)
    this.#options.record(job.hookId, { eventId: job.eventId, event: job.event, status: DeliveryStatus.Dropped, at: this.#options.now(), attempt: job.attempt, responseCode: null, error: 'dropped: too many deliveries waiting' })
  }

  #pump(): void {
    while (this.#sending < this.#options.concurrency && this.#due.length > 0) {
      const job = this.#due.shift() as Job
      void this.#attempt(job)
    }
  }

  async #attempt(job: Job): Promise<void> {
    const { now, timeoutMs, checkUrl, record } = this.#options
    job.sending = true
    job.attempt += 1
    this.#sending += 1
    // postDelivery never throws: a failure is its answer.
    const { responseCode, error } = await postDelivery(job, timeoutMs, checkUrl)
    job.sending = false
    this.#sending -= 1
    if (!this.#held.includes(job)) return this.#next()
    const at = now()
    const line = { eventId: job.eventId, event: job.event, at, attempt: job.attempt, responseCode, error }
    const delay = this.#options.retryBaseMs * 2 ** (job.attempt - 1)
    if (error === '') {
      record(job.hookId, { ...line, status: DeliveryStatus.Delivered })
      this.#forget(job)
    } else if (!this.#closed && at + delay - job.firstAt <= this.#options.retryForMs) {
      record(job.hookId, { ...line, status: DeliveryStatus.Retrying })
      job.timer = setTimeout(() => {
        job.timer = null
        this.#due.push(job)
        this.#pump()
      }, delay)
      job.timer.unref()
    } else {
      record(job.hookId, { ...line, status: DeliveryStatus.Failed })
      this.#forget(job)
    }
    this.#next()
  }

  #forget(job: Job): void {
    const index = this.#held.indexOf(job)
    if (index >= 0) this.#held.splice(index, 1)
  }

  #next(): void {
    this.#pump()
    this.#settle()
  }

  #settle(): void {
    if (this.#held.length > 0) return
    for (const resolve of this.#idle) resolve()
    this.#idle.clear()
  }
}
