/** @module createApp(deps): the whole HTTP surface as a Hono app that never listens. */
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { compressResponses } from './compressResponses.ts'
import { ApiError, codeForStatus, errorBody } from './errors.ts'
import { client } from './routes/client.ts'
import { health } from './routes/health.ts'
import { history } from './routes/history.ts'
import { insightsRoute } from './routes/insights.ts'
import { meetings, time } from './routes/meetings.ts'
import { metrics } from './routes/metrics.ts'
import { sync } from './routes/sync.ts'
import type { SyncRooms } from './sync/upgradeToRoom.ts'
import { webhooks } from './routes/webhooks.ts'
import { workspaces } from './routes/workspaces.ts'
import type { Services } from './services.ts'

/** What the app needs from outside. Without `services` only health and client files are served. */
export interface AppDeps {
  /** Registry, live documents, secret, metrics and clock: enables the API and metrics. */
  readonly services?: Services
  /** The rooms behind `/sync` (needs `services` too, and a server started with a websocket server). */
  readonly rooms?: SyncRooms
  /** Absolute directory of the built client; when absent, only the API is served. */
  readonly clientDir?: string
  /** Receives each unexpected error once; defaults to stderr. */
  readonly logError?: (err: unknown) => void
}

/** Headers of an `HTTPException`'s own response worth keeping (e.g. `WWW-Authenticate`). */
const BODY_HEADERS = new Set(['content-type', 'content-length'])

export function createApp(deps: AppDeps = {}) {
  const logError = deps.logError ?? ((err: unknown) => console.error('Unexpected error:', err))
  const app = new Hono()

  app.route('/', health)
  // The bodies the server writes (the client's files come compressed from the build).
  app.use('/api/*', compressResponses())
  app.use('/metrics', compressResponses())
  app.route('/api/time', time(deps.services?.now ?? (() => Date.now())))
  if (deps.services !== undefined) {
    app.route('/api/workspaces', workspaces(deps.services))
    app.route('/api/workspaces', meetings(deps.services))
    app.route('/api/workspaces', history(deps.services))
    app.route('/api/workspaces', insightsRoute(deps.services))
    if (deps.services.webhooks !== undefined) app.route('/api/workspaces', webhooks(deps.services, deps.services.webhooks))
    app.route('/', metrics(deps.services))
    if (deps.rooms !== undefined) app.route('/', sync(deps.services, deps.rooms))
  }
  if (deps.clientDir !== undefined) app.route('/', client(deps.clientDir))

  app.notFound((c) =>
    c.json(errorBody('not_found', `No route for ${c.req.method} ${c.req.path}`), 404),
  )

  app.onError((err, c) => {
    if (err instanceof HTTPException) {
      const code = err instanceof ApiError ? err.code : codeForStatus(err.status)
      const message = err.message || codeForStatus(err.status).replaceAll('_', ' ')
      err.res?.headers.forEach((value, name) => {
        if (!BODY_HEADERS.has(name)) c.header(name, value)
      })
      return c.json(errorBody(code, message), err.status)
    }
    logError(err)
    return c.json(errorBody('internal', 'Internal server error'), 500)
  })

  return app
}

export type App = ReturnType<typeof createApp>
