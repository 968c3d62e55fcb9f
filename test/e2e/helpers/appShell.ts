/**
 * @module A stand-in for the server while it is down, on its port: it serves only the built app's
 * own files (index.html for every page, /assets/*) from dist/e2e-client, as a browser cache or CDN
 * would, answers the API with 503 and refuses every websocket. The client has no service worker,
 * so without the stand-in a page could not even be reloaded while the server is down; with it, a
 * reload tests what the client itself does without its server (open from the role cached for the
 * token and from the IndexedDB copy).
 *
 * Why not page.route(): a document fulfilled by Playwright has no IP address, so Chromium counts it
 * as public and its Local Network Access checks then block the page's websocket to 127.0.0.1.
 */
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { E2E_CLIENT_DIR as DIST } from './server.ts'

const BACKEND = /^\/(api|sync|healthz|metrics)(\/|$)/
const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
}

export interface AppShell {
  /** Closes the listener and every open connection; resolves once the port is free again. */
  close(): Promise<void>
}

/** Serves the app shell on 127.0.0.1:`port`; rejects if the port is taken. */
export async function startAppShell(port: number): Promise<AppShell> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://shell').pathname
    if (BACKEND.test(path)) {
      res.writeHead(503, { 'content-type': 'application/json' })
      res.end(JSON.stringify({ error: { code: 'unavailable', message: 'the server is down' } }))
      return
    }
    const file = path.startsWith('/assets/') ? join(DIST, normalize(path)) : join(DIST, 'index.html')
    readFile(file).then(
      (body) => {
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
        res.end(body)
      },
      () => {
        res.writeHead(404)
        res.end()
      },
    )
  })
  // No sync while "down": every websocket handshake is dropped, as a refused connection would be.
  server.on('upgrade', (_req, socket) => socket.destroy())
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  return {
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()))
        server.closeAllConnections()
      }),
  }
}
