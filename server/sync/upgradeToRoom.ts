/**
 * @module The upgrade: turns an authorized `/sync` request into a websocket handed to its room.
 * Once open, the raw socket's frames and close go straight to the room connection (takeOver).
 */
import { upgradeWebSocket } from '@hono/node-server'
import type { Context, Next } from 'hono'
import type { WebSocket } from 'ws'
import { CLOSE_REASON, CloseCode } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/protocol/index.ts'
import type { Metrics } from '../metrics.ts'
import type { RoomSocket } from '../rooms/RoomSocket.ts'
import { WsRoomSocket } from './WsRoomSocket.ts'

/** What the upgrade needs from the rooms. */
export interface SyncRooms {
  connect(workspaceId: string, socket: RoomSocket, options: { role: Role }): { receive(data: Uint8Array): void; close(): void }
}

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
  readonly metrics: Metrics
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
function refuseTextFrame(raw: WebSocket | undefined, metrics: Metrics): void {
  metrics.inc('roundtable_refused_messages_total', 'Messages refused, by reason', { reason: 'text_frame' })
  raw?.close(CloseCode.BadMessage, CLOSE_REASON[CloseCode.BadMessage])
}

/** The frame's bytes without a copy (Connection copies what it keeps). */
function binaryView(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
}

/** Upgrades the request to a websocket connected to `workspaceId`'s room with `role`. */
export function upgradeToRoom(
  c: Context,
  next: Next,
  rooms: SyncRooms,
  metrics: Metrics,
  access: { readonly workspaceId: string; readonly role: Role },
) {
  const { workspaceId, role } = access
  let connection: ReturnType<SyncRooms['connect']> | undefined
  let rawSocket: WebSocket | undefined
  const handler = upgradeWebSocket(() => ({
    onOpen(_event, ws) {
      const raw = ws.raw as unknown as WebSocket
      rawSocket = raw
      const opened = rooms.connect(workspaceId, new WsRoomSocket(raw), { role })
      connection = opened
      takeOver(raw, { connection: opened, metrics })
    },
    // Only frames that arrived before onOpen get here (see takeOver).
    onMessage(event) {
      if (!(event.data instanceof ArrayBuffer)) return refuseTextFrame(rawSocket, metrics)
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
}
