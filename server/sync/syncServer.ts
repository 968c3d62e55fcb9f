/**
 * @module The websocket server behind `/sync`: frame size refused at the frame header (ws
 * maxPayload), an error listener so a malformed frame closes one socket and never the process,
 * and a heartbeat that drops connections which stop answering pings.
 */
import { WebSocketServer } from 'ws'
import type { WebSocket } from 'ws'
import type { Limits } from '../limits.ts'

export interface SyncServer {
  readonly wss: WebSocketServer
  close(): void
}

/** Sockets that answered the last ping. Listeners shared by all sockets: no closure per connection. */
const alive = new WeakSet<WebSocket>()

function markAlive(this: WebSocket): void {
  alive.add(this)
}

function ignoreError(): void {}

export function createSyncServer(limits: Limits, log: (message: string) => void = () => {}): SyncServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes, perMessageDeflate: false })
  wss.on('error', (err) => log(`websocket server error: ${err.message}`))
  wss.on('connection', (ws) => {
    alive.add(ws)
    ws.on('pong', markAlive)
    // Oversized or malformed frames end here: ws closes the socket (1009 or 1002), nothing throws.
    ws.on('error', ignoreError)
  })
  const heartbeat = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, limits.pingIntervalMs)
  heartbeat.unref()
  return {
    wss,
    close() {
      clearInterval(heartbeat)
      for (const ws of wss.clients) ws.terminate()
      wss.close()
    },
  }
}
