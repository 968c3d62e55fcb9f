/**
 * @module One live workspace document and its connections: loaded once for everyone who arrives,
 * unloaded (compacted, destroyed) when its last user leaves, and reloaded from storage if applying
 * an update ever throws, rather than kept in an unknown state. What happens to the loaded
 * document itself is LiveDoc's.
 */
import type * as Y from 'yjs'
import type { PersonId } from '../../shared/model/index.ts'
import type { ClientMessage } from '../../shared/protocol/decodeMessage.ts'
import { CloseCode } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/protocol/index.ts'
import type { StoredDoc } from '../storage/DocStorage.ts'
import { Connection } from './Connection.ts'
import type { ConnectionHost } from './Connection.ts'
import { describeError } from './describeError.ts'
import { LiveDoc } from './LiveDoc.ts'
import { RefuseReason } from './refusal.ts'
import type { RoomContext } from './RoomContext.ts'
import type { RoomSocket } from './RoomSocket.ts'

const RoomState = {
  Loading: 'loading',
  Open: 'open',
  /** Flushing before it is destroyed; a newcomer cancels the unload. */
  Unloading: 'unloading',
  /** Shutting down or reloading: takes nobody new. */
  Closing: 'closing',
  Gone: 'gone',
} as const
type RoomState = (typeof RoomState)[keyof typeof RoomState]

export class Room implements ConnectionHost {
  readonly id: string
  /** Resolves once the room is destroyed (its storage writes settled). */
  readonly done: Promise<void>

  readonly #context: RoomContext
  readonly #onGone: (room: Room) => void
  readonly #loaded: Promise<boolean>
  /** Synced connections: they receive every broadcast. */
  readonly #active = new Set<Connection>()
  /** Connections that arrived while the document loads; their frames are queued. */
  readonly #waiting = new Set<Connection>()
  /** withDoc calls in progress. */
  #users = 0
  #state: RoomState = RoomState.Loading
  #live: LiveDoc | null = null
  #unloading: Promise<void> | null = null
  #resolveDone: () => void = () => {}

