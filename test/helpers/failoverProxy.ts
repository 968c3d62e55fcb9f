/**
 * @module A TCP front for several server instances, like a load balancer: every new connection
 * goes to the current target; `switchTo` sends later ones elsewhere (the instance behind died).
 * Connections are piped byte for byte, websocket upgrades included.
 */
import { connect, createServer } from 'node:net'
import type { Socket } from 'node:net'

export interface FailoverProxy {
  /** `http://127.0.0.1:<port>` */
  readonly url: string
  /** New connections go to `httpUrl` from now on. */
  switchTo(httpUrl: string): void
  close(): Promise<void>
}

export async function startFailoverProxy(httpUrl: string): Promise<FailoverProxy> {
  let target = new URL(httpUrl)
  const sockets = new Set<Socket>()
  const server = createServer((downstream) => {
    const upstream = connect(Number(target.port), target.hostname)
    for (const socket of [downstream, upstream]) {
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
      // A reset on one side ends both: the client sees its connection drop, as behind a real balancer.
      socket.on('error', () => {
        downstream.destroy()
        upstream.destroy()
      })
    }
    downstream.pipe(upstream)
    upstream.pipe(downstream)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    switchTo: (next) => (target = new URL(next)),
    close: () => {
      for (const socket of sockets) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
