/**
 * @module The little a room needs from a connection's socket. The Hono websocket route adapts a
 * `ws` socket to it; tests pass a fake. Rooms never see Hono or ws.
 */

/** `WebSocket.OPEN`: the only state in which a room sends. */
export const SOCKET_OPEN = 1

export interface RoomSocket {
  send(data: Uint8Array): void
  /** Sends each message as its own frame, in order, in one network write where it can. */
  sendAll(messages: readonly Uint8Array[]): void
  close(code: number, reason: string): void
  /** 0 connecting, 1 open, 2 closing, 3 closed (the WebSocket readyState values). */
  readonly readyState: number
  /** Bytes queued for sending and not yet written to the network. */
  readonly bufferedAmount: number
}
