/**
 * @module Coalesces what a room broadcasts: document updates and awareness changes that arrive
 * close together leave as one merged update message and one awareness message, each encoded once
 * and sent as the same bytes to every connection.
 *
 * The broadcast window works like Nagle's algorithm for a room: the first change after a quiet
 * spell goes out on the next turn of the event loop, and changes that follow within `windowMs` of
 * the last broadcast wait for the window to end and leave together. A lone drag is seen at once;
 * a busy room sends one frame per window per connection instead of one per change, and every
 * frame costs a write system call for each connection.
 */
import * as Y from 'yjs'
import { encodeSyncUpdate } from './encode.ts'

export interface FanOutTarget {
  /** Sends one encoded document update message to every connection of the room. */
  broadcastUpdate(message: Uint8Array): void
  /** Encodes the awareness message for `clientIds` (called once per flush) and sends it to all. */
  broadcastAwareness(clientIds: readonly number[]): void
  /** A flush failed in the background; it must not become an uncaught exception. */
  reportError(err: unknown): void
}

export interface FanOutOptions {
  /** The least time between two broadcasts of a busy room (0: every turn of the event loop). */
  readonly windowMs: number
  /** Milliseconds on a monotonic clock. */
  readonly now: () => number
}

export class FanOut {
  readonly #target: FanOutTarget
  readonly #windowMs: number
  readonly #now: () => number
  #updates: Uint8Array[] = []
  #awareness = new Set<number>()
  #immediate: ReturnType<typeof setImmediate> | null = null
  #timer: ReturnType<typeof setTimeout> | null = null
  #lastBroadcast = Number.NEGATIVE_INFINITY

  constructor(target: FanOutTarget, options: FanOutOptions) {
    this.#target = target
    this.#windowMs = options.windowMs
    this.#now = options.now
  }

  queueUpdate(update: Uint8Array): void {
    this.#updates.push(update)
    this.#schedule()
  }

  queueAwareness(clientIds: readonly number[]): void {
    for (const id of clientIds) this.#awareness.add(id)
    if (clientIds.length > 0) this.#schedule()
  }

  /** Sends what is queued now: the document first, so presence never points past the text. */
  flush(): void {
    this.#unschedule()
    const updates = this.#updates
    const clientIds = [...this.#awareness]
    this.#updates = []
    this.#awareness.clear()
    if (updates.length === 0 && clientIds.length === 0) return
    this.#lastBroadcast = this.#now()
    if (updates.length > 0) {
      // One merge for the whole window instead of one message per change per receiver.
      const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
      this.#target.broadcastUpdate(encodeSyncUpdate(merged))
    }
    if (clientIds.length > 0) this.#target.broadcastAwareness(clientIds)
  }

  /** Drops whatever is queued (the room is going away). */
  cancel(): void {
    this.#unschedule()
    this.#updates = []
    this.#awareness.clear()
  }

  #schedule(): void {
    if (this.#immediate !== null || this.#timer !== null) return
    const wait = this.#lastBroadcast + this.#windowMs - this.#now()
    if (wait > 0) {
      this.#timer = setTimeout(this.#run, wait)
      return
    }
    // setImmediate rather than a microtask: frames from many sockets read in the same poll phase
    // are coalesced too, at the cost of one event-loop turn of latency.
    this.#immediate = setImmediate(this.#run)
  }

  #unschedule(): void {
    if (this.#immediate !== null) clearImmediate(this.#immediate)
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#immediate = null
    this.#timer = null
  }

  readonly #run = (): void => {
    this.#immediate = null
    this.#timer = null
    try {
      this.flush()
    } catch (err) {
      this.#target.reportError(err)
    }
  }
}
