/**
 * Durability of the real server process: SIGKILL in the middle of a stream of writes loses at most
 * the group-commit window and leaves files that load; SIGTERM flushes everything and exits 0.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createObjective } from '../../../shared/doc/index.ts'
import type { ObjectiveId } from '../../../shared/model/index.ts'
import { startServerProcess } from '../../helpers/serverProcess.ts'
import type { ServerProcess } from '../../helpers/serverProcess.ts'
import { connectClient } from '../../helpers/syncClient.ts'
import type { SyncClient } from '../../helpers/syncClient.ts'
import { waitFor } from '../../helpers/waitFor.ts'

const COMMIT_WINDOW_MS = 100
/** Time for a write to reach the server over loopback, on a busy 2-core machine. */
const TRANSIT_SLACK_MS = 150
/** Writes a kill must find older than the window, so that "nothing lost" says something. */
const MIN_MUST_SURVIVE = 10

let root: string
let dataDir: string
let server: ServerProcess | undefined
const clients: SyncClient[] = []

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'roundtable-crash-'))
  dataDir = join(root, 'data')
})

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy()
  await server?.kill('SIGKILL')
  await rm(root, { recursive: true, force: true })
})

async function workspace(url: string): Promise<{ id: string; token: string }> {
  const res = await fetch(`${url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Crash"}' })
  const body = (await res.json()) as { id: string; tokens: { editor: string } }
  return { id: body.id, token: body.tokens.editor }
}

/** Writes one objective every `everyMs` until stopped; remembers when each was written. */
function writer(c: SyncClient, everyMs: number) {
  const written: Array<{ id: ObjectiveId; at: number }> = []
  const cycleId = [...c.snap().cycles.keys()][0]!
  const timer = setInterval(() => {
    written.push({ id: createObjective(c.s, { cycleId, title: `Write ${written.length}` }), at: Date.now() })
  }, everyMs)
  return { written, stop: () => clearInterval(timer) }
}

describe('crash durability of the server process', () => {
  for (const [i, runMs] of [600, 900, 1300].entries()) {
    it(`SIGKILL after ${runMs} ms of writes loses nothing older than the commit window (run ${i + 1})`, async () => {
      server = await startServerProcess(dataDir, { ROUNDTABLE_COMMIT_MS: String(COMMIT_WINDOW_MS) })
      const w = await workspace(server.url)
      const c = connectClient(server.url, w.id, w.token)
      clients.push(c)
      await c.synced()
      const stream = writer(c, 7)
      await new Promise((resolve) => setTimeout(resolve, runMs))
      // A busy machine runs the writer's timer late: go on writing until enough writes are older
      // than the window, so the kill always has something it must not lose.
      const settled = () => stream.written.filter((x) => x.at < Date.now() - COMMIT_WINDOW_MS - TRANSIT_SLACK_MS).length
      await waitFor(() => settled() > MIN_MUST_SURVIVE, `${MIN_MUST_SURVIVE} writes older than the commit window`)
      const killedAt = Date.now()
      await server.kill('SIGKILL')
      stream.stop()
      c.destroy()
      clients.length = 0

      server = await startServerProcess(dataDir)
      const fresh = connectClient(server.url, w.id, w.token)
      clients.push(fresh)
      await fresh.synced()
      const mustSurvive = stream.written.filter((x) => x.at < killedAt - COMMIT_WINDOW_MS - TRANSIT_SLACK_MS)
      expect(mustSurvive.length).toBeGreaterThan(MIN_MUST_SURVIVE)
      const lost = mustSurvive.filter((x) => !fresh.snap().objectives.has(x.id))
      expect(lost).toEqual([])
    })
  }

  it('SIGTERM flushes every accepted write and exits 0', async () => {
    server = await startServerProcess(dataDir, { ROUNDTABLE_COMMIT_MS: '2000' })
    const w = await workspace(server.url)
    const c = connectClient(server.url, w.id, w.token)
    clients.push(c)
    await c.synced()
    const cycleId = [...c.snap().cycles.keys()][0]!
    const ids = Array.from({ length: 50 }, (_, n) => createObjective(c.s, { cycleId, title: `Kept ${n}` }))
    // A second client seeing every write proves the server applied (accepted) them all.
    const watcher = connectClient(server.url, w.id, w.token)
    clients.push(watcher)
    await waitFor(() => ids.every((id) => watcher.snap().objectives.has(id)), 'writes accepted')
    expect(await server.kill('SIGTERM')).toBe(0)
    c.destroy()
    clients.length = 0
    server = await startServerProcess(dataDir)
    const fresh = connectClient(server.url, w.id, w.token)
    clients.push(fresh)
    await fresh.synced()
    expect(ids.filter((id) => !fresh.snap().objectives.has(id))).toEqual([])
  })
})
