/**
 * @module Crash test with a real process: a writer is SIGKILLed at three moments; every update it
 * reported durable must load afterwards, and the next writer must carry on from there.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FileStorage } from '../../../server/storage/FileStorage.ts'

const ROOT = fileURLToPath(new URL('../../../', import.meta.url))
const WRITER = fileURLToPath(new URL('./fixtures/writer.ts', import.meta.url))
const RUN_DEADLINE_MS = 8_000

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roundtable-crash-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

interface Run {
  readonly firstIndex: number
  readonly durable: readonly number[]
}

/** Starts the writer, SIGKILLs it once `killAfter` appends were reported durable, reads all it said. */
function runAndKill(killAfter: number): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dir], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const durable: number[] = []
    let firstIndex = -1
    let stderr = ''
    let buffered = ''
    const deadline = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`writer reported ${durable.length} durable appends in ${RUN_DEADLINE_MS} ms\n${stderr}`))
    }, RUN_DEADLINE_MS)
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk
      const lines = buffered.split('\n')
      buffered = lines.pop() ?? ''
      for (const line of lines) {
        const [word, value] = line.split(' ')
        if (word === 'ready') firstIndex = Number(value)
        if (word === 'durable') durable.push(Number(value))
      }
      if (durable.length >= killAfter && child.exitCode === null && !child.killed) child.kill('SIGKILL')
    })
    // 'close' comes after the pipes are drained: every line printed before the kill is counted.
    child.on('close', (code, signal) => {
      clearTimeout(deadline)
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own (${code})\n${stderr}`))
      else resolve({ firstIndex, durable })
    })
    child.on('error', reject)
  })
}

/** The files are the snapshot, logs, the shared journal, and at most a leftover temporary snapshot. */
async function expectConsistentFiles(): Promise<void> {
  const names = await readdir(dir)
  for (const name of names) expect(name).toMatch(/^(crash\.json|crash\.\d+\.log|\.crash\.json\.tmp|journal\.log)$/)
  if (names.includes('crash.json')) {
    const json = JSON.parse(await readFile(join(dir, 'crash.json'), 'utf8'))
    expect(json).toMatchObject({ version: 1, logGeneration: expect.any(Number), state: expect.any(String) })
    const newest = Math.max(...names.filter((n) => n.endsWith('.log')).map((n) => Number(n.split('.')[1])))
    // The snapshot never points past the logs appends went to.
    if (Number.isFinite(newest)) expect(json.logGeneration).toBeLessThanOrEqual(newest)
  }
}

it('loses no update reported durable when the writer is killed, at three different moments', async () => {
  const reported = new Set<number>()
  let expectedNext = 0
  for (const killAfter of [60, 130, 200]) {
    const run = await runAndKill(killAfter)
    expect(run.durable.length).toBeGreaterThanOrEqual(killAfter)
    // The new run continued after everything the last one made durable (or more).
    expect(run.firstIndex).toBeGreaterThanOrEqual(expectedNext)
    for (const i of run.durable) reported.add(i)

    const storage = await FileStorage.open({ dir })
    const stored = await storage.load('crash')
    await storage.close()
    const doc = new Y.Doc()
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    const map = doc.getMap<number>('m')
    const missing = [...reported].filter((i) => map.get(String(i)) !== i)
    expect(missing).toEqual([])
    expect(doc.store.pendingStructs).toBeNull()
    await expectConsistentFiles()
    expectedNext = Math.max(...reported) + 1
  }
  expect(reported.size).toBeGreaterThanOrEqual(60 + 130 + 200)
}, 30_000)
