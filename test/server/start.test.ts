/** Boots the real server as a child process on a free port, as `npm start` would: its bundle of server/main.ts. */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { startArgs } from '../../server/bundleServer.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const LISTENING = /^Roundtable listening on (http:\/\/127\.0\.0\.1:(\d+))$/m
const DEADLINE_MS = 15_000

interface Started {
  readonly child: ChildProcess
  /** Everything the child printed so far. */
  readonly output: () => { stdout: string; stderr: string }
  /** Resolves with the exit code (or the signal name) once the child has exited. */
  readonly exited: Promise<number | string>
}

/** node's arguments for the server, set before the first test (building the bundle is async). */
let args: string[] = []

function start(env: Record<string, string>): Started {
  const { ROUNDTABLE_SECRET: _unused, ...inherited } = process.env
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'))
  })
  return { child, output: () => ({ stdout, stderr }), exited }
}

/** Waits until `check` returns a value, failing with the child's output after the deadline. */
async function waitFor<T>(started: Started, check: () => T | undefined, what: string): Promise<T> {
  const deadline = Date.now() + DEADLINE_MS
  let exitedEarly = false
  void started.exited.then(() => (exitedEarly = true))
  for (;;) {
    const value = check()
    if (value !== undefined) return value
    if (exitedEarly || Date.now() > deadline) {
      const { stdout, stderr } = started.output()
      throw new Error(`no ${what} (${exitedEarly ? 'child exited' : 'timed out'})\n${stdout}\n${stderr}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

describe('npm start (server/main.ts)', () => {
  beforeAll(async () => {
    args = await startArgs()
  })

  let dir: string
  let running: Started | undefined

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'roundtable-start-'))
    mkdirSync(join(dir, 'client'))
    writeFileSync(join(dir, 'client', 'index.html'), '<!doctype html><title>Roundtable test page</title>')
  })

  afterEach(async () => {
    if (running && running.child.exitCode === null && running.child.signalCode === null) {
      running.child.kill('SIGKILL')
      await running.exited
    }
    running = undefined
    rmSync(dir, { recursive: true, force: true })
  })

  it('listens on the printed port, serves health and the page, and exits 0 on SIGTERM', async () => {
    const dataDir = join(dir, 'data', 'nested')
    running = start({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: join(dir, 'client') })
    const server = running
    const [, base] = await waitFor(server, () => LISTENING.exec(server.output().stdout) ?? undefined, 'listening line')

    expect(existsSync(dataDir)).toBe(true)

    const health = await fetch(`${base}/healthz`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ ok: true })

    const page = await fetch(`${base}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await page.text()).toContain('Roundtable test page')

    const deepLink = await fetch(`${base}/w/demo/board`)
    expect(await deepLink.text()).toContain('Roundtable test page')

    const missing = await fetch(`${base}/api/nope`)
    expect(missing.status).toBe(404)
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } })

    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    expect(server.output().stderr).toBe('')
  })

  it('refuses a second server on the same DATA_DIR with a clear message, and the first keeps running', async () => {
    const env = { PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dir, 'data'), CLIENT_DIR: join(dir, 'client') }
    const first = start(env)
    running = first
    const url = await waitFor(first, () => LISTENING.exec(first.output().stdout)?.[1], 'listening line')
    const second = start(env)
    expect(await second.exited).toBe(1)
    expect(second.output().stderr).toMatch(/^Roundtable: .*data.* is in use by process \d+: one server per data directory/m)
    expect(second.output().stderr).not.toMatch(/^\s+at /m)
    expect((await fetch(`${url}/healthz`)).status).toBe(200)
  })

  it('refuses a bad PORT with a clear message, exit code 1 and no stack trace', async () => {
    running = start({ PORT: 'eighty', DATA_DIR: join(dir, 'data'), CLIENT_DIR: join(dir, 'client') })
    expect(await running.exited).toBe(1)
    const { stdout, stderr } = running.output()
    expect(stderr).toContain('PORT must be a whole number from 0 to 65535')
    expect(stderr).not.toMatch(/^\s+at /m)
    expect(stdout).toBe('')
  })
})
