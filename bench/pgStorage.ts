/**
 * @module PostgreSQL storage against lowdb files, in one run on one machine (issue 18): commit
 * latency (append called -> promise resolved, i.e. durable) under the same group-commit window,
 * and compacting the 2,000-card board's history (rows, bytes, time). A throwaway PostgreSQL
 * server (test/helpers/postgres.ts; fsync off, as the tests run it: the figures are the round
 * trips and the work, not a disk's flush).
 *
 *   node --import tsx bench/pgStorage.ts [--appends=600] [--gap-ms=5] [--runs=3]
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import * as Y from 'yjs'
import type { DocStorage } from '../server/storage/DocStorage.ts'
import { FileStorage } from '../server/storage/FileStorage.ts'
import { migrate } from '../server/storage/pg/migrations.ts'
import { openPool } from '../server/storage/pg/pgPool.ts'
import { PgStorage } from '../server/storage/pg/PgStorage.ts'
import { startPostgres } from '../test/helpers/postgres.ts'
import { createCards, moveCard, prng } from './load/board.ts'
import { percentile } from './stats.ts'

const WINDOW_MS = 100

/** `appends` small updates over 10 documents, one every `gapMs`; each one's latency in ms. */
async function commitLatencies(storage: DocStorage, appends: number, gapMs: number): Promise<number[]> {
  const doc = new Y.Doc()
  const map = doc.getMap('m')
  const latencies: number[] = []
  const waits: Promise<void>[] = []
  let last: Uint8Array = new Uint8Array()
  doc.on('update', (u: Uint8Array) => (last = u))
  for (let i = 0; i < appends; i++) {
    map.set(`k${i % 50}`, `value ${i} ${'x'.repeat(60)}`)
    const started = performance.now()
    waits.push(storage.append(`doc${i % 10}`, last).then(() => void latencies.push(performance.now() - started)))
    await new Promise((resolve) => setTimeout(resolve, gapMs))
  }
  await Promise.all(waits)
  return latencies
}

const fmt = (values: number[]) => `p50 ${percentile(values, 50).toFixed(1)} ms, p95 ${percentile(values, 95).toFixed(1)} ms, max ${Math.max(...values).toFixed(1)} ms (n=${values.length})`

/** The 2,000-card board's history as a room would have appended it: one update per transaction. */
function boardHistory(cards: number, moves: number): { updates: Uint8Array[]; state: Uint8Array } {
  const random = prng(7)
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  const ids = createCards(doc, cards, random, 'L', 14)
  for (let n = 0; n < moves; n++) moveCard(doc, ids[Math.floor(random() * ids.length)]!, random, 1_767_225_600_000 + n * 1000)
  return { updates, state: Y.encodeStateAsUpdate(doc) }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { appends: { type: 'string', default: '600' }, 'gap-ms': { type: 'string', default: '5' }, runs: { type: 'string', default: '3' } } })
  const appends = Number(values.appends)
  const gapMs = Number(values['gap-ms'])
  const runs = Number(values.runs)
  console.log(`load before: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const server = await startPostgres()
  const dir = await mkdtemp(join(tmpdir(), 'roundtable-pgbench-'))
  try {
    const url = await server.createDatabase('bench')
    const pool = openPool(url)
    await migrate(pool)

    console.log(`\n## Commit latency: ${appends} appends over 10 documents, one every ${gapMs} ms, window ${WINDOW_MS} ms`)
    for (let run = 0; run < runs; run++) {
      // Alternate which goes first, so neither always meets the warmer machine.
      const order = run % 2 === 0 ? ['lowdb', 'postgres'] : ['postgres', 'lowdb']
      for (const kind of order) {
        const storage: DocStorage = kind === 'lowdb' ? await FileStorage.open({ dir: join(dir, `run${run}`), commitWindowMs: WINDOW_MS }) : new PgStorage({ pool, commitWindowMs: WINDOW_MS })
        const latencies = await commitLatencies(storage, appends, gapMs)
        await storage.close()
        console.log(`run ${run + 1} ${kind.padEnd(8)} ${fmt(latencies)}  load ${loadavg()[0]!.toFixed(2)}`)
      }
    }

    const cards = 2000
    const moves = 5000
    const history = boardHistory(cards, moves)
    const historyBytes = history.updates.reduce((n, u) => n + u.byteLength, 0)
    console.log(`\n## Compaction of the ${cards}-card board's history (${cards} card creations + ${moves} moves)`)
    console.log(`history: ${history.updates.length} updates, ${(historyBytes / 1024).toFixed(0)} KiB; state ${(history.state.byteLength / 1024).toFixed(0)} KiB`)
    for (let run = 0; run < runs; run++) {
      const own = new PgStorage({ pool, commitWindowMs: 5 })
      const docId = `big${run}`
      await Promise.all(history.updates.map((u) => own.append(docId, u)))
      const { rows } = await pool.query<{ n: string; bytes: string }>('SELECT count(*) AS n, sum(length(update)) AS bytes FROM doc_updates WHERE doc_id = $1', [docId])
      const table = (await pool.query<{ bytes: string }>(`SELECT pg_total_relation_size('doc_updates') AS bytes`)).rows[0]!.bytes
      // Another instance compacts: it must merge every row (not its own) into its state.
      const other = new PgStorage({ pool })
      let started = performance.now()
      await other.compact(docId, history.state)
      const merged = performance.now() - started
      const snapshot = (await pool.query<{ bytes: number }>('SELECT length(state) AS bytes FROM doc_snapshots WHERE doc_id = $1', [docId])).rows[0]!.bytes
      // A restarted instance loads the document, then compacts: what it loaded is not merged again.
      await Promise.all(history.updates.slice(0, 500).map((u) => own.append(docId, u)))
      const restarted = new PgStorage({ pool })
      started = performance.now()
      const loaded = await restarted.load(docId)
      const loadMs = performance.now() - started
      started = performance.now()
      await restarted.compact(docId, history.state)
      const covered = performance.now() - started
      const check = new Y.Doc()
      for (const u of loaded.updates) Y.applyUpdate(check, u)
      const same = Buffer.from(Y.encodeStateVector(check)).equals(Buffer.from(Y.encodeStateVectorFromUpdate(history.state)))
      await Promise.all([own.close(), other.close(), restarted.close()])
      console.log(
        `run ${run + 1}: ${rows[0]!.n} rows, ${(Number(rows[0]!.bytes) / 1024).toFixed(0)} KiB of updates (doc_updates on disk ${(Number(table) / 1024 / 1024).toFixed(1)} MiB); ` +
          `compaction merging every row ${merged.toFixed(0)} ms -> snapshot ${(snapshot / 1024).toFixed(0)} KiB; ` +
          `then 500 more rows: load ${loadMs.toFixed(0)} ms, compaction by the instance that loaded it ${covered.toFixed(0)} ms; state intact ${same}; load ${loadavg()[0]!.toFixed(2)}`,
      )
    }
    for (let run = 0; run < runs; run++) {
      const files = await FileStorage.open({ dir: join(dir, `big${run}`), commitWindowMs: 5 })
      await Promise.all(history.updates.map((u) => files.append('big', u)))
      const started = performance.now()
      await files.compact('big', history.state)
      console.log(`lowdb run ${run + 1}: compaction ${(performance.now() - started).toFixed(0)} ms`)
      await files.close()
    }
    await pool.end()
  } finally {
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  }
  console.log(`\nload after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
}

await main()
