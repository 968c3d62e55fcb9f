/**
 * @module `GET /sync/:workspaceId?token=...`: the y-websocket endpoint. Everything that can be
 * refused is refused before the upgrade, with a real HTTP status and no byte of the document:
 * a bad id (400), a missing or invalid token (401), an unknown workspace (404). After it, the
 * socket is handed to the rooms through the websocket transport in server/sync.
 */
import { Hono } from 'hono'
import { Need, authorize, workspaceIdOf } from '../auth/access.ts'
import { ApiError } from '../errors.ts'
import type { Services } from '../services.ts'
import { upgradeToRoom } from '../sync/upgradeToRoom.ts'
import type { SyncRooms } from '../sync/upgradeToRoom.ts'

export function sync(services: Services, rooms: SyncRooms) {
  return new Hono().get('/sync/:id', (c, next) => {
    const workspaceId = workspaceIdOf(c.req.param('id'))
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new ApiError(426, 'upgrade_required', 'This endpoint speaks the y-websocket protocol over a websocket')
    }
    const access = authorize(services, workspaceId, c.req.query('token'), Need.Read)
    return upgradeToRoom(c, next, rooms, services.metrics, access)
  })
}
