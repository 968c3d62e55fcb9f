/**
 * @module Coalesces what a room broadcasts: document updates and awareness changes that arrive
 * close together leave together, each message encoded once, as the same bytes for every
 * connection, and all of a window's messages (presence last) in one write per connection.
 *
 * The broadcast window works like Nagle's algorithm for a room: the first change after a quiet
 * spell goes out on the next turn of the event loop, and changes that follow within the window of
 * the last broadcast wait for its end (the server's next tick at or after it, see BroadcastTicker)
 * and leave together. A lone drag is seen at once; a busy room writes once per window per
 * connection instead of once per change, and every write is a system call for each connection.
 * A window of a few updates sends them as they came, one message each; from MERGE_FROM_UPDATES
 * on, the window is merged into one update: one transaction (one round of observers, one render)
 * per window for the receivers. Why these thresholds: bench/RESULTS.md, Notes.
 * A window that fills up leaves early: holding more would only delay the echo that writers wait
 * for.
 */
import * as Y from 'yjs'
import type { BroadcastTicker } from './BroadcastTicker.ts'
import { encodeSyncUpdate } from './encode.ts'

export interface FanOutTarget {
  /** The awareness message for `clientIds` (called at most once per flush). */
  awarenessMessage(clientIds: readonly number[]): Uint8Array
  /**
   * Sends a window's messages to every connection of the room, in order and in one write each:
   * its first `updates` messages are document updates, a last one may carry presence.
   */
  broadcast(messages: readonly Uint8Array[], updates: number): void
  /** A flush failed in the background; it must not become an uncaught exception. */
  reportError(err: unknown): void
}

/** A window with at least this many updates is merged into one (see above). */
const MERGE_FROM_UPDATES = 4

/** Queued updates or bytes at which a window is cut short and broadcast on the next turn. */
const FULL_WINDOW_UPDATES = 16
const FULL_WINDOW_BYTES = 32 * 1024

export class FanOut {
  readonly #target: FanOutTarget
  readonly #ticker: BroadcastTicker | null
  #updates: Uint8Array[] = []
  #queuedBytes = 0
  #awareness = new Set<number>()
  #immediate: ReturnType<typeof setImmediate> | null = null
  /** Waiting for a tick of the ticker. */
  #ticking = false
  #lastBroadcast = Number.NEGATIVE_INFINITY

  /** `ticker`: whose period is the window; null for no window (every change on the next turn). */
  constructor(target: FanOutTarget, ticker: BroadcastTicker | null) {
    this.#target = target
    this.#ticker = ticker
  }

  queueUpdate(update: Uint8Array): void {
    this.#updates.push(update)
    this.#queuedBytes += update.length
    if (this.#updates.length >= FULL_WINDOW_UPDATES || this.#queuedBytes >= FULL_WINDOW_BYTES) this.#scheduleNow()
    else this.#schedule()
  }

  /**
   * An update that is already a window's batch (relayed from another instance, which held it for
   * its own window): it leaves on the next turn, with whatever is queued, instead of waiting for
   * this room's window too.
   */
  queueBatch(update: Uint8Array): void {
    this.#updates.push(update)
    this.#queuedBytes += update.length
    this.#scheduleNow()
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
    this.#lastBroadcast = this.#ticker?.now() ?? 0
    const messages =
      updates.length >= MERGE_FROM_UPDATES ? [encodeSyncUpdate(Y.mergeUpdates(updates))] : updates.map(encodeSyncUpdate)
    const updateMessages = messages.length
    if (clientIds.length > 0) messages.push(this.#target.awarenessMessage(clientIds))
    this.#target.broadcast(messages, updateMessages)
  }

  /** Drops whatever is queued (the room is going away). */
  cancel(): void {
    this.#unschedule()
    this.#updates = []
    this.#queuedBytes = 0
    this.#awareness.clear()
  }

  #schedule(): void {
    if (this.#immediate !== null || this.#ticking) return
    const ticker = this.#ticker
    const dueAt = ticker === null ? 0 : this.#lastBroadcast + ticker.periodMs
    if (ticker === null || dueAt <= ticker.now()) return this.#scheduleNow()
    this.#ticking = true
    ticker.at(this.#run, dueAt)
  }

  /** A quiet room or a full window: broadcast on the next turn instead of at a tick. */
  #scheduleNow(): void {
    if (this.#immediate !== null) return
    this.#cancelTick()
    // setImmediate rather than a microtask: frames from many sockets read in the same poll phase
    // are coalesced too, at the cost of one event-loop turn of latency.
    this.#immediate = setImmediate(this.#run)
  }

  #unschedule(): void {
    if (this.#immediate !== null) clearImmediate(this.#immediate)
    this.#immediate = null
    this.#cancelTick()
  }

  #cancelTick(): void {
    if (this.#ticking) this.#ticker?.cancel(this.#run)
    this.#ticking = false
  }

  readonly #run = (): void => {
    this.#immediate = null
    this.#ticking = false
    try {
      this.flush()
    } catch (err) {
      this.#target.reportError(err)
    }
  }
}
