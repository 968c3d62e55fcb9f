/**
 * @module `startServer(config)`: storage, registry, rooms, HTTP and websocket servers wired together
 * and listening. main.ts calls it after reading the environment; integration tests call it on port 0.
 */
import type { Server } from 'node:http'
import { createAdaptorServer } from '@hono/node-server'
import type { WebSocketServer } from 'ws'
import { readSnapshot } from '../shared/doc/index.ts'
import { createApp } from './app.ts'
import type { WorkspaceLinks } from './auth/links.ts'
import { closeRefusedUpgrades } from './sync/closeRefusedUpgrades.ts'
import { baseUrl } from './config.ts'
import type { Config } from './config.ts'
import { HistoryWorker } from './history/HistoryWorker.ts'
import { Metrics } from './metrics.ts'
import { RedisRelay } from './relay/RedisRelay.ts'
import { Rooms } from './rooms/Rooms.ts'
import { createDemoWorkspace } from './seed/createDemoWorkspace.ts'
import type { Services } from './services.ts'
import { openStores } from './storage/openStores.ts'
import { createSyncServer } from './sync/syncServer.ts'
import { PgDeliveryQueue } from './webhooks/PgDeliveryQueue.ts'
import { Webhooks } from './webhooks/Webhooks.ts'

/** After a stop, open HTTP connections get this long to finish before they are cut. */
const SHUTDOWN_GRACE_MS = 3_000

export interface StartOptions {
  readonly log?: (message: string) => void
  /** Create the demo workspace when the registry is empty (first start); default true. */
  readonly demo?: boolean
  /** Serve the built client; default true (tests of the API alone turn it off). */
  readonly serveClient?: boolean
  /** The first webhook retry's wait (then doubling); default 10 s. Tests pass a few ms. */
  readonly webhookRetryBaseMs?: number
  /** Quiet time after a workspace's last edit before its webhook events are resolved; default 1 s. */
  readonly webhookSettleMs?: number
}

export interface RunningServer {
  readonly url: string
  readonly services: Services
  readonly rooms: Rooms
  /** The HTTP server and the websocket server behind /sync: tests and probes count their sockets and listeners. */
  readonly http: Server
  readonly wss: WebSocketServer
  /** The demo workspace's links when this start created it. */
  readonly demo: WorkspaceLinks | undefined
  /** Closes sockets, flushes every document to disk, stops listening. */
  stop(): Promise<void>
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => console.error(message))
  const metrics = new Metrics()
  // Documents, registry, ballots, checkpoints, activity and secret: in PostgreSQL with DATABASE_URL, else DATA_DIR.
  const stores = await openStores(config, metrics, log)
  const { storage, registry, ballots, checkpoints, activity, pool } = stores
  const webhooks: Webhooks = new Webhooks({
    // With PostgreSQL, hooks and deliveries are shared: each event is sent once across instances.
    store: stores.hooks,
    deliverer: pool === null ? undefined : (queue) => new PgDeliveryQueue({ ...queue, pool }),
    read: (workspaceId, fn) => rooms.withDoc(workspaceId, (doc) => fn(readSnapshot(doc))),
    publicUrl: config.publicUrl,
    ...config.webhooks,
    retryBaseMs: options.webhookRetryBaseMs ?? 10_000,
    settleMs: options.webhookSettleMs,
    now: () => Date.now(),
    log,
  })
  const relay = config.redisUrl === null ? null : await RedisRelay.connect(config.redisUrl, log, metrics)
  // The rooms' activity and checkpoints also feed the webhooks (check-ins, cards done, meeting ends).
  const rooms: Rooms = new Rooms({ storage, limits: config.limits, metrics, log, checkpoints: webhooks.watchCheckpoints(checkpoints), activity: webhooks.watchActivity(activity), checkpointRetentionDays: config.checkpointRetentionDays, relay })
  const diffs = new HistoryWorker({ log, metrics })
  const services: Services = {
    registry,
    docs: rooms,
    ballots,
    checkpoints,
    activity,
    diffs,
    webhooks,
    secret: stores.secret,
    metrics,
    now: () => Date.now(),
  }
  const syncServer = createSyncServer(config.limits, log)
  const app = createApp({ clientDir: options.serveClient === false ? undefined : config.clientDir, services, rooms, logError: (err) => log(`unexpected error: ${String((err as Error)?.stack ?? err)}`) })

  // Without a custom createServer, @hono/node-server returns a node:http Server.
  const server = createAdaptorServer({ fetch: app.fetch, hostname: config.host, websocket: { server: syncServer.wss } }) as Server
  // Before it listens: no upgrade may reach @hono/node-server's listener unwrapped.
  closeRefusedUpgrades(server)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(config.port, config.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  server.on('error', (err) => log(`http server error: ${err.message}`))
  server.on('clientError', (_err, socket) => socket.destroy())
  const address = server.address()
  const url = baseUrl(config.host, typeof address === 'object' && address !== null ? address.port : config.port)

  const demo = options.demo !== false && (await stores.isFirstStart()) ? await createDemoWorkspace(services, url) : undefined

  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      // Flush before anything else: every accepted update must be on disk when this resolves.
      const closed = Promise.all([webhooks.close(), rooms.close().then(() => Promise.all([storage.close(), relay?.close()])), ballots.close()]).then(() => Promise.all([checkpoints.flush(), activity.flush()])).then(() => stores.close())
      syncServer.close()
      void diffs.close()
      const listening = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS)
      cut.unref()
      try {
        await closed
      } finally {
        await listening
        clearTimeout(cut)
      }
    })())
  return { url, services, rooms, http: server, wss: syncServer.wss, demo, stop }
}
