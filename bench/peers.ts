/**
 * @module The three servers the benchmark compares, each started fresh as its own process on
 * 127.0.0.1 and stopped by pid: Roundtable through its real entry (`node
 * --enable-source-maps dist/server.mjs`, the bundle `npm start` builds and runs) on an empty DATA_DIR, the yjs 13 reference server
 * (`@y/websocket-server` 0.1.1, its own bin) and Hocuspocus' Server with no extensions.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startArgs } from '../server/bundleServer.ts'
import { Framing } from './load/BenchClient.ts'
import type { RoomAddress } from './load/BenchClient.ts'

export const PeerKind = {
  Roundtable: 'roundtable',
  Reference: 'reference',
  Hocuspocus: 'hocuspocus',
} as const
export type PeerKind = (typeof PeerKind)[keyof typeof PeerKind]

export const PEER_LABEL: Readonly<Record<PeerKind, string>> = {
  [PeerKind.Roundtable]: 'Roundtable',
  [PeerKind.Reference]: 'reference (@y/websocket-server 0.1.1)',
  [PeerKind.Hocuspocus]: 'Hocuspocus (@hocuspocus/server 3.4.4)',
}

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const HOST = '127.0.0.1'
const START_TIMEOUT_MS = 30_000
const STOP_TIMEOUT_MS = 8_000

export interface StartOptions {
  /** Extra environment (ROUNDTABLE_* limits). */
  readonly env?: Readonly<Record<string, string>>
  /** Roundtable: reuse this DATA_DIR (a restart after a kill); default a fresh empty one. */
  readonly dataDir?: string
  /** Listen on this port (a restart); default a free one. */
  readonly port?: number
  /** Extra node flags for the server process, e.g. `--cpu-prof`. */
  readonly nodeFlags?: readonly string[]
  /** Roundtable: serve this built client (the client scenario); default a stub `index.html`. */
  readonly clientDir?: string
}

export class PeerProcess {
  readonly kind: PeerKind
  readonly pid: number
  readonly port: number
  /** Node's inspector port, opened only when the harness sends SIGUSR1 (see collectGarbage). */
  readonly inspectPort: number
  /** Where this run keeps its files (Roundtable's DATA_DIR is `dir/data`); removed by `cleanup`. */
  readonly dir: string
  readonly dataDir: string
  readonly logFile: string
  readonly exited: Promise<number | null>
  readonly #child: ChildProcess
  #exitCode: number | null | undefined

