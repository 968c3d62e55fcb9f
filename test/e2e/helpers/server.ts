/**
 * @module Runs the real server (the bundle of server/main.ts, as `npm start` does) as a child
 * process on a free port with a fresh DATA_DIR, serving the client that globalSetup built into
 * dist/e2e-client. For restart tests, a server can also be started on a given port with a
 * DATA_DIR the caller owns (see `makeDataDir`), which then outlives the server.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startArgs } from '../../../server/bundleServer.ts'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
/** The e2e suites' own production build of the client (globalSetup.ts), the server's CLIENT_DIR. */
export const E2E_CLIENT_DIR = join(ROOT, 'dist', 'e2e-client')
const LISTENING = /^Roundtable listening on (http:\/\/\S+)$/m

/** Starting takes well under a second; this covers a loaded CI machine. */
const START_DEADLINE_MS = 30_000
/** The server gives open connections 3 s after SIGTERM; past this it is killed. */
const STOP_DEADLINE_MS = 5_000

export interface StartOptions {
  /** The TCP port; default 0 (a free port, read back from the listening line). */
  readonly port?: number
  /**
   * A DATA_DIR that the caller owns (from `makeDataDir`): kept when the server stops, so a second
   * server can start on the same data. Default: a fresh temporary folder removed by `stop()`.
   */
  readonly dataDir?: string
}

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  /** The port it listens on (the real one when started with port 0). */
  readonly port: number
  /** The server process, e.g. to pause it with SIGSTOP (and SIGCONT it before `stop()`). */
  readonly pid: number
  readonly dataDir: string
  /** Everything the server printed so far. */
  output(): { stdout: string; stderr: string }
  /** Resolves once the server has printed a line matching `pattern` (e.g. the demo's links). */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>
  /**
   * SIGTERM, then SIGKILL after a deadline; resolves with the exit code or signal name. Removes the
   * data folder unless the caller passed its own `dataDir`.
   */
  stop(): Promise<number | string>
}

/** A fresh temporary DATA_DIR for `startServer({ dataDir })`; remove it with `removeDataDir`. */
export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'roundtable-e2e-'))
}

export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true })
}

/**
 * Starts the server and resolves once it prints its listening line. CLIENT_DIR and
 * ROUNDTABLE_SECRET are never inherited: the e2e client and a generated secret are used.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const ownsDataDir = options.dataDir === undefined
  const dataDir = options.dataDir ?? makeDataDir()
  const { CLIENT_DIR: _client, ROUNDTABLE_SECRET: _secret, ...inherited } = process.env
  const child = spawn(process.execPath, await startArgs(), {
    cwd: ROOT,
    env: { ...inherited, PORT: String(options.port ?? 0), HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: E2E_CLIENT_DIR },
    stdio: ['ignore', 'pipe', 'pipe'],
  })

  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | string>((resolve) => {
    child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown'))
  })
  const output = () => ({ stdout, stderr })

  const stop = async (): Promise<number | string> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_DEADLINE_MS)
      await exited.finally(() => clearTimeout(timer))
    }
    if (ownsDataDir) removeDataDir(dataDir)
    return exited
  }

  const waitForOutput = async (pattern: RegExp, timeoutMs = START_DEADLINE_MS): Promise<RegExpExecArray> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const match = pattern.exec(stdout)
      if (match) return match
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`server exited before printing ${pattern}\n${stdout}\n${stderr}`)
      if (Date.now() > deadline) throw new Error(`server did not print ${pattern} within ${timeoutMs} ms\n--- stdout\n${stdout}`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
  }

  try {
    const url = await waitForListening(child.stdout, exited, output)
    return { url, port: Number(new URL(url).port), pid: child.pid!, dataDir, output, waitForOutput, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

/** Resolves with the URL from the listening line; rejects if the server exits or the deadline passes. */
function waitForListening(
  stdout: NodeJS.ReadableStream,
  exited: Promise<number | string>,
  output: () => { stdout: string; stderr: string },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      cleanup()
      const { stdout, stderr } = output()
      reject(new Error(`server did not start (${why})\n--- stdout\n${stdout}\n--- stderr\n${stderr}`))
    }
    const onData = () => {
      const match = LISTENING.exec(output().stdout)
      if (match?.[1] === undefined) return
      cleanup()
      resolve(match[1])
    }
    const timer = setTimeout(() => fail(`no listening line within ${START_DEADLINE_MS / 1000} s`), START_DEADLINE_MS)
    let settled = false
    const cleanup = () => {
      settled = true
      clearTimeout(timer)
      stdout.off('data', onData)
    }
    stdout.on('data', onData)
    void exited.then((code) => settled || fail(`exited with ${code}`))
  })
}
