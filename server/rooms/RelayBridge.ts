/**
 * @module One room's side of the relay between instances: what its clients change goes out, what
 * the other instances' clients changed comes in, and a (re)subscription catches up with a sync
 * exchange (our state vector out, each peer's difference and presence back).
 *
 * Relayed updates are applied with the RELAYED origin, which is never published again: an update
 * crosses once, from the instance that accepted it to the others, so instances cannot echo one
 * another forever. No lock anywhere: applying an update twice changes nothing.
 *
 * What the room's clients change is held until the room broadcasts (LiveDoc calls `flush` from its
 * fan-out, once per broadcast window) and leaves as one merged update: one publish per room per
 * window instead of one per update. A publish per update was a fifth of an instance's CPU at 10
 * rooms x 20 clients (encoding, an ioredis command, a write system call each; bench/RESULTS.md),
 * and the receivers apply one transaction per window. Other instances see a change when this
 * instance's own clients do.
 */
import * as Y from 'yjs'
import { unreachable } from '../../shared/model/index.ts'
import { decodeAwarenessUpdate } from '../../shared/protocol/decodeAwareness.ts'
import { describeError } from './describeError.ts'
import { RelayKind } from './Relay.ts'
import type { ReceivedRelayMessage, Relay, RelayLink, RelayListener } from './Relay.ts'
import { RELAYED } from './relayed.ts'
import type { RoomAwareness } from './RoomAwareness.ts'

/** A relayed update that leaves structs waiting asks the peers again, at most once per this long. */
const GAP_RESYNC_MS = 500

const EMPTY = new Uint8Array(0)

export class RelayBridge implements RelayListener {
  readonly #doc: Y.Doc
  readonly #awareness: RoomAwareness
  readonly #id: string
  readonly #log: (message: string) => void
  readonly #link: RelayLink
  /** One presence owner per other instance: its connections' states are its. */
  readonly #instances = new Map<string, object>()
  #lastResync = Number.NEGATIVE_INFINITY
  #deferred: ReturnType<typeof setTimeout> | null = null
  #left = false
  /** Updates this instance accepted since the last flush. */
  #held: Uint8Array[] = []
  /** Clients of this instance whose presence changed since the last flush. */
  readonly #heldPresence = new Set<number>()

  constructor(id: string, doc: Y.Doc, awareness: RoomAwareness, relay: Relay, log: (message: string) => void) {
    this.#id = id
    this.#doc = doc
    this.#awareness = awareness
    this.#log = log
    this.#link = relay.join(id, this)
  }

  /** A change of the document: published at the next flush unless it came from the relay. */
  updated(update: Uint8Array, origin: unknown): void {
    if (origin !== RELAYED) this.#held.push(update)
  }

  /** A change of presence: published at the next flush unless it came from another instance. */
  awarenessChanged(clientIds: readonly number[], origin: unknown): void {
    if (this.#awareness.isRelayed(origin)) return
    for (const id of clientIds) this.#heldPresence.add(id)
  }

  /**
   * Publishes what was held: the updates merged into one, then the presence of the clients that
   * changed as it stands now (the document first, so presence never points past the text).
   */
  flush(): void {
    const updates = this.#held
    if (updates.length > 0) {
      this.#held = []
      this.#link.publish({ kind: RelayKind.Update, update: updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates) })
    }
    if (this.#heldPresence.size > 0) {
      const clientIds = [...this.#heldPresence]
      this.#heldPresence.clear()
      this.#link.publish({ kind: RelayKind.Awareness, awareness: this.#awareness.update(clientIds) })
    }
  }

  subscribed(): void {
    this.#resync()
  }

  receive({ from, message }: ReceivedRelayMessage): void {
    switch (message.kind) {
      case RelayKind.Update:
        this.#apply(message.update)
        return
      case RelayKind.Awareness:
        this.#applyAwareness(from, message.awareness)
        return
      case RelayKind.SyncRequest: {
        const update = this.#diff(message.stateVector)
        if (update === null) return
        const stateVector = Y.encodeStateVector(this.#doc)
        this.#link.publish({ kind: RelayKind.SyncReply, to: from, update, awareness: this.#awareness.localUpdate() ?? EMPTY, stateVector })
        return
      }
      case RelayKind.SyncReply: {
        this.#apply(message.update)
        if (message.awareness.length > 0) this.#applyAwareness(from, message.awareness)
        // What the answerer lacks: it may have asked before we listened, and nobody answered it.
        const back = this.#diff(message.stateVector)
        if (back !== null) this.#link.publish({ kind: RelayKind.Update, update: back })
        return
      }
      default:
        unreachable(message, 'relay message')
    }
  }

  /** Publishes what is held, then unsubscribes. */
  leave(): void {
    if (!this.#left) this.flush()
    this.#left = true
    if (this.#deferred !== null) clearTimeout(this.#deferred)
    this.#deferred = null
    this.#link.leave()
  }

  /** What a peer with `stateVector` lacks (deletions always included); null if its vector does not decode. */
  #diff(stateVector: Uint8Array): Uint8Array | null {
    try {
      return Y.encodeStateAsUpdate(this.#doc, stateVector)
    } catch (err) {
      this.#log(`relay ${this.#id}: a peer's state vector does not decode: ${describeError(err)}`)
      return null
    }
  }

  /** A resync soon: now, or at the end of the window if one just went out (never dropped). */
  #resyncSoon(): void {
    if (this.#deferred !== null || this.#left) return
    const wait = this.#lastResync + GAP_RESYNC_MS - performance.now()
    if (wait <= 0) return this.#resync()
    this.#deferred = setTimeout(() => {
      this.#deferred = null
      if (!this.#left) this.#resync()
    }, wait)
    this.#deferred.unref()
  }

  /** Asks every peer for what we lack, and shows them our connections' presence (theirs may have expired). */
  #resync(): void {
    this.#lastResync = performance.now()
    this.#link.publish({ kind: RelayKind.SyncRequest, stateVector: Y.encodeStateVector(this.#doc) })
    const presence = this.#awareness.localUpdate()
    if (presence !== null) this.#link.publish({ kind: RelayKind.Awareness, awareness: presence })
  }

  #apply(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.#doc, update, RELAYED)
    } catch (err) {
      this.#log(`relay ${this.#id}: a relayed update failed to apply: ${describeError(err)}`)
      return
    }
    // Structs waiting for clocks we never got: a message was lost (Redis went away); ask again.
    if (this.#doc.store.pendingStructs !== null) this.#resyncSoon()
  }

  #applyAwareness(from: string, payload: Uint8Array): void {
    const entries = decodeAwarenessUpdate(payload)
    if (entries === null) return this.#log(`relay ${this.#id}: a relayed awareness update does not decode`)
    let owner = this.#instances.get(from)
    if (owner === undefined) {
      owner = { instance: from }
      this.#instances.set(from, owner)
    }
    this.#awareness.applyRelayed(owner, entries)
  }
}
