/**
 * @module A development probe, not part of the suite: N websocket upgrades the server refuses, and
 * what the server keeps for them. Starts the real server in its own process (countingServer.ts,
 * --expose-gc), warms it up, then sends the upgrades from raw sockets in parallel batches and prints
 * the server's VmRSS and heap after a full GC and the size of every structure that could keep
 * something per attempt (sockets, fds, rooms, metric series, listeners, files), before and after.
 *
 *   node --import tsx bench/probes/refusedUpgradesProbe.ts [attempts=6000] [close|hold] [websocket|all]
 *
 * `close`: each client closes once it has read the answer. `hold`: each keeps its side open (a
 * hostile client) until all attempts are done; measured while they hold, then after they close.
 * `websocket`: unknown workspaces with a signed token (404) and with a garbage token (401). `all`:
 * also no token, another workspace's token, a bad id, a path that is not /sync, an upgrade to a
 * protocol other than websocket, and a handshake ws refuses. BATCH=200 attempts at a time;
 * ROUNDS=n repeats the attempts n times (`close` only), measuring after each round: memory that
 * grows per attempt keeps growing, a high-water mark or a warm-up does not. NODE_FLAGS="..."
 * passes node flags to the server (e.g. --max-semi-space-size=1).
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { connect } from 'node:net'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { signToken } from '../../server/auth/tokens.ts'
import { Role } from '../../shared/protocol/index.ts'
import { openFileLimits } from '../proc.ts'
import type { Measurement, ServerMessage } from './countingServer.ts'
import { rssByMapping } from './rssByMapping.ts'

const [attemptsArg = '6000', mode = 'close', kindsArg = 'websocket'] = process.argv.slice(2)
const attempts = Number(attemptsArg)
const batch = Number(process.env.BATCH ?? 200)
const rounds = Number(process.env.ROUNDS ?? 1)
if (mode !== 'close' && mode !== 'hold') throw new Error(`mode is close or hold, not ${mode}`)
if (kindsArg !== 'websocket' && kindsArg !== 'all') throw new Error(`kinds are websocket or all, not ${kindsArg}`)
if (mode === 'hold' && openFileLimits().soft < attempts + 200) throw new Error(`hold needs ${attempts + 200} open files here: raise ulimit -n`)

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const ANSWER_TIMEOUT_MS = 3_000

interface Kind {
  readonly name: string
  readonly path: (i: number) => string
  readonly upgrade?: string
  readonly noKey?: boolean
}

const dir = mkdtempSync(join(tmpdir(), 'rt-refused-'))
const child = spawn('/bin/sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', 'sh', process.execPath, ...(process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean), '--expose-gc', '--import', 'tsx', 'bench/probes/countingServer.ts', join(dir, 'data')], {
  cwd: ROOT,
  env: Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_OPTIONS' && !key.startsWith('ROUNDTABLE_'))),
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
})
const messages: ServerMessage[] = []
let waiting: (() => void) | null = null
child.on('message', (message: ServerMessage) => {
  messages.push(message)
  waiting?.()
})

async function next(): Promise<ServerMessage> {
  while (messages.length === 0) await new Promise<void>((resolve) => (waiting = resolve))
  waiting = null
  return messages.shift()!
}

/** The server's measurement, and its resident memory by mapping: [heap] is malloc's, [anon] mostly V8's. */
async function measure(): Promise<Measurement & { mallocKiB: number; anonKiB: number }> {
  child.send('measure')
  const message = await next()
  if (!('measured' in message)) throw new Error('expected a measurement')
  const mappings = rssByMapping(child.pid!)
  return { ...message.measured, mallocKiB: mappings.get('[heap]') ?? 0, anonKiB: mappings.get('[anon]') ?? 0 }
}

