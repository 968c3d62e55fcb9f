/**
 * @module PgStorage beyond the contract: two instances compacting one document at once, the
 * migrations run twice and at once, and a PostgreSQL restart in the middle of a stream of appends.
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MIGRATIONS, migrate } from '../../../server/storage/pg/migrations.ts'
import { openPool } from '../../../server/storage/pg/pgPool.ts'
import { PgStorage } from '../../../server/storage/pg/PgStorage.ts'
import { postgresForFile } from '../../helpers/postgres.ts'
import { seededRandom } from '../../helpers/random.ts'
import { editor, replay } from './contract.ts'

const postgres = postgresForFile(afterAll)

describe.skipIf(postgres.skip)('PgStorage on PostgreSQL', () => {
  it('runs its migrations once, whether started twice in a row or twice at once', async () => {
    const url = await postgres.database('migrations')
    const [a, b] = [openPool(url), openPool(url)]
    try {
      const applied = await Promise.all([migrate(a), migrate(b)])
      expect(applied.flat().sort()).toEqual(MIGRATIONS.map((m) => m.version))
      expect(await migrate(a)).toEqual([])
      const { rows } = await a.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version))
    } finally {
      await Promise.all([a.end(), b.end()])
    }
  })

  it('loses nothing when two instances append and compact one document at once (seeded)', async () => {
    const url = await postgres.database('compaction')
    const pools = [openPool(url), openPool(url)]
    await migrate(pools[0]!)
    const storages = pools.map((pool) => new PgStorage({ pool, commitWindowMs: 2 }))
    // Each instance's document sees only its own edits: the worst case, a relay far behind.
    const editors = [editor(), editor()]
    const random = seededRandom(18)
    const calls: Promise<void>[] = []
    let compactions = 0
    for (let step = 0; step < 300; step++) {
      const i = random.int(2)
      const e = editors[i]!
      if (random.bool(0.15)) {
        // Both compact in the same tick as often as not.
        calls.push(storages[i]!.compact('doc', Y.encodeStateAsUpdate(e.doc)))
        if (random.bool()) calls.push(storages[1 - i]!.compact('doc', Y.encodeStateAsUpdate(editors[1 - i]!.doc)))
        compactions++
      } else {
        calls.push(storages[i]!.append('doc', e.edit((m) => m.set(`${i}-${random.int(40)}`, step))))
      }
      if (random.bool(0.1)) await Promise.all(calls.splice(0))
    }
    await Promise.all(calls)
    await Promise.all(storages.map((s) => s.flush()))
    expect(compactions).toBeGreaterThan(20)

    const expected = new Y.Doc()
    for (const e of editors) Y.applyUpdate(expected, Y.encodeStateAsUpdate(e.doc))
    const reader = new PgStorage({ pool: pools[0]! })
    const loaded = replay(await reader.load('doc'))
    expect(loaded.getMap('m').toJSON()).toEqual(expected.getMap('m').toJSON())
    expect(loaded.store.pendingStructs).toBeNull()
    await Promise.all([...storages, reader].map((s) => s.close()))
    await Promise.all(pools.map((p) => p.end()))
  })

  it('after a restart, compacts what it loaded without merging it again, and merges rows appended since by another instance', async () => {
    const url = await postgres.database('reloaded')
    const pool = openPool(url)
    await migrate(pool)
    const e = editor()
    const before = new PgStorage({ pool, commitWindowMs: 2 })
    for (let i = 0; i < 20; i++) await before.append('doc', e.edit((m) => m.set(`k${i}`, i)))
    await before.compact('doc', Y.encodeStateAsUpdate(e.doc))
    await before.append('doc', e.edit((m) => m.set('after compaction', true)))
    await before.close()

    // A restarted instance: every row and the snapshot were written by another writer.
    const restarted = new PgStorage({ pool, commitWindowMs: 2 })
    const room = replay(await restarted.load('doc'))
    const state = Y.encodeStateAsUpdate(room)
    await restarted.compact('doc', state)
    const snapshot = await pool.query<{ state: Buffer }>('SELECT state FROM doc_snapshots')
    expect(snapshot.rows[0]!.state.equals(Buffer.from(state))).toBe(true)

    // Another instance appends after that load: the next compaction must keep its edit.
    const other = new PgStorage({ pool, commitWindowMs: 2 })
    const f = editor()
    await other.append('doc', f.edit((m) => m.set('from the other instance', 1)))
    room.getMap('m').set('from the room', 2)
    await restarted.compact('doc', Y.encodeStateAsUpdate(room))
    const loaded = replay(await other.load('doc')).getMap('m').toJSON()
    expect(loaded).toMatchObject({ k0: 0, k19: 19, 'after compaction': true, 'from the other instance': 1, 'from the room': 2 })
    await Promise.all([restarted.close(), other.close()])
    await pool.end()
  })

  it('does not merge another instance\'s rows its room already holds, and merges a deletion it does not', async () => {
    const url = await postgres.database('relayed')
    const pool = openPool(url)
    await migrate(pool)
    const [here, there] = [new PgStorage({ pool, commitWindowMs: 2 }), new PgStorage({ pool, commitWindowMs: 2 })]
    // The other instance's edits reach this room through the relay (applied here, appended there).
    const room = editor()
    const remote = editor()
    remote.doc.on('update', (u: Uint8Array) => Y.applyUpdate(room.doc, u))
    for (let i = 0; i < 10; i++) await there.append('doc', remote.edit((m) => m.set(`r${i}`, i)))
    const state = Y.encodeStateAsUpdate(room.doc)
    await here.compact('doc', state)
    const written = await pool.query<{ state: Buffer }>('SELECT state FROM doc_snapshots')
    expect(written.rows[0]!.state.equals(Buffer.from(state))).toBe(true)

    // A deletion alone (no struct to tell by) that the room has not seen is merged.
    const unrelayed = new Y.Doc()
    Y.applyUpdate(unrelayed, Y.encodeStateAsUpdate(remote.doc))
    let deletion: Uint8Array | undefined
    unrelayed.on('update', (u: Uint8Array) => (deletion = u))
    unrelayed.getMap('m').delete('r3')
    expect(Y.parseUpdateMeta(deletion!).to.size).toBe(0)
    await there.append('doc', deletion!)
    await here.compact('doc', Y.encodeStateAsUpdate(room.doc))
    const loaded = replay(await there.load('doc')).getMap('m').toJSON()
    expect(Object.keys(loaded)).toHaveLength(9)
    expect(loaded).not.toHaveProperty('r3')
    await Promise.all([here.close(), there.close()])
    await pool.end()
  })

  it('waits out a PostgreSQL restart: appends made meanwhile resolve once it is back, none lost', async () => {
    const server = await postgres.server()
    const url = await postgres.database('restart')
    const pool = openPool(url)
    await migrate(pool)
    const storage = new PgStorage({ pool, commitWindowMs: 10 })
    const e = editor()
    const appends: Promise<void>[] = []
    const write = (n: number, tag: string) => {
      for (let i = 0; i < n; i++) appends.push(storage.append('doc', e.edit((m) => m.set(`${tag}${i}`, i))))
    }
    write(50, 'before')
    await Promise.all(appends)
    await server.stopServer()
    write(50, 'down')
    let resolvedWhileDown = 0
    for (const a of appends.slice(50)) void a.then(() => resolvedWhileDown++)
    // Long enough for several retries of the batch, all refused.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(resolvedWhileDown).toBe(0)
    await server.startServer()
    write(50, 'after')
    await Promise.all(appends)
    const fresh = new PgStorage({ pool })
    const loaded = await fresh.load('doc')
    expect(replay(loaded).getMap('m').toJSON()).toEqual(e.doc.getMap('m').toJSON())
    expect(Object.keys(replay(loaded).getMap('m').toJSON())).toHaveLength(150)
    await Promise.all([storage.close(), fresh.close()])
    await pool.end()
  })
})
