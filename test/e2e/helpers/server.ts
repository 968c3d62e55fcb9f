/**
 * @module Runs the real server (`node --import tsx server/main.ts`, as `npm start` does) as a child
 * process on a free port with a fresh DATA_DIR, serving the built client from dist/client.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const MAIN = join(ROOT, 'server/main.ts')
const LISTENING = /^Roundtable listening on (http:\/\/\S+)$/m

/** Covers a first-start client build as well, should dist/client be missing. */
const START_DEADLINE_MS = 30_000
/** The server gives open connections 3 s after SIGTERM; past this it is killed. */
const STOP_DEADLINE_MS = 5_000

export interface RunningServer {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string
  readonly dataDir: string
  /** Everything the server printed so far. */
  output(): { stdout: string; stderr: string }
  /** SIGTERM, then SIGKILL after a deadline; resolves with the exit code or signal name. */
  stop(): Promise<number | string>
}

/**
 * Starts the server and resolves once it prints its listening line. CLIENT_DIR and
 * ROUNDTABLE_SECRET are never inherited: the default client and a generated secret are used.
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'roundtable-e2e-'))
  const { CLIENT_DIR: _client, ROUNDTABLE_SECRET: _secret, ...inherited } = process.env
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    cwd: ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
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
    rmSync(dataDir, { recursive: true, force: true })
    return exited
  }

  try {
    const url = await waitForListening(child.stdout, exited, output)
    return { url, dataDir, output, stop }
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
