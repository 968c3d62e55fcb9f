/** @module The sync rooms' public surface, for the websocket route and the REST handlers. */
export { Rooms } from './Rooms.ts'
export type { ConnectOptions, RoomsOptions, RoomsStats } from './Rooms.ts'
export type { RoomConnection } from './Connection.ts'
export { SOCKET_OPEN } from './RoomSocket.ts'
export type { RoomSocket } from './RoomSocket.ts'
export { RoomMetricName } from './roomMetrics.ts'
export { RefuseReason } from './refusal.ts'
