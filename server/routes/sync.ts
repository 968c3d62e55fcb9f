/**
 * @module `GET /sync/:workspaceId?token=...`: the y-websocket endpoint. Everything that can be
 * refused is refused before the upgrade, with a real HTTP status and no byte of the document:
 * a bad id (400), a missing or invalid token (401), an unknown workspace (404). After it, the
 * socket is handed to the rooms; this adapter only translates between ws and RoomSocket.
 */
import { upgradeWebSocket } from '@hono/node-server'
import type { WebSocketLike } from '@hono/node-server'
import { Hono } from 'hono'
import type { WebSocket } from 'ws'
import { CLOSE_REASON, CloseCode } from '../../shared/protocol/index.ts'
import type { Role } from '../../shared/protocol/index.ts'
import { Need, authorize, workspaceIdOf } from '../access.ts'
import { ApiError } from '../errors.ts'
import type { RoomSocket } from '../rooms/RoomSocket.ts'
import type { Services } from '../services.ts'

/** What the route needs from the rooms. */
export interface SyncRooms {
  connect(workspaceId: string, socket: RoomSocket, options: { role: Role }): { receive(data: Uint8Array): void; close(): void }
}

/** A ws socket seen as a RoomSocket. */
function roomSocket(raw: WebSocket): RoomSocket {
  return {
    send: (data) => raw.send(data, { binary: true }),
    close: (code, reason) => raw.close(code, reason),
    get readyState() {
      return raw.readyState
    },
    get bufferedAmount() {
      return raw.bufferedAmount
    },
  }
}

export function sync(services: Services, rooms: SyncRooms) {
  return new Hono().get('/sync/:id', (c, next) => {
    const workspaceId = workspaceIdOf(c.req.param('id'))
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError(426, 'upgrade_required', 'This endpoint speaks the y-websocket protocol over a websocket')
    }
    const { role } = authorize(services, workspaceId, c.req.query('token'), Need.Read)
    let connection: ReturnType<SyncRooms['connect']> | undefined
    const handler = upgradeWebSocket(() => ({
      onOpen(_event, ws) {
        connection = rooms.connect(workspaceId, roomSocket(ws.raw as unknown as WebSocket), { role })
      },
      onMessage(event, ws) {
        if (!(event.data instanceof ArrayBuffer)) {
          // Text frames are not part of the protocol.
          services.metrics.inc('roundtable_refused_messages_total', 'Messages refused, by reason', { reason: 'text_frame' })
          ws.close(CloseCode.BadMessage, CLOSE_REASON[CloseCode.BadMessage])
          return
        }
        connection?.receive(new Uint8Array(event.data))
      },
      onClose() {
        connection?.close()
        connection = undefined
      },
      onError() {
        // A malformed frame: ws has already closed this one socket; the room forgets it on close.
      },
    }))
    return handler(c, next)
  })
}

export type { WebSocketLike }
