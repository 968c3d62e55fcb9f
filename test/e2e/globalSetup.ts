/**
 * @module Vitest globalSetup for test/e2e: builds the client into dist/client once before the
 * suites, so the server (which only builds when the bundle is missing) serves the current code.
 */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

export default async function setup(): Promise<void> {
  const started = Date.now()
  const { code, output } = await run('npx', ['vite', 'build', '--logLevel', 'warn'])
  if (code !== 0) throw new Error(`\`npx vite build\` failed (exit ${code}):\n${output}`)
  console.log(`e2e: built dist/client in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

/** Runs a command in the project root; resolves with its exit code and combined output. */
function run(command: string, args: readonly string[]): Promise<{ code: number | string; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
    child.once('error', reject)
    child.once('close', (code, signal) => resolve({ code: code ?? signal ?? 'unknown', output }))
  })
}
