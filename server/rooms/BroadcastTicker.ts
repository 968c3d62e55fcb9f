/**
 * @module One timer for the held-back broadcasts of every room of a server. A busy room's next
 * broadcast waits for the end of its window (see FanOut); instead of a timer per room, the rooms
 * wait for the ticker's next tick at or after that time, and every room due by a tick broadcasts
 * in that one wake-up of the event loop, back to back, like a game server's tick: one timer
 * however many rooms wait, instead of one per room.
 *
 * Ticks fall on multiples of `periodMs` of the monotonic clock, only while some room waits.
 */

/** A tick takes what falls due this soon after it: timers and the clock round differently. */
const DUE_SLACK_MS = 1

export class BroadcastTicker {
  readonly periodMs: number
  readonly now: () => number
  /** The rooms' flushes that wait for a tick, with the time each is due. */
  readonly #waiting = new Map<() => void, number>()
  #timer: ReturnType<typeof setTimeout> | null = null

  /** `now`: milliseconds on a monotonic clock (`performance.now`). */
  constructor(periodMs: number, now: () => number) {
    if (!Number.isFinite(periodMs) || periodMs <= 0) throw new Error(`bad tick period ${periodMs}`)
    this.periodMs = periodMs
    this.now = now
  }

  /** Runs `flush` once, at the first tick at or after `dueAt`. Again for the same flush: the later time stands. */
  at(flush: () => void, dueAt: number): void {
    this.#waiting.set(flush, dueAt)
    this.#arm()
  }

  /** `flush` no longer waits. */
  cancel(flush: () => void): void {
    this.#waiting.delete(flush)
    if (this.#waiting.size === 0 && this.#timer !== null) {
      clearTimeout(this.#timer)
      this.#timer = null
    }
  }

  /** Rooms waiting for a tick. */
  get waiting(): number {
    return this.#waiting.size
  }

  #arm(): void {
    if (this.#timer !== null) return
    const now = this.now()
    const next = (Math.floor((now + DUE_SLACK_MS) / this.periodMs) + 1) * this.periodMs
    this.#timer = setTimeout(this.#tick, next - now)
  }

  readonly #tick = (): void => {
    this.#timer = null
    const now = this.now() + DUE_SLACK_MS
    // Deleting the current entry while iterating a Map is safe; a flush never adds itself back.
    for (const [flush, dueAt] of this.#waiting) {
      if (dueAt > now) continue
      this.#waiting.delete(flush)
      flush()
    }
    if (this.#waiting.size > 0) this.#arm()
  }
}
