/**
 * @module One client socket in a room: the per-connection limits (size, rate, send buffer), the
 * queue of messages that arrive before the document is loaded, and closing with a named code.
 * Every frame is decoded in shared/protocol before the room sees it.
 */
import { decodeClientMessage } from '../../shared/protocol/decodeMessage.ts'
import type { ClientMessage } from '../../shared/protocol/decodeMessage.ts'
import { CLOSE_REASON, CloseCode, canWrite } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/protocol/index.ts'
import { describeError } from './describeError.ts'
import { RefuseReason, refusalForFrame } from './refusal.ts'
import type { Refusal } from './refusal.ts'
import type { RoomContext } from './RoomContext.ts'
import { SOCKET_OPEN } from './RoomSocket.ts'
import type { RoomSocket } from './RoomSocket.ts'
import { TokenBucket } from './TokenBucket.ts'

/** What the websocket route holds for one socket. */
export interface RoomConnection {
  /** Hands over one binary frame. Never throws; a bad frame closes this connection only. */
  receive(data: Uint8Array): void
  /** The socket closed or failed: leave the room. Idempotent. */
  close(): void
}

/** The room side of a connection. */
export interface ConnectionHost {
  /** A decoded message from an active connection. */
  handle(connection: Connection, message: ClientMessage): void
  /** The connection is gone (client left or was refused). */
  detach(connection: Connection): void
}

const ConnectionState = {
  /** Attached to a room whose document is still loading: frames are queued. */
  Waiting: 'waiting',
  Active: 'active',
  Closed: 'closed',
} as const
type ConnectionState = (typeof ConnectionState)[keyof typeof ConnectionState]

/** The limits' token buckets hold two seconds' worth (see Limits). */
const BURST_SECONDS = 2

export class Connection implements RoomConnection {
  readonly role: Role
  readonly canWrite: boolean
  /**
   * A sync step 1 of the server's awaits this client's step 2 (sent on connect, and again after an
   * update of the client's arrived before its dependencies). Cleared by the client's next step 2.
   */
  awaitingStep2 = false

  readonly #socket: RoomSocket
  readonly #context: RoomContext
  readonly #host: ConnectionHost
  readonly #workspaceId: string
  readonly #messages: TokenBucket
  readonly #bytes: TokenBucket
  #state: ConnectionState = ConnectionState.Waiting
  /** Frames that arrived while Waiting; none is allocated for the (usual) connection that has none. */
  #queue: Uint8Array[] | null = null
  #queuedBytes = 0
  /**
   * Something other than a heartbeat was written since the last heartbeat sweep. Starts true: a
   * connection that just opened is not idle (and its sync step 1 is on the way).
   */
  #sentSinceSweep = true

  constructor(socket: RoomSocket, role: Role, workspaceId: string, context: RoomContext, host: ConnectionHost) {
    this.#socket = socket
    this.role = role
    this.canWrite = canWrite(role)
    this.#workspaceId = workspaceId
    this.#context = context
    this.#host = host
    const { messagesPerSecond, bytesPerSecond } = context.limits
    this.#messages = new TokenBucket(messagesPerSecond, messagesPerSecond * BURST_SECONDS, context.now)
    this.#bytes = new TokenBucket(bytesPerSecond, bytesPerSecond * BURST_SECONDS, context.now)
    context.metrics.connectionOpened()
  }

  get closed(): boolean {
    return this.#state === ConnectionState.Closed
  }

