/**
 * @module A throwaway PostgreSQL server for tests: `initdb` into a temp folder, `postgres` on a free
 * port of 127.0.0.1 with fsync off, one database per caller, stopped at the end (and killed with
 * its process group if the test process dies first). Suites call `findPostgres()` and skip without
 * binaries, unless ROUNDTABLE_SCALE_TESTS=require, which makes them fail instead.
 */
import { spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { chmod, chown, mkdtemp, readFile, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'

/** The one variable that says the scale suites (PostgreSQL, Redis) must run, not skip. */
export const SCALE_TESTS_ENV = 'ROUNDTABLE_SCALE_TESTS'

export function scaleTestsRequired(): boolean {
  return process.env[SCALE_TESTS_ENV] === 'require'
}

export interface PostgresBinaries {
  /** Folder holding initdb and postgres. */
  readonly bin: string
}

/** Where initdb and postgres are: /usr/local/bin, Debian's /usr/lib/postgresql/<ver>/bin, PATH. */
export function findPostgres(): PostgresBinaries | null {
  const debian = '/usr/lib/postgresql'
  const versions = existsSync(debian) ? readdirSync(debian).sort((a, b) => Number(b) - Number(a)) : []
  const dirs = ['/usr/local/bin', ...versions.map((v) => join(debian, v, 'bin')), ...(process.env.PATH ?? '').split(':').filter(Boolean)]
  const bin = dirs.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'postgres')))
  return bin === undefined ? null : { bin }
}

/** Why a scale suite cannot run here, for a suite that must (see scaleTestsRequired). */
export const NO_POSTGRES =
  'PostgreSQL binaries (initdb, postgres) not found in /usr/local/bin, /usr/lib/postgresql/*/bin or PATH: apt-get install -y postgresql'

export interface TestPostgres {
  readonly port: number
  /** A new empty database; returns its URL. */
  createDatabase(name: string): Promise<string>
  /** Fast shutdown (connections are cut) and start again on the same port and data. */
  restart(): Promise<void>
  /** Stops the server (fast shutdown) without starting it again. */
  stopServer(): Promise<void>
  /** Starts a stopped server again. */
  startServer(): Promise<void>
  /** Stops the server and removes its folder. */
  stop(): Promise<void>
}

const running = new Set<ChildProcess>()
let exitHook = false

/** Starts a server from `binaries` (default: findPostgres()); throws if there is none. */
export async function startPostgres(binaries: PostgresBinaries | null = findPostgres()): Promise<TestPostgres> {
  if (binaries === null) throw new Error(NO_POSTGRES)
  const root = await mkdtemp(join(tmpdir(), 'roundtable-pg-'))
  const dataDir = join(root, 'data')
  const socketDir = join(root, 'sock')
  // PostgreSQL refuses to run as root: as root, run it as the `postgres` user, owner of the folder.
  const asRoot = process.getuid?.() === 0
  const user = asRoot ? userIds('postgres') : null
  const wrap = (cmd: string, args: string[]): [string, string[]] => (asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args])
  await chmod(root, 0o755)
  if (user !== null) await chown(root, user.uid, user.gid)
  const [initCmd, initArgs] = wrap(join(binaries.bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  const init = spawnSync(initCmd, initArgs, { encoding: 'utf8' })
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout || init.error?.message}`)
  const mkSock = spawnSync(...wrap('mkdir', ['-p', socketDir]))
  if (mkSock.status !== 0) throw new Error(`cannot create ${socketDir}`)

  const port = await freePort()
  let server: ChildProcess | null = null

  const startServer = async () => {
    const [cmd, args] = wrap(join(binaries.bin, 'postgres'), ['-D', dataDir, '-p', String(port), '-k', socketDir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=on', '-c', 'max_connections=100'])
    // Its own process group, so that the exit hook can kill it with every backend it forked.
    const child = spawn(cmd, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)))
    running.add(child)
    child.once('exit', () => running.delete(child))
    server = child
    installExitHook()
    const deadline = Date.now() + 20_000
    for (;;) {
      if (child.exitCode !== null) throw new Error(`postgres exited with ${child.exitCode}: ${stderr}`)
      if (await accepts(port)) return
      if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 20 s: ${stderr}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  const stopServer = async () => {
    const child = server
    if (child === null || child.exitCode !== null) return
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
    // SIGINT to the postmaster: fast shutdown, every connection cut (what a restart does to clients).
    const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0])
    if (pid > 0) process.kill(pid, 'SIGINT')
    else killGroup(child, 'SIGKILL')
    const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000)
    await exited
    clearTimeout(timer)
    server = null
  }

  await startServer()
  return {
    port,
    async createDatabase(name) {
      const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' })
      await admin.connect()
      try {
        await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)
      } finally {
        await admin.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${encodeURIComponent(name)}`
    },
    async restart() {
      await stopServer()
      await startServer()
    },
    stopServer,
    startServer,
    async stop() {
      await stopServer()
      await rm(root, { recursive: true, force: true })
    },
  }
}

function userIds(name: string): { uid: number; gid: number } {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' })
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' })
  if (uid.status !== 0 || gid.status !== 0) throw new Error(`running as root needs a user "${name}" to run postgres as`)
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid !== undefined) process.kill(-child.pid, signal)
  } catch {
    // already gone
  }
}

function installExitHook(): void {
  if (exitHook) return
  exitHook = true
  process.once('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL')
  })
}

async function accepts(port: number): Promise<boolean> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres', connectionTimeoutMillis: 1_000 })
  client.on('error', () => {})
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => {})
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => (typeof address === 'object' && address !== null ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** One server per test file, started when first asked for, stopped after the file's tests. */
export interface PostgresForFile {
  /** True when the file's PostgreSQL suites should be skipped (no binaries, not required). */
  readonly skip: boolean
  server(): Promise<TestPostgres>
  /** A new empty database on the file's server, named `<prefix>_<n>`. */
  database(prefix?: string): Promise<string>
}

/** Call at the top of a test file; pass vitest's `afterAll` (helpers do not import vitest). */
export function postgresForFile(afterAll: (fn: () => Promise<void>) => void): PostgresForFile {
  const binaries = findPostgres()
  let started: Promise<TestPostgres> | undefined
  let count = 0
  afterAll(async () => {
    if (started !== undefined) await (await started).stop()
  })
  const server = () => (started ??= startPostgres(binaries))
  return {
    skip: binaries === null && !scaleTestsRequired(),
    server,
    async database(prefix = 'test') {
      return (await server()).createDatabase(`${prefix}_${++count}`)
    },
  }
}
