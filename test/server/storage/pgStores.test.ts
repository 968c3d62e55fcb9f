/**
 * @module The registry, link secret, ballots and checkpoints in PostgreSQL: each round-trips, and
 * two instances on one database see each other's changes (a second instance is a second pool and
 * listener, as a second process would have).
 */
import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { PersonId, VoteRoundId } from '../../../shared/model/index.ts'
import { CheckpointReason, Role } from '../../../shared/protocol/index.ts'
import { migrate } from '../../../server/storage/pg/migrations.ts'
import { PgBallotStore } from '../../../server/storage/pg/PgBallotStore.ts'
import { PgCheckpoints } from '../../../server/storage/pg/PgCheckpoints.ts'
import { PgListener } from '../../../server/storage/pg/PgListener.ts'
import { openPool } from '../../../server/storage/pg/pgPool.ts'
import { loadPgSecret } from '../../../server/storage/pg/pgSecret.ts'
import { PgWorkspaceRegistry } from '../../../server/storage/pg/PgWorkspaceRegistry.ts'
import { postgresForFile } from '../../helpers/postgres.ts'
import { waitFor } from '../../helpers/waitFor.ts'

const postgres = postgresForFile(afterAll)

/** A pool and a listener on `url`: what one server instance opens. */
async function instance(url: string) {
  const pool = openPool(url)
  await migrate(pool)
  const listener = await PgListener.open(url)
  return { pool, listener, close: async () => (await listener.close(), await pool.end()) }
}

const round = 'round1' as VoteRoundId
const ada = 'ada' as PersonId
const bob = 'bob' as PersonId

