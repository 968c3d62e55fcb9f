/**
 * @module Serves the built client: static files, and index.html for any other page path so the
 * client can route itself. API paths are never answered here; they fall through to the JSON 404.
 */
import { extname } from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

/** Path prefixes owned by the server; a miss under them is a JSON 404, never the HTML page. */
export const SERVER_PREFIXES = ['/api', '/sync', '/healthz', '/metrics'] as const

const IMMUTABLE = 'public, max-age=31536000, immutable'

export function isServerPath(path: string): boolean {
  return SERVER_PREFIXES.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))
}

/** A sub-app serving `clientDir` (an absolute path holding index.html); mount it last. */
export function client(clientDir: string) {
  const files = serveStatic({ root: clientDir })
  const indexHtml = serveStatic({ root: clientDir, path: 'index.html' })

  return new Hono()
    .use('*', async (c, next) => {
      await next()
      if (!c.res.ok || isServerPath(c.req.path)) return
      // Vite content-hashes everything under /assets/; anything else must be revalidated.
      // (serveStatic's onFound runs after the response is built: too late to add headers.)
      c.res.headers.set('Cache-Control', c.req.path.startsWith('/assets/') ? IMMUTABLE : 'no-cache')
    })
    .get('*', (c, next) => (isServerPath(c.req.path) ? next() : files(c, next)))
    .get('*', (c, next) =>
      // A missing /logo.png is a 404, not the HTML page; /w/demo/board is a page.
      isServerPath(c.req.path) || extname(c.req.path) !== '' ? next() : indexHtml(c, next),
    )
}
