/**
 * @module `GET /sync/:workspaceId?token=...`: the y-websocket endpoint. Everything that can be
 * refused is refused before the upgrade, with a real HTTP status and no byte of the document:
 * a bad id (400), a missing or invalid token (401), an unknown workspace (404). After it, the
 * socket is handed to the rooms; this adapter only translates between ws and RoomSocket.
 */
import { upgradeWebSocket } from '@hono/node-server'
import type { WebSocketLike } from '@hono/node-server'
import { Hono } from 'hono'
import type { Socket } from 'node:net'
import type { WebSocket } from 'ws'
import { CLOSE_REASON, CloseCode } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/protocol/index.ts'
import { Need, authorize, workspaceIdOf } from '../auth/access.ts'
import { ApiError } from '../errors.ts'
import type { RoomSocket } from '../rooms/RoomSocket.ts'
import type { Services } from '../services.ts'
import { binaryFrame, binaryFrames } from './binaryFrame.ts'

/** What the route needs from the rooms. */
export interface SyncRooms {
  connect(workspaceId: string, socket: RoomSocket, options: { role: Role }): { receive(data: Uint8Array): void; close(): void }
}

/**
 * What the fast path reads of ws 8's internals: its net socket, and whether its sender holds
 * frames back (only while compressing or reading a Blob, neither of which this server does).
 */
interface WsInternals {
  readonly _socket?: Socket | null
  readonly _sender?: { readonly _state?: number; readonly _queue?: readonly unknown[] } | null
}
const SENDER_IDLE = 0

/**
 * Messages up to this size (a window's messages together: FanOut cuts a window at 32 KiB) are
 * framed once per broadcast; bigger ones go through ws uncopied.
 */
const SHARED_FRAME_MAX_BYTES = 64 * 1024

/**
 * The frames of the last message, or list of messages, sent. A room sends a broadcast to all its
 * connections in a row, as the same Uint8Array or array, and never changes what it has sent: all
 * but the first connection reuse the frames.
 */
let lastSent: Uint8Array | readonly Uint8Array[] | null = null
let lastFrames: Buffer | null = null

function sharedFrames(sent: Uint8Array | readonly Uint8Array[]): Buffer {
  if (sent !== lastSent || lastFrames === null) {
    lastFrames = sent instanceof Uint8Array ? binaryFrame(sent) : binaryFrames(sent)
    lastSent = sent
  }
  return lastFrames
}

/** A ws socket seen as a RoomSocket: one small object per connection, methods on the prototype. */
class WsRoomSocket implements RoomSocket {
  readonly #raw: WebSocket

  constructor(raw: WebSocket) {
    this.#raw = raw
  }

  /**
   * A broadcast is framed once and written to each socket as one buffer, one write call; ws would
   * frame it per socket and write header and payload as two (cork, writev). ws's own send keeps
   * anything else, so the frames' order on the wire stays the order of the calls.
   */
  send(data: Uint8Array): void {
    const socket = this.#directSocket(data.length)
    if (socket !== null) socket.write(sharedFrames(data))
    else this.#raw.send(data, SEND_BINARY)
  }

  /** A broadcast window's messages: one frame each, all in one write. */
  sendAll(messages: readonly Uint8Array[]): void {
    let bytes = 0
    for (const message of messages) bytes += message.length
    const socket = this.#directSocket(bytes)
    if (socket !== null) socket.write(sharedFrames(messages))
    else for (const message of messages) this.#raw.send(message, SEND_BINARY)
  }

  /** The net socket, when `bytes` may be written to it directly without overtaking ws. */
  #directSocket(bytes: number): Socket | null {
    const { _socket: socket, _sender: sender } = this.#raw as unknown as WsInternals
    // Read defensively: should a later ws rename these fields, every send takes ws's own path.
    return bytes <= SHARED_FRAME_MAX_BYTES &&
      socket?.writable === true &&
      sender?._state === SENDER_IDLE &&
      sender._queue?.length === 0
      ? socket
      : null
  }

  close(code: number, reason: string): void {
    this.#raw.close(code, reason)
  }

  get readyState(): number {
    return this.#raw.readyState
  }

  get bufferedAmount(): number {
    return this.#raw.bufferedAmount
  }
}

