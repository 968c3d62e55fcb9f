/**
 * @module Every socket Node hands over on `upgrade` is either a websocket or closed. Once an HTTP
 * server has an `upgrade` listener, Node detaches every request carrying `Connection: upgrade` from
 * HTTP (no parser, no timeout, no one reading it) and leaves its socket to that listener.
 * @hono/node-server's listener (2.1.8) leaves two kinds open for good:
 *
 * - an upgrade to anything but `websocket` (`Upgrade: h2c`, say): it returns without a word, and
 *   since nobody reads the socket, the client's FIN is never seen: the socket stays open after the
 *   client has gone, one file descriptor and its request kept per attempt, for ever;
 * - a refused websocket upgrade (400, 401, 404...): it answers with `socket.end()`, and the HTTP
 *   server's sockets are half-open, so the socket stays until the client closes its side, which a
 *   hostile client never does.
 *
 * ws's own refusals answer, then destroy the socket once the answer is written; this does the same
 * for both kinds. Sockets ws accepts are not touched (ws bounds their close itself).
 */
import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => unknown

const NOT_WEBSOCKET = 'HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n'

/**
 * Wraps the one `upgrade` listener of `http` (the one `createAdaptorServer` adds for its websocket
 * server). Call it before the server listens. Throws if there is not exactly one: another listener
 * would make @hono/node-server stop answering refused upgrades (it answers only when it is alone).
 */
export function closeRefusedUpgrades(http: Server): void {
  const listeners = http.listeners('upgrade')
  if (listeners.length !== 1) throw new Error(`expected the one upgrade listener of @hono/node-server, found ${listeners.length}`)
  const hono = listeners[0] as UpgradeListener
  http.removeListener('upgrade', hono)
  http.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (request.headers.upgrade?.toLowerCase() !== 'websocket') return refuseOtherProtocol(socket)
    Promise.resolve(hono.call(http, request, socket, head)).then(
      () => closeOnceAnswered(socket),
      () => socket.destroy(),
    )
  })
}

/** Hono has either handed the socket to ws (not ended), or ended it with its refusal. */
function closeOnceAnswered(socket: Duplex): void {
  if (socket.destroyed || !socket.writableEnded) return
  if (socket.writableFinished) socket.destroy()
  else socket.once('finish', socket.destroy)
}

function refuseOtherProtocol(socket: Duplex): void {
  // Node removed its own error listener when it handed the socket over: a reset must not throw.
  socket.on('error', ignoreError)
  if (!socket.writable) return void socket.destroy()
  socket.once('finish', socket.destroy)
  socket.end(NOT_WEBSOCKET)
}

function ignoreError(): void {}
