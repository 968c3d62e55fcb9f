/**
 * @module Two real servers on one PostgreSQL database (DATABASE_URL, no Redis): a link made on
 * one validates on the other, a rotation there revokes it here, and a document written through
 * one instance's socket is what the other loads.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { readConfig } from '../../../server/config.ts'
import { startServer } from '../../../server/start.ts'
import type { RunningServer } from '../../../server/start.ts'
import { postgresForFile } from '../../helpers/postgres.ts'
import { connectClient } from '../../helpers/syncClient.ts'
import { waitFor } from '../../helpers/waitFor.ts'

const postgres = postgresForFile(afterAll)
const running: RunningServer[] = []
const dirs: string[] = []

afterEach(async () => {
  await Promise.allSettled(running.splice(0).map((s) => s.stop()))
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

async function start(databaseUrl: string, demo = false): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'roundtable-pg-instance-'))
  dirs.push(dataDir)
  const env = { PORT: '0', DATA_DIR: dataDir, DATABASE_URL: databaseUrl }
  const server = await startServer({ ...readConfig(env), limits: { ...readConfig({}).limits, commitWindowMs: 10 } }, { log: () => {}, demo, serveClient: false })
  running.push(server)
  return server
}

type Created = { id: string; tokens: Record<'owner' | 'editor' | 'viewer', string> }

const info = (server: RunningServer, id: string, token: string) => fetch(`${server.url}/api/workspaces/${id}`, { headers: { authorization: `Bearer ${token}` } })

describe.skipIf(postgres.skip)('two instances on one PostgreSQL database', () => {
  it('validate each other\'s links and share documents', async () => {
    const url = await postgres.database('instances')
    const [a, b] = [await start(url), await start(url)]
    expect(a.services.secret).toBe(b.services.secret)

    const res = await fetch(`${a.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Acme' }) })
    expect(res.status).toBe(201)
    const w = (await res.json()) as Created
    await waitFor(() => b.services.registry.get(w.id) !== undefined, 'the workspace on instance B')
    const onB = await info(b, w.id, w.tokens.editor)
    expect(onB.status).toBe(200)
    expect(await onB.json()).toMatchObject({ id: w.id, name: 'Acme', role: 'editor' })

    // Rotated through B, the old editor link stops working on A too.
    const rotated = await fetch(`${b.url}/api/workspaces/${w.id}/links/rotate`, { method: 'POST', headers: { authorization: `Bearer ${w.tokens.owner}`, 'content-type': 'application/json' }, body: '{}' })
    expect(rotated.status).toBe(200)
    await waitFor(() => a.services.registry.get(w.id)?.linkVersions.editor === 2, 'the rotation on instance A')
    expect((await info(a, w.id, w.tokens.editor)).status).toBe(401)

    // A document written through A's socket, A stopped (everything committed), read through B.
    const writer = connectClient(a.url, w.id, w.tokens.owner)
    await writer.synced()
    writer.doc.getMap('probe').set('written on', 'A')
    let onA: unknown
    const poll = setInterval(() => void a.services.docs.withDoc(w.id, (doc) => (onA = doc.getMap('probe').get('written on'))), 20)
    await waitFor(() => onA === 'A', 'the edit in A\'s room').finally(() => clearInterval(poll))
    await a.stop()
    writer.destroy()
    const value = await b.services.docs.withDoc(w.id, (doc) => doc.getMap('probe').get('written on'))
    expect(value).toBe('A')
  })

  it('creates one demo workspace when two instances start together on an empty database', async () => {
    const url = await postgres.database('demo')
    const [a, b] = await Promise.all([start(url, true), start(url, true)])
    expect([a.demo, b.demo].filter((d) => d !== undefined)).toHaveLength(1)
    await waitFor(() => a.services.registry.list().length === 1 && b.services.registry.list().length === 1, 'the demo on both')
    const c = await start(url, true)
    expect(c.demo).toBeUndefined()
    expect(c.services.registry.list()).toHaveLength(1)
  })

  it('refuses to start, naming DATABASE_URL, when the database cannot be reached', async () => {
    const server = await postgres.server()
    const url = `postgres://postgres@127.0.0.1:${server.port}/no_such_database`
    await expect(start(url)).rejects.toThrow(/cannot use DATABASE_URL \(PostgreSQL 127\.0\.0\.1:\d+\/no_such_database\): .*does not exist/)
  })
})

describe.skipIf(postgres.skip)('a server on PostgreSQL while PostgreSQL restarts', () => {
  it('keeps its rooms running and writes the edits made meanwhile once PostgreSQL is back', async () => {
    const pgServer = await postgres.server()
    const url = await postgres.database('outage')
    const server = await start(url)
    const res = await fetch(`${server.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Outage' }) })
    const w = (await res.json()) as Created
    const [writer, reader] = [connectClient(server.url, w.id, w.tokens.editor), connectClient(server.url, w.id, w.tokens.viewer)]
    try {
      await Promise.all([writer.synced(), reader.synced()])
      writer.doc.getMap('probe').set('before', 1)
      await waitFor(() => reader.doc.getMap('probe').get('before') === 1, 'the first edit at the reader')
      await pgServer.stopServer()
      for (let i = 0; i < 20; i++) writer.doc.getMap('probe').set(`down${i}`, i)
      // The room relays while its writes wait.
      await waitFor(() => reader.doc.getMap('probe').get('down19') === 19, 'the edits made while PostgreSQL is down at the reader')
      await pgServer.startServer()
      writer.doc.getMap('probe').set('after', 2)
      await waitFor(() => reader.doc.getMap('probe').get('after') === 2, 'the last edit at the reader')
    } finally {
      writer.destroy()
      reader.destroy()
    }
    await server.stop()
    const again = await start(url)
    const stored = await again.services.docs.withDoc(w.id, (doc) => doc.getMap('probe').toJSON())
    expect(Object.keys(stored)).toHaveLength(22)
  })
})