  /** @param after a previous room for the same document that must be gone before this one loads */
  constructor(id: string, context: RoomContext, onGone: (room: Room) => void, after?: Promise<void>) {
    this.id = id
    this.#context = context
    this.#onGone = onGone
    this.done = new Promise((resolve) => (this.#resolveDone = resolve))
    context.metrics.roomOpened()
    this.#loaded = this.#load(after)
  }

  /** False once the room shuts down or reloads: a newcomer needs a fresh room. */
  get accepting(): boolean {
    return this.#state === RoomState.Loading || this.#state === RoomState.Open || this.#state === RoomState.Unloading
  }

  /** Who is in meeting `meetingId` by the presence of its writers; nobody while it loads. */
  presentIn(meetingId: string): Set<PersonId> {
    return this.#live?.presentIn(meetingId) ?? new Set()
  }

  /** A new connection; it is synced as soon as the document is loaded. */
  attach(socket: RoomSocket, role: Role): Connection {
    const connection = new Connection(socket, role, this.id, this.#context, this)
    const live = this.#live
    if (this.#state === RoomState.Loading) {
      this.#waiting.add(connection)
    } else if (live !== null && this.accepting) {
      this.#active.add(connection)
      live.welcome(connection, live.syncStep1())
    } else {
      connection.end(CloseCode.GoingAway)
    }
    return connection
  }

  detach(connection: Connection): void {
    if (this.#waiting.delete(connection)) {
      void this.#maybeUnload()
      return
    }
    if (!this.#active.delete(connection)) return
    this.#live?.release(connection)
    void this.#maybeUnload()
  }

  /** Offers `heartbeat` to every connection, loading ones included (see Connection.sweep). */
  sweep(heartbeat: Uint8Array): number {
    let sent = 0
    for (const connection of this.#waiting) if (connection.sweep(heartbeat)) sent++
    for (const connection of this.#active) if (connection.sweep(heartbeat)) sent++
    return sent
  }

  handle(connection: Connection, message: ClientMessage): void {
    if (this.accepting) this.#live?.handle(connection, message)
  }

  /**
   * Runs `fn` on the live document (loading it if needed). Its changes are persisted and broadcast
   * like a client's; resolves once they are durable, then unloads if nobody is connected.
   */
  async use<T>(fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    this.#users++
    try {
      const loaded = await this.#loaded
      const live = this.#live
      if (!loaded || live === null) throw new Error(`workspace ${this.id} is not available`)
      return await live.record(fn)
    } finally {
      this.#users--
      const unloading = this.#maybeUnload()
      if (unloading !== null) await unloading
    }
  }

  /** Server shutdown: closes every socket with 1001, flushes the document, destroys it. */
  async shutdown(): Promise<void> {
    if (this.#state === RoomState.Closing || this.#state === RoomState.Gone) return this.done
    const previous = this.#state
    this.#state = RoomState.Closing
    this.#live?.flushBroadcasts()
    this.#endConnections()
    if (previous === RoomState.Loading) await this.#loaded
    if (this.#unloading !== null) await this.#unloading
    const persistence = this.#live?.persistence
    if (persistence !== undefined) {
      await persistence.compact()
      await persistence.settled()
    }
    this.#destroy()
  }

  async #load(after: Promise<void> | undefined): Promise<boolean> {
    let stored: StoredDoc
    try {
      if (after !== undefined) await after
      stored = await this.#context.storage.load(this.id)
    } catch (err) {
      this.#context.log(`sync ${this.id}: could not load the document: ${describeError(err)}`)
      if (this.#state === RoomState.Loading) {
        this.#state = RoomState.Closing
        this.#endConnections()
        this.#destroy()
      }
      return false
    }
    if (this.#state !== RoomState.Loading) return false
    const live = new LiveDoc(this.id, stored, this.#context, {
      receivers: () => this.#active,
      failed: (culprit, err) => this.#reload(culprit, err),
    })
    this.#live = live
    this.#state = RoomState.Open
    const step1 = live.syncStep1()
    const waiting = [...this.#waiting]
    this.#waiting.clear()
    // All of them join before any is welcomed: a queued message of the first may already be news
    // for the others, and a refusal among them must not find the room empty.
    for (const connection of waiting) this.#active.add(connection)
    for (const connection of waiting) live.welcome(connection, step1)
    void this.#maybeUnload()
    return true
  }

  /** Starts unloading when nobody uses the room; returns the unload, or null. */
  #maybeUnload(): Promise<void> | null {
    if (this.#state !== RoomState.Open || this.#inUse()) return null
    this.#state = RoomState.Unloading
    this.#unloading = this.#unload().finally(() => (this.#unloading = null))
    return this.#unloading
  }

  async #unload(): Promise<void> {
    const persistence = this.#live?.persistence
    this.#live?.cancelBroadcasts()
    try {
      for (;;) {
        const compacted = persistence === undefined ? true : await persistence.compact()
        await persistence?.settled()
        if (this.#state !== RoomState.Unloading) return
        if (this.#inUse()) {
          // Someone arrived while we flushed: the document is still live, keep it.
          this.#state = RoomState.Open
          return
        }
        // Changes made while compacting need one more round; a failing storage does not loop.
        if (!compacted || persistence === undefined || !persistence.dirty) break
      }
    } catch (err) {
      this.#context.log(`sync ${this.id}: flushing on unload failed: ${describeError(err)}`)
      if (this.#state !== RoomState.Unloading) return
    }
    this.#destroy()
  }

  #inUse(): boolean {
    return this.#active.size > 0 || this.#waiting.size > 0 || this.#users > 0
  }

  /**
   * An update threw half-way through: the document may not be what storage and clients think.
   * Its sender is refused, everyone else is told to reconnect (1001), and the next connection
   * loads the document afresh from storage, which holds every change the document emitted.
   */
  #reload(culprit: Connection, err: unknown): void {
    this.#context.log(`sync ${this.id}: an update failed to apply, reloading from storage: ${describeError(err)}`)
    this.#state = RoomState.Closing
    culprit.refuse({ code: CloseCode.BadMessage, reason: RefuseReason.ApplyFailed, detail: describeError(err) })
    this.#endConnections()
    const live = this.#live
    live?.cancelBroadcasts()
    live?.persistence.stop()
    // No compaction of this document; wait for its appends so the reload sees them.
    void (async () => {
      try {
        await live?.persistence.settled()
        await this.#context.storage.flush()
      } catch (flushErr) {
        this.#context.log(`sync ${this.id}: flushing before the reload failed: ${describeError(flushErr)}`)
      }
      this.#destroy()
    })()
  }

  #endConnections(): void {
    for (const connection of [...this.#waiting, ...this.#active]) connection.end(CloseCode.GoingAway)
    this.#waiting.clear()
    this.#active.clear()
  }

  #destroy(): void {
    if (this.#state === RoomState.Gone) return
    this.#state = RoomState.Gone
    this.#live?.destroy()
    this.#live = null
    this.#context.metrics.roomClosed()
    this.#onGone(this)
    this.#resolveDone()
  }
}