  receive(data: Uint8Array): void {
    if (this.#state === ConnectionState.Closed) return
    try {
      this.#receive(data)
    } catch (err) {
      this.#internalError(err)
    }
  }

  close(): void {
    if (this.#markClosed()) this.#detach()
  }

  /** The document is loaded: process what was queued, then every frame as it comes. */
  activate(): void {
    if (this.#state !== ConnectionState.Waiting) return
    this.#state = ConnectionState.Active
    const queue = this.#queue ?? []
    this.#queue = null
    this.#queuedBytes = 0
    for (const data of queue) {
      if (this.#state !== ConnectionState.Active) return
      try {
        this.#process(data)
      } catch (err) {
        this.#internalError(err)
      }
    }
  }

  /**
   * Sends one frame unless the socket stopped reading: a socket whose unsent bytes passed
   * `maxBufferedBytes` is closed instead (it would otherwise hold the room's memory hostage).
   */
  send(data: Uint8Array): boolean {
    this.#sentSinceSweep = true
    return this.#write(data, data.length)
  }

  /** Sends `messages` in order, in one write where the socket can (a broadcast window's worth). */
  sendAll(messages: readonly Uint8Array[], bytes: number): boolean {
    this.#sentSinceSweep = true
    return this.#write(messages, bytes)
  }

  /**
   * The heartbeat sweep (see Rooms): sends `heartbeat` if nothing else was sent since the previous
   * sweep, so a client hears from a live server at least every two sweep periods. A flag, not a
   * clock read: the broadcast path pays one store per write. True when the heartbeat was sent.
   */
  sweep(heartbeat: Uint8Array): boolean {
    if (this.#sentSinceSweep) {
      this.#sentSinceSweep = false
      return false
    }
    return this.#write(heartbeat, heartbeat.length)
  }

  #write(payload: Uint8Array | readonly Uint8Array[], bytes: number): boolean {
    if (!this.#writable()) return false
    try {
      if (payload instanceof Uint8Array) this.#socket.send(payload)
      else this.#socket.sendAll(payload)
    } catch (err) {
      this.#internalError(err)
      return false
    }
    this.#context.metrics.bytesOut(bytes)
    return true
  }

  /** Open and reading; a socket that stopped reading is refused here (see `send`). */
  #writable(): boolean {
    if (this.#state === ConnectionState.Closed || this.#socket.readyState !== SOCKET_OPEN) return false
    if (this.#socket.bufferedAmount > this.#context.limits.maxBufferedBytes) {
      this.refuse({ code: CloseCode.TooLarge, reason: RefuseReason.SlowReader })
      return false
    }
    return true
  }

  /** Closes this connection for something it sent or did; counted and logged once. */
  refuse(refusal: Refusal): void {
    if (!this.#markClosed()) return
    this.#context.metrics.refused(refusal.reason)
    const detail = refusal.detail === undefined ? '' : `: ${refusal.detail}`
    this.#context.log(
      `sync ${this.#workspaceId}: closed a ${this.role} connection with ${refusal.code} (${refusal.reason}${detail})`,
    )
    this.#closeSocket(refusal.code)
    this.#detach()
  }

  /**
   * Closes the socket for a reason of the server's (shutdown, room reload) without detaching:
   * the room is tearing itself down and does its own bookkeeping.
   */
  end(code: CloseCode): void {
    if (this.#markClosed()) this.#closeSocket(code)
  }

  #receive(data: Uint8Array): void {
    const { limits, metrics } = this.#context
    metrics.bytesIn(data.length)
    // The route's ws maxPayload refuses big frames at the header; this covers any other transport.
    if (data.length > limits.maxMessageBytes) {
      return this.refuse({ code: CloseCode.TooLarge, reason: RefuseReason.MessageTooLarge })
    }
    // Both buckets are always charged so a flood of tiny frames and a few huge ones both count.
    const messageOk = this.#messages.take(1)
    const bytesOk = this.#bytes.take(data.length)
    if (!messageOk || !bytesOk) return this.refuse({ code: CloseCode.TooFast, reason: RefuseReason.TooFast })
    if (this.#state === ConnectionState.Waiting) {
      this.#queuedBytes += data.length
      if (this.#queuedBytes > limits.maxBufferedBytes) {
        return this.refuse({ code: CloseCode.TooFast, reason: RefuseReason.QueueFull })
      }
      // A copy: the transport may reuse its buffer once this call returns.
      this.#queue ??= []
      this.#queue.push(data.slice())
      return
    }
    this.#process(data)
  }

  #process(data: Uint8Array): void {
    const decoded = decodeClientMessage(data)
    if (!decoded.ok) return this.refuse(refusalForFrame(decoded.problem))
    this.#host.handle(this, decoded.message)
  }

  /** A bug or a broken socket, not the client's fault: close so that it reconnects. */
  #internalError(err: unknown): void {
    if (!this.#markClosed()) return
    this.#context.log(`sync ${this.#workspaceId}: closing a connection after an internal error: ${describeError(err)}`)
    this.#closeSocket(CloseCode.GoingAway)
    this.#detach()
  }

  /** True when this call closed it. */
  #markClosed(): boolean {
    if (this.#state === ConnectionState.Closed) return false
    this.#state = ConnectionState.Closed
    this.#queue = null
    this.#context.metrics.connectionClosed()
    return true
  }

  /** Leaving the room must not throw out of `receive` or `close`, whatever the room does. */
  #detach(): void {
    try {
      this.#host.detach(this)
    } catch (err) {
      this.#context.log(`sync ${this.#workspaceId}: leaving the room failed: ${describeError(err)}`)
    }
  }

  #closeSocket(code: CloseCode): void {
    try {
      this.#socket.close(code, CLOSE_REASON[code])
    } catch {
      // A socket that fails to close is gone already.
    }
  }
}
