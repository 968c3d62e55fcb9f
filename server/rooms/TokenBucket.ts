/** @module A token bucket: a steady rate with a bounded burst, measured on an injected clock. */

export class TokenBucket {
  readonly #ratePerSecond: number
  readonly #capacity: number
  readonly #now: () => number
  #tokens: number
  #last: number

  /**
   * @param ratePerSecond tokens added per second
   * @param capacity the most tokens held at once (the burst); the bucket starts full
   * @param now the current time in milliseconds
   */
  constructor(ratePerSecond: number, capacity: number, now: () => number) {
    this.#ratePerSecond = ratePerSecond
    this.#capacity = capacity
    this.#now = now
    this.#tokens = capacity
    this.#last = now()
  }

  /** Takes `amount` tokens if the bucket holds them; false (taking nothing) otherwise. */
  take(amount: number): boolean {
    const now = this.#now()
    // A clock that steps back (a test, a VM resume) must not drain the bucket.
    const elapsed = Math.max(0, now - this.#last)
    this.#last = now
    this.#tokens = Math.min(this.#capacity, this.#tokens + (elapsed * this.#ratePerSecond) / 1000)
    if (this.#tokens < amount) return false
    this.#tokens -= amount
    return true
  }
}