describe.skipIf(postgres.skip)('PostgreSQL registry, secret, ballots and checkpoints', () => {
  it('shares the registry: a workspace created or rotated on one instance shows on the other', async () => {
    const url = await postgres.database('registry')
    const [a, b] = [await instance(url), await instance(url)]
    const regA = await PgWorkspaceRegistry.open(a.pool, a.listener)
    const regB = await PgWorkspaceRegistry.open(b.pool, b.listener)
    const meta = await regA.create('ws1', 'Team', 1_000)
    expect(meta.linkVersions).toEqual({ owner: 1, editor: 1, viewer: 1 })
    await waitFor(() => regB.get('ws1') !== undefined, 'the workspace on instance B')
    expect(regB.get('ws1')).toEqual(meta)
    const rotated = await regB.rotate('ws1', [Role.Editor, Role.Viewer])
    expect(rotated.linkVersions).toEqual({ owner: 1, editor: 2, viewer: 2 })
    await waitFor(() => regA.get('ws1')?.linkVersions.editor === 2, 'the rotation on instance A')
    await regA.rename('ws1', 'Renamed')
    await waitFor(() => regB.get('ws1')?.name === 'Renamed', 'the new name on instance B')
    await expect(regA.rotate('nope', [Role.Owner])).rejects.toThrow(/no workspace nope/)
    // A third instance starting now loads everything.
    const c = await instance(url)
    expect((await PgWorkspaceRegistry.open(c.pool, c.listener)).list()).toEqual([{ ...rotated, name: 'Renamed' }])
    await Promise.all([a.close(), b.close(), c.close()])
  })

  it('hears the other instance again after a PostgreSQL restart (the listener reconnects and reloads)', async () => {
    const server = await postgres.server()
    const url = await postgres.database('relisten')
    const [a, b] = [await instance(url), await instance(url)]
    const regA = await PgWorkspaceRegistry.open(a.pool, a.listener)
    const regB = await PgWorkspaceRegistry.open(b.pool, b.listener)
    await server.restart()
    // Created while B's listener may still be reconnecting: its reload or the notification brings it.
    await regA.create('after-restart', 'Later', 2_000)
    await waitFor(() => regB.get('after-restart') !== undefined, 'the workspace created after the restart on instance B')
    await regA.create('later-still', 'Later still', 3_000)
    await waitFor(() => regB.get('later-still') !== undefined, 'a notification after the reconnection')
    await Promise.all([a.close(), b.close()])
  })

  it('generates the link secret once: every instance signs with the first one, ROUNDTABLE_SECRET wins', async () => {
    const url = await postgres.database('secret')
    const [a, b] = [await instance(url), await instance(url)]
    const [sa, sb] = await Promise.all([loadPgSecret(a.pool, undefined), loadPgSecret(b.pool, undefined)])
    expect(sa.length).toBeGreaterThanOrEqual(32)
    expect(sb).toBe(sa)
    expect(await loadPgSecret(a.pool, 'configured-secret-of-length')).toBe('configured-secret-of-length')
    await Promise.all([a.close(), b.close()])
  })

  it('keeps ballots: cast on one instance, revealed from the other, dropped everywhere', async () => {
    const url = await postgres.database('ballots')
    const [a, b] = [await instance(url), await instance(url)]
    const storeA = await PgBallotStore.open(a.pool, a.listener)
    const storeB = await PgBallotStore.open(b.pool, b.listener)
    await storeA.cast('w1', round, { personId: bob, value: 3 })
    await storeA.cast('w1', round, { personId: ada, value: 5 })
    await storeA.cast('w1', round, { personId: bob, value: 8 })
    expect(storeA.ballots('w1', round)).toEqual([{ personId: ada, value: 5 }, { personId: bob, value: 8 }])
    await waitFor(() => storeB.ballots('w1', round).length === 2 && storeB.ballots('w1', round)[1]!.value === 8, 'the ballots on instance B')
    expect(storeB.rounds('w1')).toEqual([round])
    await storeB.drop('w1', round)
    await waitFor(() => storeA.rounds('w1').length === 0, 'the drop on instance A')
    // Survives a restart: a new store reads what the table holds.
    await storeA.cast('w1', round, { personId: ada, value: 1 })
    const c = await instance(url)
    expect((await PgBallotStore.open(c.pool, c.listener)).ballots('w1', round)).toEqual([{ personId: ada, value: 1 }])
    await Promise.all([storeA.close(), storeB.close()])
    await Promise.all([a.close(), b.close(), c.close()])
  })

  it('holds vote operations off across instances: B waits for A, then reads the ballot A cast and the round A finished', async () => {
    const url = await postgres.database('votelock')
    const [a, b] = [await instance(url), await instance(url)]
    const storeA = await PgBallotStore.open(a.pool, a.listener)
    const storeB = await PgBallotStore.open(b.pool, b.listener)
    const order: string[] = []
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let entered = () => {}
    const inA = new Promise<void>((resolve) => (entered = resolve))
    const onA = storeA.exclusive('w1', async () => {
      entered()
      await storeA.cast('w1', round, { personId: ada, value: 4 })
      await held
      order.push('A done')
    })
    await inA
    const onB = storeB.exclusive('w1', async () => {
      order.push('B in')
      // Read inside the lock: A's ballot and A's drop, whatever NOTIFY has delivered yet.
      return { ballots: storeB.ballots('w1', round), finished: storeB.finished('w1', round) }
    })
    // B waits for the lock A holds (PostgreSQL shows its request not granted), and does not get in.
    const waiting = async () => Number((await a.pool.query<{ n: string }>(`SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`)).rows[0]!.n)
    const deadline = Date.now() + 10_000
    while ((await waiting()) !== 1) {
      if (Date.now() > deadline) throw new Error('B never waited for the lock')
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    expect(order).toEqual([])
    release()
    await onA
    expect(await onB).toEqual({ ballots: [{ personId: ada, value: 4 }], finished: false })
    await storeA.exclusive('w1', () => storeA.drop('w1', round))
    expect(await storeB.exclusive('w1', async () => storeB.finished('w1', round))).toBe(true)
    // A failed operation rolls its writes back.
    await expect(storeB.exclusive('w1', async () => (await storeB.cast('w1', 'r2' as VoteRoundId, { personId: bob, value: 1 }), Promise.reject(new Error('refused'))))).rejects.toThrow('refused')
    expect(await storeA.exclusive('w1', async () => storeA.ballots('w1', 'r2' as VoteRoundId))).toEqual([])
    expect(order).toEqual(['A done', 'B in'])
    await Promise.all([storeA.close(), storeB.close()])
    await Promise.all([a.close(), b.close()])
  })

  it('round-trips checkpoints: write, list in order, read, prune', async () => {
    const url = await postgres.database('checkpoints')
    const pool = openPool(url)
    await migrate(pool)
    const store = new PgCheckpoints(pool)
    const doc = new Y.Doc()
    doc.getMap('m').set('text', 'first')
    const first = Y.encodeStateAsUpdate(doc)
    doc.getMap('m').set('text', 'second')
    const second = Y.encodeStateAsUpdate(doc)
    const b = await store.write('w1', 2_000, CheckpointReason.MeetingEnd, 'm1', second)
    const a = await store.write('w1', 1_000, CheckpointReason.Publish, null, first)
    await store.write('w2', 1_500, CheckpointReason.Daily, null, first)
    await store.flush()
    expect(await store.list('w1')).toEqual([a, b])
    expect(b).toMatchObject({ at: 2_000, reason: CheckpointReason.MeetingEnd, meetingId: 'm1', bytes: second.length })
    expect(Buffer.from((await store.read('w1', b.id))!)).toEqual(Buffer.from(second))
    expect(await store.read('w1', 'not an id')).toBeNull()
    expect(await store.read('w1', a.id.replace('1000', '1001'))).toBeNull()
    expect(await store.prune('w1', 1_500)).toBe(1)
    expect(await store.list('w1')).toEqual([b])
    expect(await store.list('w2')).toHaveLength(1)
    await pool.end()
  })
})
