/**
 * The real server on 127.0.0.1:0, and 10,000 upgrade requests it refuses, from clients that behave
 * like a hostile probe: raw sockets that read the answer and never close their side. Nothing may
 * stay behind: no socket, room, metric series, listener or file per attempt. Counted, not timed.
 */
import { request } from 'node:http'
import type { Server } from 'node:http'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { signToken } from '../../../server/auth/tokens.ts'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import { Role } from '../../../shared/protocol/index.ts'

const ATTEMPTS = 10_000
const BATCH = 500
/**
 * An attempt the server never answers counts as status 0 after this long: far more than an answer
 * takes, even on a loaded machine where a dropped SYN is resent after 1 s and again after 3.
 */
const ANSWER_TIMEOUT_MS = 15_000
const SETTLE_TIMEOUT_MS = 5_000

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }

/** One way to be refused: the request's path and Upgrade value, and the status expected. */
interface Kind {
  readonly name: string
  readonly path: (i: number) => string
  readonly upgrade?: string
  /** Send no Sec-WebSocket-Key: the route accepts, ws refuses the handshake. */
  readonly noKey?: boolean
  readonly status: number
}

let dataDir: string
let server: RunningServer
let workspace: Created

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'roundtable-refused-'))
  const config = readConfig({ PORT: '0', DATA_DIR: dataDir })
  server = await startServer(config, { log: () => {}, demo: false, serveClient: false })
  workspace = await createWorkspace()
})

afterEach(async () => {
  await server.stop()
  await rm(dataDir, { recursive: true, force: true })
})

function kinds(): Kind[] {
  const { secret } = server.services
  const w = workspace
  const unknownToken = (id: string) => signToken(secret, { workspaceId: id, role: Role.Editor, version: 1 })
  return [
    { name: 'unknown workspace, signed token', path: (i) => `/sync/gone-${i}?token=${unknownToken(`gone-${i}`)}`, status: 404 },
    { name: 'unknown workspace, garbage token', path: (i) => `/sync/nope-${i}?token=garbage.${i}`, status: 401 },
    { name: 'no token', path: (i) => `/sync/nope-${i}`, status: 401 },
    { name: "another workspace's token", path: (i) => `/sync/nope-${i}?token=${w.tokens.owner}`, status: 401 },
    { name: 'bad workspace id', path: (i) => `/sync/bad.id.${i}?token=${w.tokens.owner}`, status: 400 },
    { name: 'no such route', path: (i) => `/api/nothing-${i}`, status: 404 },
    { name: 'not a websocket upgrade', path: () => `/sync/${w.id}?token=${w.tokens.editor}`, upgrade: 'h2c', status: 400 },
    { name: 'handshake ws refuses', path: () => `/sync/${w.id}?token=${w.tokens.editor}`, noKey: true, status: 400 },
  ]
}

async function createWorkspace(): Promise<Created> {
  // No keep-alive (agent: false): the server's open sockets start at zero.
  const body = await new Promise<string>((resolve, reject) => {
    const req = request(`${server.url}/api/workspaces`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      res.on('end', () => (res.statusCode === 201 ? resolve(text) : reject(new Error(`${res.statusCode}: ${text}`))))
    })
    req.on('error', reject)
    req.end(JSON.stringify({ name: 'Acme' }))
  })
  return JSON.parse(body) as Created
}

/**
 * Sends an upgrade request on a raw socket that keeps its side open (allowHalfOpen, never ends):
 * resolves with the answer's status (0 if none came) and the socket, for the caller to destroy.
 */
function attempt(kind: Kind, i: number): Promise<{ status: number; socket: Socket }> {
  const { port } = new URL(server.url)
  const socket = connect({ host: '127.0.0.1', port: Number(port), allowHalfOpen: true })
  return new Promise((resolve) => {
    let head = ''
    const done = (status: number) => {
      clearTimeout(timer)
      socket.removeAllListeners('data')
      resolve({ status, socket })
    }
    const timer = setTimeout(() => done(0), ANSWER_TIMEOUT_MS)
    socket.on('error', () => done(-1))
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1')
      if (head.includes('\r\n\r\n')) done(Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? -2))
    })
    socket.write(
      `GET ${kind.path(i)} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: ${kind.upgrade ?? 'websocket'}\r\n` +
        `Sec-WebSocket-Version: 13\r\n${kind.noKey === true ? '' : 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n'}\r\n`,
    )
  })
}

function openConnections(http: Server): Promise<number> {
  return new Promise((resolve, reject) => http.getConnections((err, count) => (err ? reject(err) : resolve(count))))
}

/** Polls `read` until it returns `target` or the deadline passes; returns the last value read. */
async function settle<T>(read: () => Promise<T>, target: T): Promise<T> {
  const deadline = Date.now() + SETTLE_TIMEOUT_MS
  let value = await read()
  while (value !== target && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    value = await read()
  }
  return value
}

function listenerCounts(emitter: NodeJS.EventEmitter): Record<string, number> {
  return Object.fromEntries(emitter.eventNames().map((name) => [String(name), emitter.listenerCount(name)]))
}

/** Everything a refused attempt could leave behind, as numbers. */
async function structures() {
  const tcp = process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap').length
  return {
    openSockets: await openConnections(server.http),
    tcpHandles: tcp,
    websockets: server.wss.clients.size,
    rooms: server.rooms.stats(),
    metricSeries: server.services.metrics.render().split('\n').filter((line) => line !== '' && !line.startsWith('#')).length,
    workspaces: server.services.registry.list().length,
    docFiles: (await readdir(join(dataDir, 'docs'))).length,
    httpListeners: listenerCounts(server.http),
    wssListeners: listenerCounts(server.wss),
  }
}

describe('refused upgrades', () => {
  it('10,000 refused upgrades from clients that never close leave nothing behind', async () => {
    const all = kinds()
    const tcpHandles = async () => (await structures()).tcpHandles
    expect(await settle(tcpHandles, 0), "the set-up request's socket closed").toBe(0)
    const baseline = await structures()
    expect(baseline.openSockets).toBe(0)
    const statuses = new Map<string, Map<number, number>>(all.map((k) => [k.name, new Map()]))
    for (let start = 0; start < ATTEMPTS; start += BATCH) {
      const answers = await Promise.all(
        Array.from({ length: BATCH }, (_, j) => {
          const kind = all[(start + j) % all.length]!
          return attempt(kind, start + j).then((answer) => ({ kind, ...answer }))
        }),
      )
      for (const { kind, status } of answers) {
        const counts = statuses.get(kind.name)!
        counts.set(status, (counts.get(status) ?? 0) + 1)
      }
      // The clients still hold their sockets: the server must have let go of its ends anyway.
      const open = await settle(() => openConnections(server.http), baseline.openSockets)
      for (const { socket } of answers) socket.destroy()
      expect(open, `server sockets still open after the batch at ${start}, its clients holding theirs`).toBe(baseline.openSockets)
    }
    const perKind = ATTEMPTS / all.length
    expect(Object.fromEntries([...statuses].map(([name, counts]) => [name, Object.fromEntries(counts)]))).toEqual(
      Object.fromEntries(all.map((k) => [k.name, { [k.status]: perKind }])),
    )
    expect(await settle(tcpHandles, baseline.tcpHandles), 'every socket of the test closed').toBe(baseline.tcpHandles)
    expect(await structures()).toEqual(baseline)
  }, 180_000)
})
