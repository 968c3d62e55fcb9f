/**
 * @module The real server as a child process (`npm start`'s bundle, dist/server.mjs), on port 0 with
 * a DATA_DIR the caller owns, so tests can SIGKILL or SIGTERM it and start it again on the same data.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startArgs } from '../../server/bundleServer.ts'
import { waitFor } from './waitFor.ts'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const LISTENING = /^Roundtable listening on (http:\/\/\S+)$/m

export interface ServerProcess {
  readonly url: string
  readonly child: ChildProcess
  output(): string
  /** Sends `signal` and resolves with the exit code (or the signal's name). */
  kill(signal: NodeJS.Signals): Promise<number | string>
}

/** Starts the server on `dataDir` (with a stub client, so no build runs) and waits for it. */
export async function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  const clientDir = join(dataDir, '..', 'client-stub')
  mkdirSync(clientDir, { recursive: true })
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>stub</title>')
  const { ROUNDTABLE_SECRET: _secret, ...inherited } = process.env
  const child = spawn(process.execPath, await startArgs(), {
    cwd: ROOT,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, CLIENT_DIR: clientDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (out += chunk))
  const exited = new Promise<number | string>((resolve) => child.once('close', (code, signal) => resolve(code ?? signal ?? 'unknown')))
  let done = false
  void exited.then(() => (done = true))
  await waitFor(() => LISTENING.test(out) || done, 'the server to listen', 30_000)
  const match = LISTENING.exec(out)
  if (match === null) throw new Error(`server did not start:\n${out}`)
  return {
    url: match[1]!,
    child,
    output: () => out,
    kill: (signal) => {
      if (!done) child.kill(signal)
      return exited
    },
  }
}
