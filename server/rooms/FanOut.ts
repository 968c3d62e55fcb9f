/**
 * @module Coalesces what a room broadcasts: document updates and awareness changes that arrive
 * close together leave as one merged update message and one awareness message, each encoded once
 * and sent as the same bytes to every connection.
 *
 * The broadcast window works like Nagle's algorithm for a room: the first change after a quiet
 * spell goes out on the next turn of the event loop, and changes that follow within `windowMs` of
 * the last broadcast wait for the window to end and leave together. A lone drag is seen at once;
 * a busy room sends one frame per window per connection instead of one per change, and every
 * frame costs a write system call for each connection. A window that fills up (a flood of edits,
 * a paste) leaves early: holding more would only delay the echo that writers wait for.
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

/** Queued updates or bytes at which a window is cut short and broadcast on the next turn. */
const FULL_WINDOW_UPDATES = 16
const FULL_WINDOW_BYTES = 32 * 1024

export class FanOut {
  readonly #target: FanOutTarget
  readonly #windowMs: number
  readonly #now: () => number
  #updates: Uint8Array[] = []
  #queuedBytes = 0
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
    this.#queuedBytes += update.length
    if (this.#updates.length >= FULL_WINDOW_UPDATES || this.#queuedBytes >= FULL_WINDOW_BYTES) this.#scheduleNow()
    else this.#schedule()
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
    this.#queuedBytes = 0
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
    this.#queuedBytes = 0
    this.#awareness.clear()
  }

  #schedule(): void {
    if (this.#immediate !== null || this.#timer !== null) return
    const wait = this.#lastBroadcast + this.#windowMs - this.#now()
    if (wait > 0) this.#timer = setTimeout(this.#run, wait)
    else this.#scheduleNow()
  }

  /** A full window: broadcast on the next turn instead of at the window's end. */
  #scheduleNow(): void {
    if (this.#immediate !== null) return
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
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
