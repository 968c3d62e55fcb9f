/**
 * @module Serves the built client: static files, and index.html for any other page path so the
 * client can route itself. API paths are never answered here; they fall through to the JSON 404.
 * Nothing is compressed per request: the build writes a .br and a .gz copy of each text file
 * (server/clientBundle.ts) and the one the browser accepts is sent, brotli first.
 */
import { extname } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import { etag } from 'hono/etag'

/** Path prefixes owned by the server; a miss under them is a JSON 404, never the HTML page. */
export const SERVER_PREFIXES = ['/api', '/sync', '/healthz', '/metrics'] as const

/** Vite content-hashes every file under /assets/: a new build never reuses a name. */
const ASSETS = '/assets/'
const IMMUTABLE = 'public, max-age=31536000, immutable'
/** The page may be cached but is checked (ETag, 304) before each use, so a new build shows at once. */
const REVALIDATE = 'no-cache'

export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
}

/** Dot files (the build stamp, .br/.gz aside) are the build's bookkeeping, not the app's. */
function isHidden(path: string): boolean {
  return path.includes('/.')
}

/** A sub-app serving `clientDir` (an absolute path holding index.html); mount it last. */
export function client(clientDir: string) {
  const files = serveStatic({ root: clientDir, precompressed: true })
  const indexHtml = serveStatic({ root: clientDir, path: 'index.html', precompressed: true })
  const revalidated = etag()
  const ours = (path: string) => !isServerPath(path) && !isHidden(path)

  return new Hono()
    .use('*', async (c, next) => {
      await next()
      if (!ours(c.req.path) || (c.res.status !== 200 && c.res.status !== 304)) return
      // Set after the response is built (serveStatic's onFound runs too late to add headers).
      // Vary on every file, sent compressed or not, so no cache hands one encoding to all clients.
      c.res.headers.set('Cache-Control', c.req.path.startsWith(ASSETS) ? IMMUTABLE : REVALIDATE)
      c.res.headers.set('Vary', 'Accept-Encoding')
    })
    // Hashed assets are never revalidated, so only the rest needs an ETag (a digest of the bytes sent).
    .use('*', (c, next) => (ours(c.req.path) && !c.req.path.startsWith(ASSETS) ? revalidated(c, next) : next()))
    .get('*', (c, next) => (ours(c.req.path) ? files(c, next) : next()))
    .get('*', (c, next) =>
      // A missing /logo.png is a 404, not the HTML page; /w/demo/board is a page.
      ours(c.req.path) && extname(c.req.path) === '' ? indexHtml(c, next) : next(),
    )
}
