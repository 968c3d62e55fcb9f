/**
 * @module DocStorage in PostgreSQL (DATABASE_URL): per document an append-only table of updates
 * and one snapshot row, shared by every instance. Appends are group-committed (one INSERT per
 * window, whatever the documents) and retried while the database is away; compaction merges the
 * rows it read into the snapshot and deletes exactly those rows, in one transaction, holding the
 * snapshot row's lock, so two instances compacting one document at once lose nothing.
 */
import { randomUUID } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import type { Pool, QueryResult } from 'pg'
import * as Y from 'yjs'
import type { Metrics } from '../../metrics.ts'
import type { DocStorage, StoredDoc } from '../DocStorage.ts'
import { assertDocId } from '../docFiles.ts'
import { GroupCommit } from '../GroupCommit.ts'
import type { Queued } from '../GroupCommit.ts'
import { StorageMetric as M } from '../storageMetrics.ts'
import { backoffMs, isTransient, sleep } from './retry.ts'

export interface PgStorageOptions {
  readonly pool: Pool
  /** Group-commit window in ms (default 100, see `Limits.commitWindowMs`). */
  readonly commitWindowMs?: number
  /** How long `close` keeps retrying writes while the database is away (default 10 s). */
  readonly closeRetryMs?: number
  readonly metrics?: Metrics
  readonly log?: (message: string) => void
}

interface Append {
  readonly docId: string
  /** This storage's call counter: tells the rows it appended before a compaction from later ones. */
  readonly seq: number
  readonly update: Uint8Array
}

interface Row {
  readonly kind: number
  readonly id: string
  readonly writer: string | null
  readonly seq: string | null
  /** The snapshot row's version (its xmin: changes with every write of the row). */
  readonly version: string | null
  readonly data: Buffer
}

/** What a `load` returned of a document: the room built its state from it, so that state covers it. */
interface Loaded {
  readonly snapshot: string | null
  readonly rows: ReadonlySet<string>
}

interface PendingAppend {
  readonly item: Append
  done: Promise<void>
}

export class PgStorage implements DocStorage {
  readonly #pool: Pool
  readonly #metrics: Metrics | undefined
  readonly #log: (message: string) => void
  readonly #closeRetryMs: number
  /** Names this storage's rows and snapshots; a new one per process. */
  readonly #writer = randomUUID()
  /**
   * Per document, the snapshot version and rows the last `load` returned. A compaction need not
   * merge them again (after a restart every row and snapshot has another writer, and merging a
   * 2,000-card board's took seconds instead of milliseconds).
   */
  readonly #loaded = new Map<string, Loaded>()
  readonly #group: GroupCommit<Append>
  /** Appends queued or being written, per document, in order: `load` returns them too. */
  readonly #pending = new Map<string, PendingAppend[]>()
  /** Per document, the compactions and deletes in call order (each waits for the one before). */
  readonly #chain = new Map<string, Promise<void>>()
  /** Per document, the latest delete not finished: appends and loads made after it wait for it. */
  readonly #deleting = new Map<string, Promise<void>>()
  /** Appends waiting for a delete before they are queued: flush and close wait for them too. */
  readonly #held = new Set<Promise<void>>()
  #seq = 0
  #closed = false
  #closing = false

  constructor(options: PgStorageOptions) {
    this.#pool = options.pool
    this.#metrics = options.metrics
    this.#log = options.log ?? (() => {})
    this.#closeRetryMs = options.closeRetryMs ?? 10_000
    this.#group = new GroupCommit(options.commitWindowMs ?? 100, (batch) => this.#writeBatch(batch))
  }

