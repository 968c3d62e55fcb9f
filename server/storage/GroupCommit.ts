/**
 * @module Group commit: queue items, write them in batches at most one window apart, one batch at
 * a time, and settle each item's promise when its batch is written.
 */

/** Timers fire late on a busy machine: the batch timer allows for this much (at most a tenth of the window). */
const TIMER_SLACK_MS = 5

/** A queued item and the settlers of the promise its producer holds. */
export interface Queued<T> {
  readonly item: T
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

interface Entry<T> extends Queued<T> {
  readonly done: Promise<void>
}

/**
 * Writes a batch, oldest first. It must settle every entry (resolve once durable, reject what it
 * could not write); entries it leaves unsettled are rejected with what it throws.
 */
export type WriteBatch<T> = (batch: readonly Queued<T>[]) => Promise<void>

export class GroupCommit<T> {
  readonly #windowMs: number
  readonly #write: WriteBatch<T>
  #pending: Entry<T>[] = []
  #inFlight: Entry<T>[] = []
  #timer: ReturnType<typeof setTimeout> | undefined
  /**
   * How long writing a batch takes (the slowest recent one, halving with every faster batch).
   * The timer fires this much earlier than the window, so that an item is written by the end
   * of the window rather than one write later: the window is the promise made to callers.
   */
  #writeMs = 0
  #running = false
  /** A run was asked for while one was going: start the next batch as soon as it ends. */
  #again = false

  /**
   * `windowMs`: the longest an item waits until its batch is written, the write included (0: the
   * next macrotask). The timer fires early by the time recent batches took to write.
   */
  constructor(windowMs: number, write: WriteBatch<T>) {
    if (!Number.isFinite(windowMs) || windowMs < 0) throw new Error(`bad commit window ${windowMs}`)
    this.#windowMs = windowMs
    this.#write = write
  }

  /** Queues `item`; resolves once the batch holding it is written. */
  add(item: T): Promise<void> {
    let resolve!: () => void
    let reject!: (error: unknown) => void
    const done = new Promise<void>((res, rej) => {
      resolve = res
      reject = rej
    })
    this.#pending.push({ item, resolve, reject, done })
    // The first item of a window arms the timer; later ones ride along.
    this.#timer ??= setTimeout(
      () => {
        this.#timer = undefined
        void this.#run()
      },
      Math.max(0, this.#windowMs - this.#writeMs - Math.min(TIMER_SLACK_MS, this.#windowMs / 10)),
    )
    return done
  }

  /** Number of items queued or being written. */
  get size(): number {
    return this.#pending.length + this.#inFlight.length
  }

  /** Writes everything queued now without waiting for the window; rejects if any of it failed. */
  async flush(): Promise<void> {
    const waits = this.#unsettled()
    if (this.#pending.length > 0) void this.#run()
    await Promise.all(waits)
  }

  /** Like `flush`, but only waits: never rejects (for callers that cover the items otherwise). */
  async settle(): Promise<void> {
    const waits = this.#unsettled()
    if (this.#pending.length > 0) void this.#run()
    await Promise.allSettled(waits)
  }

  /** Cancels the timer; call after the last `flush`. */
  stop(): void {
    clearTimeout(this.#timer)
    this.#timer = undefined
  }

  #unsettled(): Promise<void>[] {
    return [...this.#inFlight, ...this.#pending].map((e) => e.done)
  }

  async #run(): Promise<void> {
    if (this.#running) {
      this.#again = true
      return
    }
    this.#running = true
    try {
      do {
        this.#again = false
        // This batch takes every pending item, so the timer armed for them has nothing left to do.
        this.stop()
        const batch = this.#pending
        this.#pending = []
        this.#inFlight = batch
        if (batch.length > 0) {
          const started = performance.now()
          try {
            await this.#write(batch)
          } catch (error) {
            for (const entry of batch) entry.reject(error) // no-op for entries already settled
          }
          this.#writeMs = Math.min(this.#windowMs, Math.max(performance.now() - started, this.#writeMs / 2))
        }
        this.#inFlight = []
      } while (this.#again)
    } finally {
      this.#running = false
    }
  }
}
