/**
 * @module Coalesces what a room broadcasts: document updates and awareness changes that arrive in
 * one turn of the event loop leave as one merged update message and one awareness message, each
 * encoded once and sent as the same bytes to every connection.
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

export class FanOut {
  readonly #target: FanOutTarget
  #updates: Uint8Array[] = []
  #awareness = new Set<number>()
  #scheduled: ReturnType<typeof setImmediate> | null = null

  constructor(target: FanOutTarget) {
    this.#target = target
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
    if (this.#scheduled !== null) {
      clearImmediate(this.#scheduled)
      this.#scheduled = null
    }
    const updates = this.#updates
    const clientIds = [...this.#awareness]
    this.#updates = []
    this.#awareness.clear()
    if (updates.length > 0) {
      // One merge for the whole turn instead of one message per keystroke per receiver.
      const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
      this.#target.broadcastUpdate(encodeSyncUpdate(merged))
    }
    if (clientIds.length > 0) this.#target.broadcastAwareness(clientIds)
  }

  /** Drops whatever is queued (the room is going away). */
  cancel(): void {
    if (this.#scheduled !== null) clearImmediate(this.#scheduled)
    this.#scheduled = null
    this.#updates = []
    this.#awareness.clear()
  }

  #schedule(): void {
    // setImmediate rather than a microtask: frames from many sockets read in the same poll phase
    // are coalesced too, at the cost of one event-loop turn of latency.
    this.#scheduled ??= setImmediate(() => {
      this.#scheduled = null
      try {
        this.flush()
      } catch (err) {
        this.#target.reportError(err)
      }
    })
  }
}
