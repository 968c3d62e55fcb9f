/**
 * @module A development probe's server: the real server (startServer, as main.ts wires it; TypeScript
 * through tsx, so its memory is not `npm start`'s, only its growth compares) in a process of its
 * own, run with --expose-gc. Over IPC it sends `{ ready, url, secret, dataDir }` once listening, and
 * answers each `measure` with its memory after a full GC and the size of every structure a request
 * could leave behind. Started by refusedUpgradesProbe.ts; not run by hand.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { getHeapSpaceStatistics } from 'node:v8'
import { readConfig } from '../../server/config.ts'
import { startServer } from '../../server/start.ts'

export interface Measurement {
  /** VmRSS after two full GCs, the lowest reading over the second after (V8 frees pages late). */
  readonly rssKiB: number
  readonly heapUsedKiB: number
  readonly externalKiB: number
  /** V8's young generation as reserved (it grows under allocation bursts; a full GC does not shrink it). */
  readonly newSpaceKiB: number
  /** Every V8 space together, as reserved. */
  readonly heapSpacesKiB: number
  readonly fds: number
  /** Sockets the HTTP server holds (upgraded ones included, until they close). */
  readonly openSockets: number
  readonly websockets: number
  readonly rooms: number
  readonly connections: number
  readonly metricSeries: number
  readonly workspaces: number
  readonly docFiles: number
  /** Listeners on the HTTP server and on the websocket server, all events together. */
  readonly httpListeners: number
  readonly wssListeners: number
  /** process.getActiveResourcesInfo() by type: sockets, timers, file handles... */
  readonly resources: Readonly<Record<string, number>>
}

export type ServerMessage = { readonly ready: true; readonly url: string; readonly secret: string; readonly dataDir: string } | { readonly measured: Measurement }

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined || process.send === undefined) throw new Error('run by refusedUpgradesProbe.ts: node --expose-gc with an IPC channel')
const send = (message: ServerMessage) => process.send!(message)

const dataDir = process.argv[2]!
const server = await startServer(readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir }), { log: () => {}, demo: false, serveClient: false })

function listeners(emitter: NodeJS.EventEmitter): number {
  return emitter.eventNames().reduce((sum, name) => sum + emitter.listenerCount(name), 0)
}

function rssKiB(): number {
  return Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0)
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function measure(): Promise<Measurement> {
  gc!()
  await sleep(50)
  gc!()
  let rss = rssKiB()
  for (let waited = 0; waited < 1_000; waited += 100) {
    await sleep(100)
    rss = Math.min(rss, rssKiB())
  }
  const memory = process.memoryUsage()
  const spaces = getHeapSpaceStatistics()
  const resources: Record<string, number> = {}
  for (const name of process.getActiveResourcesInfo()) resources[name] = (resources[name] ?? 0) + 1
  const { rooms, connections } = server.rooms.stats()
  return {
    rssKiB: rss,
    heapUsedKiB: Math.round(memory.heapUsed / 1024),
    externalKiB: Math.round(memory.external / 1024),
    newSpaceKiB: Math.round((spaces.find((space) => space.space_name === 'new_space')?.space_size ?? 0) / 1024),
    heapSpacesKiB: Math.round(spaces.reduce((sum, space) => sum + space.space_size, 0) / 1024),
    fds: readdirSync('/proc/self/fd').length,
    openSockets: await new Promise<number>((resolve, reject) => server.http.getConnections((err, n) => (err ? reject(err) : resolve(n)))),
    websockets: server.wss.clients.size,
    rooms,
    connections,
    metricSeries: server.services.metrics.render().split('\n').filter((line) => line !== '' && !line.startsWith('#')).length,
    workspaces: server.services.registry.list().length,
    docFiles: readdirSync(join(dataDir, 'docs')).length,
    httpListeners: listeners(server.http),
    wssListeners: listeners(server.wss),
    resources,
  }
}

process.on('message', (message: unknown) => {
  if (message === 'measure') void measure().then((measured) => send({ measured }))
  if (message === 'stop') void server.stop().then(() => process.exit(0))
})
send({ ready: true, url: server.url, secret: server.services.secret, dataDir })