  private constructor(kind: PeerKind, child: ChildProcess, port: number, inspectPort: number, dir: string, dataDir: string, logFile: string) {
    this.kind = kind
    this.inspectPort = inspectPort
    this.#child = child
    this.pid = child.pid!
    this.port = port
    this.dir = dir
    this.dataDir = dataDir
    this.logFile = logFile
    this.exited = new Promise((resolvePromise) => {
      child.once('exit', (code, signal) => {
        this.#exitCode = code ?? (signal === null ? null : -1)
        resolvePromise(this.#exitCode)
      })
    })
  }

  get alive(): boolean {
    return this.#exitCode === undefined
  }

  get url(): string {
    return `http://${HOST}:${this.port}`
  }

  static async start(kind: PeerKind, options: StartOptions = {}): Promise<PeerProcess> {
    const dir = options.dataDir === undefined ? mkdtempSync(join(tmpdir(), `rt-bench-${kind}-`)) : resolve(options.dataDir, '..')
    const dataDir = options.dataDir ?? join(dir, 'data')
    const port = options.port ?? (await freePort())
    const logFile = join(dir, `${kind}-${port}-${Date.now()}.log`)
    const env: Record<string, string> = { ...cleanEnv(), HOST, PORT: String(port), ...options.env }
    const inspectPort = await freePort()
    const flags = [`--inspect-port=${HOST}:${inspectPort}`, ...(options.nodeFlags ?? [])]
    let args: string[]
    switch (kind) {
      case PeerKind.Roundtable: {
        const clientDir = options.clientDir ?? join(dir, 'client')
        if (options.clientDir === undefined) {
          mkdirSync(clientDir, { recursive: true })
          writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>bench stub</title>\n')
        }
        env.DATA_DIR = dataDir
        env.CLIENT_DIR = clientDir
        args = [...flags, ...(await startArgs())]
        break
      }
      case PeerKind.Reference:
        args = [...flags, 'node_modules/@y/websocket-server/src/server.js']
        break
      case PeerKind.Hocuspocus:
        args = [...flags, 'bench/peers/hocuspocusServer.mjs']
        break
      default:
        return unknownPeer(kind)
    }
    const out = openSync(logFile, 'a')
    // Through a shell only to raise the open-files limit to the hard limit; `exec` keeps the pid.
    const child = spawn('/bin/sh', ['-c', 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"', 'sh', process.execPath, ...args], {
      cwd: ROOT,
      env,
      stdio: ['ignore', out, out],
    })
    closeSync(out)
    const peer = new PeerProcess(kind, child, port, inspectPort, dir, dataDir, logFile)
    try {
      await peer.#waitReady()
    } catch (err) {
      await peer.stop()
      throw new Error(`${kind} did not start: ${(err as Error).message}\n${peer.logTail()}`, { cause: err })
    }
    return peer
  }

  /**
   * Rooms for `count` documents. Roundtable's are workspaces created through `POST /api/workspaces`
   * and joined with their editor token; the others' are names in the URL or the frames.
   */
  async createRooms(count: number, prefix: string): Promise<RoomAddress[]> {
    const names = Array.from({ length: count }, (_, i) => `${prefix}-${i}`)
    switch (this.kind) {
      case PeerKind.Roundtable: {
        const rooms: RoomAddress[] = new Array(count)
        // A few at a time: creating a workspace writes and fsyncs its files.
        let next = 0
        const worker = async () => {
          while (next < count) {
            const i = next++
            rooms[i] = await this.#createWorkspace(names[i]!)
          }
        }
        await Promise.all(Array.from({ length: Math.min(4, count) }, worker))
        return rooms
      }
      case PeerKind.Reference:
        return names.map((name) => ({ url: `ws://${HOST}:${this.port}/${name}`, docName: name, framing: Framing.YWebsocket }))
      case PeerKind.Hocuspocus:
        return names.map((name) => ({ url: `ws://${HOST}:${this.port}/${name}`, docName: name, framing: Framing.Hocuspocus }))
      default:
        return unknownPeer(this.kind)
    }
  }

  /** SIGKILL, as a crash. Resolves once the process is gone. */
  async kill(): Promise<void> {
    if (this.alive) this.#child.kill('SIGKILL')
    await this.exited
  }

  /** SIGTERM (a clean stop), then SIGKILL if it takes too long. Idempotent. */
  async stop(): Promise<void> {
    if (!this.alive) return
    this.#child.kill('SIGTERM')
    const timer = setTimeout(() => {
      if (this.alive) this.#child.kill('SIGKILL')
    }, STOP_TIMEOUT_MS)
    await this.exited
    clearTimeout(timer)
  }

  /** Removes this run's files (the process must be stopped). */
  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true })
  }

  logTail(lines = 20): string {
    try {
      return readFileSync(this.logFile, 'utf8').split('\n').slice(-lines).join('\n')
    } catch {
      return ''
    }
  }

  /** Lines the server logged (Roundtable logs every refused connection there). */
  log(): string {
    try {
      return readFileSync(this.logFile, 'utf8')
    } catch {
      return ''
    }
  }

  async #createWorkspace(name: string): Promise<RoomAddress> {
    const response = await fetch(`${this.url}/api/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    })
    if (response.status !== 201) throw new Error(`POST /api/workspaces answered ${response.status}: ${await response.text()}`)
    const body = (await response.json()) as { id: string; tokens: { editor: string } }
    return {
      url: `ws://${HOST}:${this.port}/sync/${body.id}?token=${encodeURIComponent(body.tokens.editor)}`,
      docName: body.id,
      framing: Framing.YWebsocket,
    }
  }

  async #waitReady(): Promise<void> {
    const deadline = performance.now() + START_TIMEOUT_MS
    const probe = this.kind === PeerKind.Roundtable ? '/healthz' : '/'
    while (performance.now() < deadline) {
      if (!this.alive) throw new Error(`exited with ${this.#exitCode}`)
      // Roundtable prints its listening line once the first start's demo workspace exists.
      const logged = this.kind !== PeerKind.Roundtable || this.log().includes('Roundtable listening on')
      if (logged) {
        try {
          const response = await fetch(`${this.url}${probe}`, { signal: AbortSignal.timeout(1_000) })
          await response.arrayBuffer()
          if (response.ok) return
        } catch {
          // Not listening yet.
        }
      }
      await sleep(50)
    }
    throw new Error(`not ready after ${START_TIMEOUT_MS} ms`)
  }
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, HOST, () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolvePromise(port))
    })
  })
}

/** The environment without this process' own loader flags, so each server starts as its own. */
function cleanEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value === undefined || key === 'NODE_OPTIONS' || key.startsWith('ROUNDTABLE_')) continue
    env[key] = value
  }
  return env
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolvePromise) => setTimeout(resolvePromise, ms))
}

function unknownPeer(kind: never): never {
  throw new Error(`unknown peer ${String(kind)}`)
}