  async load(docId: string): Promise<StoredDoc> {
    this.#open()
    assertDocId(docId)
    await this.#deleting.get(docId)?.catch(() => {})
    // Taken before the query: an append written meanwhile is in the rows or still in this copy.
    const pending = [...(this.#pending.get(docId) ?? [])]
    const { rows } = await this.#pool.query<Row>(
      `SELECT 0 AS kind, 0::bigint AS id, NULL AS writer, NULL AS seq, xmin::text AS version, state AS data FROM doc_snapshots WHERE doc_id = $1 AND state <> ''
       UNION ALL SELECT 1, id, writer, seq::text, NULL, update FROM doc_updates WHERE doc_id = $1
       ORDER BY kind, id`,
      [docId],
    )
    this.#loaded.set(docId, { snapshot: rows[0]?.kind === 0 ? rows[0].version : null, rows: new Set(rows.filter((r) => r.kind === 1).map((r) => r.id)) })
    const written = new Set(rows.filter((r) => r.writer === this.#writer).map((r) => Number(r.seq)))
    const updates = rows.map((r) => new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength))
    let logBytes = rows.reduce((n, r) => n + (r.kind === 1 ? r.data.byteLength : 0), 0)
    for (const { item } of pending) {
      if (written.has(item.seq)) continue
      updates.push(item.update.slice())
      logBytes += item.update.byteLength
    }
    return { updates, logBytes }
  }

  append(docId: string, update: Uint8Array): Promise<void> {
    try {
      this.#open()
      assertDocId(docId)
    } catch (error) {
      return Promise.reject(error)
    }
    const item: Append = { docId, seq: ++this.#seq, update: update.slice() }
    const deleting = this.#deleting.get(docId)
    if (deleting === undefined) return this.#queue(item)
    // Made after a delete: queued once it is done, in call order.
    const held = deleting.catch(() => {}).then(() => this.#queue(item))
    const tracked = held.catch(() => {}).finally(() => this.#held.delete(tracked))
    this.#held.add(tracked)
    return held
  }

  compact(docId: string, state: Uint8Array): Promise<void> {
    try {
      this.#open()
      assertDocId(docId)
    } catch (error) {
      return Promise.reject(error)
    }
    // Every append made before this call has a seq up to here, and `state` covers it.
    const covered = this.#seq
    const copy = state.slice()
    return this.#inOrder(docId, async () => {
      const started = performance.now()
      await this.#retrying(() => this.#compactNow(docId, copy, covered))
      // Its rows are gone and its snapshot rewritten: nothing of that load is left to skip.
      this.#loaded.delete(docId)
      this.#metrics?.inc(...M.compactions)
      this.#metrics?.inc(...M.flushSeconds, {}, (performance.now() - started) / 1000)
    })
  }

  delete(docId: string): Promise<void> {
    try {
      this.#open()
      assertDocId(docId)
    } catch (error) {
      return Promise.reject(error)
    }
    const deleting = this.#inOrder(docId, async () => {
      // Appends made before this call are queued (or held behind an earlier delete, then queued
      // before this runs): let them be written, then remove them with the rest.
      await this.#group.settle()
      await this.#retrying(() => this.#transaction(async (query) => {
        await query('DELETE FROM doc_snapshots WHERE doc_id = $1', [docId])
        await query('DELETE FROM doc_updates WHERE doc_id = $1', [docId])
        this.#loaded.delete(docId)
      }))
    })
    this.#deleting.set(docId, deleting)
    const forget = () => {
      if (this.#deleting.get(docId) === deleting) this.#deleting.delete(docId)
    }
    deleting.then(forget, forget)
    return deleting
  }

  async flush(): Promise<void> {
    this.#open()
    await this.#settled()
    await this.#group.flush()
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closing = true
    try {
      await this.#settled()
      await this.#group.settle()
    } finally {
      this.#group.stop()
      this.#closed = true
    }
  }

  async #settled(): Promise<void> {
    await Promise.allSettled([...this.#chain.values(), ...this.#held])
  }

  /** Runs `fn` after the document's earlier compactions and deletes, whatever their outcome. */
  #inOrder(docId: string, fn: () => Promise<void>): Promise<void> {
    const run = (this.#chain.get(docId) ?? Promise.resolve()).then(fn)
    const tracked = run.catch(() => {})
    this.#chain.set(docId, tracked)
    void tracked.then(() => {
      if (this.#chain.get(docId) === tracked) this.#chain.delete(docId)
    })
    return run
  }

  #queue(item: Append): Promise<void> {
    this.#metrics?.inc(...M.appends)
    let list = this.#pending.get(item.docId)
    if (list === undefined) this.#pending.set(item.docId, (list = []))
    const entry: PendingAppend = { item, done: Promise.resolve() }
    list.push(entry)
    entry.done = this.#group.add(item).finally(() => {
      const current = this.#pending.get(item.docId)
      const at = current?.indexOf(entry) ?? -1
      if (at >= 0) current!.splice(at, 1)
      if (current?.length === 0) this.#pending.delete(item.docId)
    })
    return entry.done
  }

  async #transaction(fn: (query: (sql: string, values: unknown[]) => Promise<QueryResult>) => Promise<void>): Promise<void> {
    const client = await this.#pool.connect()
    let broken: Error | undefined
    try {
      await client.query('BEGIN')
      await fn((sql, values) => client.query(sql, values))
      await client.query('COMMIT')
    } catch (error) {
      await client.query('ROLLBACK').catch((rollback: Error) => (broken = rollback))
      throw error
    } finally {
      // A client whose connection failed is dropped from the pool, not handed out again.
      client.release(broken)
    }
  }

  /** One INSERT for the whole batch; waits out an unreachable database (see retry.ts). */
  async #writeBatch(batch: readonly Queued<Append>[]): Promise<void> {
    const started = performance.now()
    const ids: string[] = []
    const seqs: number[] = []
    const updates: Buffer[] = []
    let bytes = 0
    for (const { item } of batch) {
      ids.push(item.docId)
      seqs.push(item.seq)
      updates.push(Buffer.from(item.update.buffer, item.update.byteOffset, item.update.byteLength))
      bytes += item.update.byteLength
    }
    await this.#retrying(() =>
      this.#pool.query(
        `INSERT INTO doc_updates (doc_id, writer, seq, update)
         SELECT d, $1, s, u FROM unnest($2::text[], $3::bigint[], $4::bytea[]) WITH ORDINALITY AS t(d, s, u, n) ORDER BY n`,
        [this.#writer, ids, seqs, updates],
      ),
    )
    for (const entry of batch) entry.resolve()
    this.#metrics?.inc(...M.flushes)
    this.#metrics?.inc(...M.appendedBytes, {}, bytes)
    this.#metrics?.inc(...M.flushSeconds, {}, (performance.now() - started) / 1000)
  }

  /**
   * Snapshot := `state` merged with whatever it may not cover: the old snapshot unless it is this
   * storage's own, and the rows other storages appended (or this one after the call). The
   * snapshot row is locked first, so a second compaction waits and then reads the first's result;
   * only the rows read are deleted, so a row committed meanwhile is kept.
   */
  async #compactNow(docId: string, state: Uint8Array, covered: number): Promise<void> {
    await this.#transaction(async (query) => {
      await query(`INSERT INTO doc_snapshots (doc_id, state, writer) VALUES ($1, '', $2) ON CONFLICT (doc_id) DO NOTHING`, [docId, this.#writer])
      // The state itself only when it must be merged: a board's is a megabyte, sent as hex.
      const snapshot = (await query(`SELECT writer, xmin::text AS version, state = '' AS empty FROM doc_snapshots WHERE doc_id = $1 FOR UPDATE`, [docId])).rows[0] as { writer: string | null; version: string; empty: boolean }
      const rows = (await query('SELECT id, writer, seq, update FROM doc_updates WHERE doc_id = $1 ORDER BY id', [docId])).rows as { id: string; writer: string; seq: string; update: Buffer }[]
      const parts: Uint8Array[] = [state]
      const loaded = this.#loaded.get(docId)
      if (snapshot.writer !== this.#writer && snapshot.version !== loaded?.snapshot && !snapshot.empty) {
        parts.push(((await query('SELECT state FROM doc_snapshots WHERE doc_id = $1', [docId])).rows[0] as { state: Buffer }).state)
      }
      let stateVector: Map<number, number> | undefined
      for (const row of rows) {
        const mine = row.writer === this.#writer && Number(row.seq) <= covered
        if (mine || loaded?.rows.has(row.id) === true) continue
        stateVector ??= Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state))
        if (!structsCovered(row.update, stateVector)) parts.push(row.update)
      }
      // Alone, `state` is written byte for byte (mergeUpdates returns a lone update as it is).
      const merged = parts.length === 1 ? state : Y.mergeUpdates(parts)
      await query('UPDATE doc_snapshots SET state = $2, writer = $3, compacted_at = now() WHERE doc_id = $1', [docId, Buffer.from(merged), parts.length === 1 ? this.#writer : null])
      if (rows.length > 0) await query('DELETE FROM doc_updates WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)])
    })
  }

  /** Runs `fn` until it succeeds or fails for a reason other than the database being away. */
  async #retrying<T>(fn: () => Promise<T>): Promise<T> {
    let closingSince: number | undefined
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await fn()
        if (attempt > 0) this.#log(`postgres: write went through after ${attempt} retries`)
        return result
      } catch (error) {
        if (!isTransient(error)) throw error
        if (this.#closing) {
          closingSince ??= performance.now()
          if (performance.now() - closingSince > this.#closeRetryMs) throw error
        }
        if (attempt === 0) this.#log(`postgres: ${(error as Error).message}; retrying until it answers`)
        this.#metrics?.inc(...M.writeErrors)
        await sleep(backoffMs(attempt))
      }
    }
  }

  #open(): void {
    if (this.#closed || this.#closing) throw new Error('storage is closed')
  }
}

/**
 * True when every struct `update` holds is in the state whose vector is `stateVector`: that state
 * then has the update's deletions too, since Yjs sends a transaction's structs only with its
 * delete set (the update itself, or a sync answer with the whole delete set). Another instance's
 * row that the relay already brought into the room is not merged again. An update of deletions
 * alone has no struct to tell by, and is merged.
 */
function structsCovered(update: Uint8Array, stateVector: Map<number, number>): boolean {
  const { to } = Y.parseUpdateMeta(update)
  if (to.size === 0) return false
  for (const [client, clock] of to) if ((stateVector.get(client) ?? 0) < clock) return false
  return true
}