try {
  const ready = await next()
  if (!('ready' in ready)) throw new Error('expected the server to be ready')
  const { port } = new URL(ready.url)
  const workspace = await createWorkspace(ready.url)
  const signed = (id: string) => signToken(ready.secret, { workspaceId: id, role: Role.Editor, version: 1 })
  const kinds: Kind[] = [
    { name: '404 unknown workspace, signed token', path: (i) => `/sync/gone-${i}?token=${signed(`gone-${i}`)}` },
    { name: '401 unknown workspace, garbage token', path: (i) => `/sync/nope-${i}?token=garbage.${i}` },
  ]
  if (kindsArg === 'all') {
    kinds.push(
      { name: '401 no token', path: (i) => `/sync/nope-${i}` },
      { name: "401 another workspace's token", path: (i) => `/sync/nope-${i}?token=${workspace.owner}` },
      { name: '400 bad workspace id', path: (i) => `/sync/bad.id.${i}?token=${workspace.owner}` },
      { name: '404 no such route', path: (i) => `/api/nothing-${i}` },
      { name: '400 Upgrade: h2c (not websocket)', path: () => `/sync/${workspace.id}?token=${workspace.editor}`, upgrade: 'h2c' },
      { name: '400 handshake ws refuses (no key)', path: () => `/sync/${workspace.id}?token=${workspace.editor}`, noKey: true },
    )
  }

  const statuses = new Map<string, Map<number, number>>(kinds.map((k) => [k.name, new Map()]))
  const held: Socket[] = []
  const run = async (from: number, count: number, hold: boolean) => {
    for (let start = from; start < from + count; start += batch) {
      const size = Math.min(batch, from + count - start)
      const answers = await Promise.all(
        Array.from({ length: size }, (_, j) => {
          const kind = kinds[(start + j) % kinds.length]!
          return attempt(Number(port), kind, start + j, hold).then((answer) => ({ kind, ...answer }))
        }),
      )
      for (const { kind, status, socket } of answers) {
        const counts = statuses.get(kind.name)!
        counts.set(status, (counts.get(status) ?? 0) + 1)
        if (hold) held.push(socket)
        else socket.destroy()
      }
    }
  }

  await run(0, 400, false)
  await new Promise((resolve) => setTimeout(resolve, 500))
  statuses.forEach((counts) => counts.clear())
  const before = await measure()
  const rows: [string, typeof before][] = [['before', before]]
  for (let round = 0; round < (mode === 'hold' ? 1 : rounds); round++) {
    await run(1_000 + round * attempts, attempts, mode === 'hold')
    await new Promise((resolve) => setTimeout(resolve, 500))
    rows.push([mode === 'hold' ? 'after, clients holding' : rounds > 1 ? `after ${(round + 1) * attempts}` : 'after', await measure()])
  }
  if (mode === 'hold') {
    for (const socket of held.splice(0)) socket.destroy()
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    rows.push(['after the clients closed', await measure()])
  }

  console.log(`${attempts}${rounds > 1 && mode === 'close' ? ` x ${rounds}` : ''} refused upgrades, clients ${mode === 'hold' ? 'holding their side' : 'closing'}, kinds ${kindsArg}, ${batch} at a time`)
  for (const [name, counts] of statuses) console.log(`  ${name}: ${[...counts].map(([status, n]) => `${n} x ${status === 0 ? 'no answer' : status}`).join(', ')}`)
  const fields = ['rssKiB', 'mallocKiB', 'anonKiB', 'heapUsedKiB', 'newSpaceKiB', 'heapSpacesKiB', 'externalKiB', 'fds', 'openSockets', 'websockets', 'rooms', 'connections', 'metricSeries', 'workspaces', 'docFiles', 'httpListeners', 'wssListeners'] as const
  console.log(`  ${'field'.padEnd(14)}${rows.map(([name]) => name.padStart(26)).join('')}`)
  for (const field of fields) {
    const cells = rows.map(([, m], i) => {
      const delta = i === 0 ? '' : ` (${m[field] - before[field] >= 0 ? '+' : ''}${m[field] - before[field]})`
      return `${m[field]}${delta}`.padStart(26)
    })
    console.log(`  ${field.padEnd(14)}${cells.join('')}`)
  }
  for (const [name, m] of rows) console.log(`  resources ${name}: ${JSON.stringify(m.resources)}`)
} finally {
  if (child.exitCode === null) {
    child.send('stop')
    const exited = new Promise((resolve) => child.once('exit', resolve))
    const timer = setTimeout(() => child.kill('SIGKILL'), 8_000)
    await exited
    clearTimeout(timer)
  }
  rmSync(dir, { recursive: true, force: true })
}

async function createWorkspace(url: string): Promise<{ id: string; owner: string; editor: string }> {
  const body = await new Promise<string>((resolve, reject) => {
    const req = request(`${url}/api/workspaces`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
      res.on('end', () => (res.statusCode === 201 ? resolve(text) : reject(new Error(`${res.statusCode}: ${text}`))))
    })
    req.on('error', reject)
    req.end(JSON.stringify({ name: 'probe' }))
  })
  const { id, tokens } = JSON.parse(body) as { id: string; tokens: { owner: string; editor: string } }
  return { id, owner: tokens.owner, editor: tokens.editor }
}

/** One upgrade request on a raw socket; resolves with the answer's status (0: none came). */
function attempt(port: number, kind: Kind, i: number, hold: boolean): Promise<{ status: number; socket: Socket }> {
  const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: hold })
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