/** Shared by every send: ws reads it and never keeps it. */
const SEND_BINARY = Object.freeze({ binary: true })

type RawListener = Parameters<WebSocket['off']>[1]
const RAW_EVENTS = ['message', 'close', 'error'] as const

/**
 * Hands the raw socket's frames and close straight to the room connection, and detaches Hono's
 * own listeners once it has attached them (right after onOpen returns). Those listeners hold
 * the whole upgrade request (Hono's Context, the IncomingMessage, the Request and its headers)
 * for as long as the socket lives: kilobytes per connection. Frames Hono buffered before onOpen
 * still arrive through onMessage, which it replays before attaching its listeners.
 */
function takeOver(raw: WebSocket, attachment: Attachment): void {
  const before = new Map(RAW_EVENTS.map((event) => [event, new Set(raw.listeners(event))]))
  queueMicrotask(() => {
    for (const event of RAW_EVENTS) {
      for (const listener of raw.listeners(event)) {
        if (!before.get(event)!.has(listener)) raw.off(event, listener as RawListener)
      }
    }
    attachments.set(raw, attachment)
    raw.on('message', onRawMessage)
    // Errors: ws closes the socket (1009, 1002) and emits close; syncServer's listener keeps them quiet.
    raw.on('close', onRawClose)
  })
}

/**
 * What a taken-over socket's listeners need, found by the socket: the listeners are shared by all
 * sockets, so a connection keeps no closure (nor the upgrade's scope) alive.
 */
interface Attachment {
  readonly connection: ReturnType<SyncRooms['connect']>
  readonly metrics: Services['metrics']
}
const attachments = new WeakMap<WebSocket, Attachment>()

function onRawMessage(this: WebSocket, data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean): void {
  const attachment = attachments.get(this)
  if (attachment === undefined) return
  if (!isBinary) return refuseTextFrame(this, attachment.metrics)
  attachment.connection.receive(binaryView(data))
}

function onRawClose(this: WebSocket): void {
  attachments.get(this)?.connection.close()
}

/** Text frames are not part of the protocol. */
function refuseTextFrame(raw: WebSocket | undefined, metrics: Services['metrics']): void {
  metrics.inc('roundtable_refused_messages_total', 'Messages refused, by reason', { reason: 'text_frame' })
  raw?.close(CloseCode.BadMessage, CLOSE_REASON[CloseCode.BadMessage])
}

/** The frame's bytes without a copy (Connection copies what it keeps). */
function binaryView(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

export function sync(services: Services, rooms: SyncRooms) {
  return new Hono().get('/sync/:id', (c, next) => {
    const workspaceId = workspaceIdOf(c.req.param('id'))
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError(426, 'upgrade_required', 'This endpoint speaks the y-websocket protocol over a websocket')
    }
    const { role } = authorize(services, workspaceId, c.req.query('token'), Need.Read)
    let connection: ReturnType<SyncRooms['connect']> | undefined
    let rawSocket: WebSocket | undefined
    const handler = upgradeWebSocket(() => ({
      onOpen(_event, ws) {
        const raw = ws.raw as unknown as WebSocket
        rawSocket = raw
        const opened = rooms.connect(workspaceId, new WsRoomSocket(raw), { role })
        connection = opened
        takeOver(raw, { connection: opened, metrics: services.metrics })
      },
      // Only frames that arrived before onOpen get here (see takeOver).
      onMessage(event) {
        if (!(event.data instanceof ArrayBuffer)) return refuseTextFrame(rawSocket, services.metrics)
        connection?.receive(new Uint8Array(event.data))
      },
      onClose() {
        connection?.close()
      },
      onError() {
        // A malformed frame: ws has already closed this one socket; the room forgets it on close.
      },
    }))
    return handler(c, next)
  })
}

export type { WebSocketLike }
