/**
 * @module The sync server's rooms: one live room per workspace document, shared by everyone
 * connected to it and by server-side edits (withDoc). Depends on RoomSocket only, never on Hono or
 * ws; keep-alive pings are the route's (it holds the raw socket).
 *
 * The heartbeat that clients can see (shared/protocol/heartbeat.ts) is the rooms': one interval
 * for all of them, running while any room is open, offers it to every connection each period;
 * only connections that were sent nothing since the previous sweep take it.
 */
import type * as Y from 'yjs'
import type { PersonId } from '../../shared/model/index.ts'
import { CLOSE_REASON, CloseCode, HEARTBEAT_MESSAGE } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/protocol/index.ts'
import type { Limits } from '../limits.ts'
import type { Metrics } from '../metrics.ts'
import type { DocStorage } from '../storage/DocStorage.ts'
import type { RoomConnection } from './Connection.ts'
import { BroadcastTicker } from './BroadcastTicker.ts'
import { describeError } from './describeError.ts'
import { Room } from './Room.ts'
import type { Relay } from './Relay.ts'
import type { RoomContext } from './RoomContext.ts'
import type { ActivityLog } from '../storage/ActivityLog.ts'
import type { CheckpointStore } from '../storage/CheckpointStore.ts'
import { DEFAULT_CHECKPOINT_RETENTION_DAYS } from '../config.ts'
import { RoomMetrics } from './roomMetrics.ts'
import type { RoomSocket } from './RoomSocket.ts'

export interface RoomsOptions {
  readonly storage: DocStorage
  readonly limits: Limits
  readonly metrics: Metrics
  /** One line per notable event (a refused connection, a storage failure); default stderr. */
  readonly log?: (message: string) => void
  /** Milliseconds on a monotonic clock, for rate limits; default `performance.now`. */
  readonly now?: () => number
  /** Dated checkpoints of each workspace (meeting start and end, publish, close, daily). */
  readonly checkpoints?: CheckpointStore
  /** Days checkpoints are kept; default 90. */
  readonly checkpointRetentionDays?: number
  /** Who did what in each workspace (kept outside the documents). */
  readonly activity?: ActivityLog
  /** The wall clock, for checkpoints and activity; default `Date.now`. */
  readonly clock?: () => number
  /** Relays every room's changes and presence to the other instances (REDIS_URL); default none. */
  readonly relay?: Relay | null
}

export interface ConnectOptions {
  /** From the token the route already checked. */
  readonly role: Role
}

export interface RoomsStats {
  /** Documents in memory (loading, live or unloading). */
  readonly rooms: number
  /** Open sync connections. */
  readonly connections: number
}

export class Rooms {
  readonly #context: RoomContext
  readonly #metrics: RoomMetrics
  readonly #rooms = new Map<string, Room>()
  #closing: Promise<void> | null = null
  #heartbeat: ReturnType<typeof setInterval> | null = null

  constructor(options: RoomsOptions) {
    this.#metrics = new RoomMetrics(options.metrics)
    const now = options.now ?? (() => performance.now())
    const windowMs = options.limits.broadcastWindowMs
    this.#context = {
      storage: options.storage,
      limits: options.limits,
      metrics: this.#metrics,
      log: options.log ?? ((message) => console.error(message)),
      now,
      ticker: windowMs > 0 ? new BroadcastTicker(windowMs, now) : null,
      checkpoints: options.checkpoints ?? null,
      activity: options.activity ?? null,
      checkpointRetentionDays: options.checkpointRetentionDays ?? DEFAULT_CHECKPOINT_RETENTION_DAYS,
      clock: options.clock ?? (() => Date.now()),
      relay: options.relay ?? null,
    }
  }

  /**
   * Joins `socket` to the room of `workspaceId`, loading the document if this is the first
   * connection. Returns at once; the socket receives sync step 1 and the current presence once the
   * document is loaded, and frames received before that are queued.
   */
  connect(workspaceId: string, socket: RoomSocket, options: ConnectOptions): RoomConnection {
    if (this.#closing !== null) {
      try {
        socket.close(CloseCode.GoingAway, CLOSE_REASON[CloseCode.GoingAway])
      } catch {
        // Already gone.
      }
      return { receive() {}, close() {} }
    }
    return this.#room(workspaceId).attach(socket, options.role)
  }

  /**
   * Runs `fn` on the live document of `workspaceId` (loading it if needed), e.g. a command through
   * shared/doc. Its changes reach connected clients and storage like a client's; resolves once they
   * are durable, after which the room unloads if nobody is connected. Rejects if the document
   * cannot be loaded or the change cannot be stored.
   */
  async withDoc<T>(workspaceId: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
    if (this.#closing !== null) throw new Error('the sync rooms are closed')
    return this.#room(workspaceId).use(fn)
  }

  /**
   * The people in meeting `meetingId` of `workspaceId` by the presence of connections that may
   * write; empty when nobody is connected.
   */
  presentIn(workspaceId: string, meetingId: string): Set<PersonId> {
    return this.#rooms.get(workspaceId)?.presentIn(meetingId) ?? new Set()
  }

  /**
   * For SIGTERM: closes every socket with 1001, flushes every document to storage (compacted) and
   * stops the rooms' timers. Idempotent; connections arriving afterwards are closed with 1001.
   */
  close(): Promise<void> {
    this.#stopHeartbeat()
    this.#closing ??= (async () => {
      await Promise.all([...this.#rooms.values()].map((room) => room.shutdown()))
      try {
        await this.#context.storage.flush()
      } catch (err) {
        this.#context.log(`sync: flushing storage on close failed: ${describeError(err)}`)
      }
    })()
    return this.#closing
  }

  stats(): RoomsStats {
    return { rooms: this.#metrics.rooms, connections: this.#metrics.connections }
  }

  /** The room that takes newcomers for `workspaceId`; a reloading room gets a successor. */
  #room(workspaceId: string): Room {
    const current = this.#rooms.get(workspaceId)
    if (current !== undefined && current.accepting) return current
    const room = new Room(workspaceId, this.#context, (gone) => this.#forget(gone), current?.done)
    this.#rooms.set(workspaceId, room)
    this.#startHeartbeat()
    return room
  }

  #forget(room: Room): void {
    if (this.#rooms.get(room.id) === room) this.#rooms.delete(room.id)
    if (this.#rooms.size === 0) this.#stopHeartbeat()
  }

  #startHeartbeat(): void {
    const periodMs = this.#context.limits.heartbeatIntervalMs
    if (this.#heartbeat !== null || periodMs <= 0 || this.#closing !== null) return
    this.#heartbeat = setInterval(this.#sweep, periodMs)
    this.#heartbeat.unref()
  }

  #stopHeartbeat(): void {
    if (this.#heartbeat !== null) clearInterval(this.#heartbeat)
    this.#heartbeat = null
  }

  /** Every connection of every room, back to back: the same bytes, framed once (see server/sync/WsRoomSocket.ts). */
  readonly #sweep = (): void => {
    let sent = 0
    for (const room of this.#rooms.values()) sent += room.sweep(HEARTBEAT_MESSAGE)
    this.#metrics.heartbeats(sent)
  }
}
