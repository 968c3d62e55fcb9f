/**
 * @module A throwaway redis-server for the multi-instance tests: its own temp directory, a free
 * port on 127.0.0.1, nothing saved to disk; it can be stopped and started again on the same port
 * (a Redis outage) and is killed at the end.
 */
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer, connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { waitFor } from './waitFor.ts'

/** The redis-server binary on PATH, or null. */
export function findRedisServer(): string | null {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' })
  const path = found.stdout.trim()
  return found.status === 0 && path !== '' ? path : null
}

export interface RedisServer {
  readonly url: string
  readonly port: number
  /** Kills it (SIGKILL: an outage, not a shutdown) and waits for the port to close. */
  stop(): Promise<void>
  /** Starts it again on the same port (empty: nothing is saved) and waits for PING. */
  start(): Promise<void>
  /** Stops it and removes its directory. */
  dispose(): Promise<void>
}

export async function startRedisServer(bin = findRedisServer()): Promise<RedisServer> {
  if (bin === null) throw new Error('redis-server is not installed (apt-get install -y redis-server)')
  const dir = await mkdtemp(join(tmpdir(), 'roundtable-redis-'))
  const port = await freePort()
  let child: ChildProcess | null = null
  let exited: Promise<void> = Promise.resolve()
  let output = ''

  const start = async () => {
    output = ''
    const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
    child = proc
    proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    let gone = false
    exited = new Promise((resolve) => proc.once('close', () => resolve()))
    void exited.then(() => (gone = true))
    let answered = false
    let pinging = false
    await waitFor(() => {
      if (!answered && !gone && !pinging) {
        pinging = true
        void ping(port).then((ok) => {
          answered ||= ok
          pinging = false
        })
      }
      return answered || gone
    }, `redis-server on port ${port} to answer PING`, 15_000)
    if (!answered) throw new Error(`redis-server did not start:\n${output}`)
  }
  const stop = async () => {
    child?.kill('SIGKILL')
    await exited
    child = null
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop,
    start,
    dispose: async () => {
      await stop()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** True when a PING on `port` gets +PONG within a second. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    let reply = ''
    const done = (ok: boolean) => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(1_000, () => done(false))
    socket.on('error', () => done(false))
    socket.on('connect', () => socket.write('PING\r\n'))
    socket.on('data', (chunk) => {
      reply += chunk.toString()
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'))
    })
  })
}

/** A port the OS says is free now (redis-server takes no port 0). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}
