/**
 * @module DocStorage on local files: per document a lowdb JSON snapshot plus append-only update
 * logs, one per generation, written by group commit. See README.md here for the layout and
 * the crash-safety argument.
 */
import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'
import type { Metrics } from '../metrics.ts'
import { fsyncDir } from './atomicWrite.ts'
import type { DocStorage, StoredDoc } from './DocStorage.ts'
import { allDocFiles, assertDocId, listLogGenerations, logPath, removeFile, snapshotPath } from './docFiles.ts'
import { GroupCommit } from './GroupCommit.ts'
import type { Queued } from './GroupCommit.ts'
import { SnapshotFile } from './snapshotFile.ts'
import { encodeRecords, LogWriter, readLog } from './updateLog.ts'

export interface LowdbStorageOptions {
  /** Directory holding every document's files; created if missing. */
  readonly dir: string
  /** Group-commit window in ms (default 100, see `Limits.commitWindowMs`); 0 writes on the next macrotask. */
  readonly commitWindowMs?: number
  readonly metrics?: Metrics
}

/** What this process knows about one document. */
interface DocState {
  readonly id: string
  readonly snapshot: SnapshotFile
  /**
   * Compactions asked for in this process. Appends go to log generation `base + epoch`; `compact`
   * bumps it synchronously, so appends made after the call land in the new log.
   */
  epoch: number
  /** Finds `base`: the newest generation on disk before this process wrote anything. */
  discovery: Promise<number> | undefined
  /** Settles once the files of a deleted earlier incarnation are gone; nothing starts before. */
  readonly after: Promise<void>
  /**
   * While `after` is pending, appends queue here (in order) instead of in the group commit, so a
   * batch never waits for a deletion that itself waits for batches. `undefined` once drained.
   */
  gate: Promise<void> | undefined
  /** Serializes load, compact and delete of this document. */
  chain: Promise<unknown>
  readonly writers: Map<number, Promise<LogWriter>>
  /** `delete` was called: queued appends are dropped, and a fresh DocState took this one's place. */
  deleted: boolean
}

interface Append {
  readonly doc: DocState
  readonly epoch: number
  readonly update: Uint8Array
}

const M = {
  appends: ['roundtable_storage_appends_total', 'Updates appended to document logs.'],
  appendedBytes: ['roundtable_storage_appended_bytes_total', 'Bytes of updates appended (payload only).'],
  flushes: ['roundtable_storage_flushes_total', 'Group commits written (one per commit window with work).'],
  flushSeconds: ['roundtable_storage_flush_seconds_sum', 'Seconds spent writing and syncing group commits.'],
  fsyncs: ['roundtable_storage_log_fsyncs_total', 'Log files written and fdatasync-ed by group commits.'],
  writeErrors: ['roundtable_storage_write_errors_total', 'Log writes that failed; their appends were rejected.'],
  compactions: ['roundtable_storage_compactions_total', 'Snapshots written by compaction.'],
  tornBytes: ['roundtable_storage_torn_bytes_total', 'Bytes of torn log tail cut off before appending.'],
} as const

export class LowdbStorage implements DocStorage {
  readonly #dir: string
  readonly #metrics: Metrics | undefined
  readonly #docs = new Map<string, DocState>()
  readonly #group: GroupCommit<Append>
  #closed = false

  private constructor(options: LowdbStorageOptions) {
    this.#dir = resolve(options.dir)
    this.#metrics = options.metrics
    this.#group = new GroupCommit(options.commitWindowMs ?? 100, (batch) => this.#writeBatch(batch))
  }

  /** Opens storage in `options.dir`, creating the directory (durably) if needed. */
  static async open(options: LowdbStorageOptions): Promise<LowdbStorage> {
    const storage = new LowdbStorage(options)
    const created = await mkdir(storage.#dir, { recursive: true })
    // Each directory created needs its parent synced for its name to survive a power loss.
    for (let path = storage.#dir; created !== undefined; path = dirname(path)) {
      await fsyncDir(dirname(path))
      if (path === created || path === dirname(path)) break
    }
    return storage
  }

  async load(docId: string): Promise<StoredDoc> {
    const doc = this.#doc(docId)
    const gate = doc.gate
    return this.#serial(doc, async () => {
      // Appends queued before this call are part of the answer.
      await gate
      await this.#group.settle()
      const snapshot = await doc.snapshot.read()
      const from = snapshot?.logGeneration ?? 0
      const updates: Uint8Array[] = snapshot === null ? [] : [snapshot.state]
      let logBytes = 0
      // Every log at or past the snapshot's generation, including a newer one that a crash during
      // compaction left without a snapshot pointing to it. Older logs are covered by the snapshot.
      for (const generation of await listLogGenerations(this.#dir, doc.id)) {
        if (generation < from) continue
        const log = await readLog(logPath(this.#dir, doc.id, generation))
        updates.push(...log.records)
        logBytes += log.validBytes
      }
      return { updates, logBytes }
    })
  }

  async append(docId: string, update: Uint8Array): Promise<void> {
    const doc = this.#doc(docId)
    this.#metrics?.inc(...M.appends)
    // Copy: the caller may reuse its buffer before the batch is written.
    const item: Append = { doc, epoch: doc.epoch, update: update.slice() }
    if (doc.gate === undefined) return this.#group.add(item)
    // The previous incarnation of this id is still being deleted: wait behind it, in order.
    const added = doc.gate.then(() => {
      if (doc.gate === tail) doc.gate = undefined
      return { done: this.#group.add(item) }
    })
    const tail = added.then(() => {})
    doc.gate = tail
    return (await added).done
  }

  async compact(docId: string, state: Uint8Array): Promise<void> {
    const doc = this.#doc(docId)
    // Synchronous, before any await: appends from now on belong to the next generation.
    const epoch = ++doc.epoch
    const copy = state.slice()
    const gate = doc.gate
    return this.#serial(doc, async () => {
      // Throws for an unreadable snapshot: we never overwrite data we could not read.
      const generation = (await this.#base(doc)) + epoch
      // Older generations' queued records are covered by `state`; wait for them so that no write
      // to a log we are about to remove is still under way.
      await gate
      await this.#group.settle()
      if (doc.deleted) return
      await doc.snapshot.write(generation, copy, new Date())
      this.#metrics?.inc(...M.compactions)
      // The snapshot is durable: older logs are redundant. Their removal need not be durable:
      // load ignores logs older than the snapshot, and the next compaction retries.
      for (const [gen, writer] of doc.writers) {
        if (gen >= generation) continue
        doc.writers.delete(gen)
        await (await writer.catch(() => null))?.close()
      }
      for (const gen of await listLogGenerations(this.#dir, doc.id)) {
        if (gen < generation) await removeFile(logPath(this.#dir, doc.id, gen))
      }
    })
  }

  async delete(docId: string): Promise<void> {
    this.#ensureOpen(docId)
    const old = this.#docs.get(docId)
    let gone!: () => void
    // Calls made from now on see a new, empty document once the old files are gone.
    this.#docs.set(docId, this.#newDoc(docId, new Promise<void>((res) => (gone = res))))
    try {
      if (old === undefined) {
        await this.#removeFiles(docId)
      } else {
        old.deleted = true
        await this.#serial(old, async () => {
          await this.#group.settle() // a batch under way may still be writing old's log
          await closeWriters(old)
          await this.#removeFiles(docId)
        })
      }
    } finally {
      gone()
    }
  }

  async flush(): Promise<void> {
    this.#ensureOpen()
    await Promise.all([...this.#docs.values()].map((doc) => doc.gate))
    await this.#group.flush()
  }

  /** Flushes, waits for running compactions, then closes files. Idempotent; other calls reject after. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    try {
      await Promise.all([...this.#docs.values()].map((doc) => doc.gate))
      await this.#group.flush()
    } finally {
      await Promise.allSettled([...this.#docs.values()].map((doc) => doc.chain))
      this.#group.stop()
      await Promise.allSettled([...this.#docs.values()].map(closeWriters))
    }
  }

  // ---- internals -------------------------------------------------------------------------------

  #ensureOpen(docId?: string): void {
    if (this.#closed) throw new Error('storage is closed')
    if (docId !== undefined) assertDocId(docId)
  }

  #doc(docId: string): DocState {
    // A known id was checked when it was first seen: the hot path (one append per update) skips it.
    let doc = this.#docs.get(docId)
    this.#ensureOpen(doc === undefined ? docId : undefined)
    if (doc === undefined) {
      doc = this.#newDoc(docId)
      this.#docs.set(docId, doc)
    }
    return doc
  }

  #newDoc(docId: string, after?: Promise<void>): DocState {
    return {
      id: docId,
      snapshot: new SnapshotFile(snapshotPath(this.#dir, docId)),
      epoch: 0,
      discovery: undefined,
      after: after ?? Promise.resolve(),
      gate: after,
      chain: after ?? Promise.resolve(),
      writers: new Map(),
      deleted: false,
    }
  }

  /** Runs `task` after every earlier load/compact/delete of `doc`, whatever their outcome. */
  #serial<R>(doc: DocState, task: () => Promise<R>): Promise<R> {
    const run = doc.chain.then(task, task)
    doc.chain = run.catch(() => {})
    return run
  }

  /**
   * The generation appends went to before this process touched `doc`: the newest log, or the
   * snapshot's generation if that is newer. Read once; an unreadable snapshot is retried next time.
   */
  #base(doc: DocState): Promise<number> {
    doc.discovery ??= (async () => {
      await doc.after
      const [snapshot, generations] = await Promise.all([
        doc.snapshot.read(),
        listLogGenerations(this.#dir, doc.id),
      ])
      return Math.max(snapshot?.logGeneration ?? 0, generations.at(-1) ?? 0)
    })().catch((error: unknown) => {
      doc.discovery = undefined
      throw error
    })
    return doc.discovery
  }

  async #removeFiles(docId: string): Promise<void> {
    // Snapshot first: a crash midway leaves only logs, never a snapshot without its newer logs.
    for (const path of await allDocFiles(this.#dir, docId)) await removeFile(path)
    await fsyncDir(this.#dir)
  }

  /**
   * One group commit: per log file one write and one fdatasync, all files in parallel; the appends
   * are settled once every file is done, after the metrics are counted.
   */
  async #writeBatch(batch: readonly Queued<Append>[]): Promise<void> {
    const started = performance.now()
    const byFile = new Map<DocState, Map<number, Queued<Append>[]>>()
    for (const entry of batch) {
      const { doc, epoch } = entry.item
      let byEpoch = byFile.get(doc)
      if (byEpoch === undefined) byFile.set(doc, (byEpoch = new Map()))
      const list = byEpoch.get(epoch)
      if (list === undefined) byEpoch.set(epoch, [entry])
      else list.push(entry)
    }
    const outcomes: { entries: readonly Queued<Append>[]; written: boolean; error?: unknown }[] = []
    await Promise.all(
      [...byFile].map(async ([doc, byEpoch]) => {
        // Deleted before it reached the disk: dropped, as MemoryStorage would.
        if (doc.deleted) return void outcomes.push({ entries: [...byEpoch.values()].flat(), written: false })
        let base: number
        try {
          base = await this.#base(doc)
        } catch (error) {
          return void outcomes.push({ entries: [...byEpoch.values()].flat(), written: false, error })
        }
        await Promise.all(
          [...byEpoch].map(async ([epoch, entries]) => {
            const error = await this.#writeLog(doc, base + epoch, entries)
            outcomes.push(error === undefined ? { entries, written: true } : { entries, written: false, error })
          }),
        )
      }),
    )
    let files = 0
    let payload = 0
    for (const { entries, written } of outcomes) {
      if (!written) continue
      files++
      for (const e of entries) payload += e.item.update.byteLength
    }
    this.#metrics?.inc(...M.flushes)
    this.#metrics?.inc(...M.fsyncs, {}, files)
    this.#metrics?.inc(...M.appendedBytes, {}, payload)
    this.#metrics?.inc(...M.flushSeconds, {}, (performance.now() - started) / 1000)
    for (const { entries, error } of outcomes) {
      for (const e of entries) {
        if (error === undefined) e.resolve()
        else e.reject(error)
      }
    }
  }

  /**
   * Appends `entries` to one log; returns the error if that failed. The records may then be partly
   * on disk: they are rejected (not retried: the caller decides, and a re-sent Yjs update is
   * harmless), and the writer is dropped so the next append reopens the file and cuts any torn
   * tail off.
   */
  async #writeLog(doc: DocState, generation: number, entries: readonly Queued<Append>[]): Promise<unknown> {
    try {
      const writer = await this.#writer(doc, generation)
      await writer.append(encodeRecords(entries.map((e) => e.item.update)))
      return undefined
    } catch (error) {
      this.#metrics?.inc(...M.writeErrors)
      const writer = doc.writers.get(generation)
      doc.writers.delete(generation)
      await (await writer?.catch(() => null))?.close().catch(() => {})
      return error ?? new Error('log write failed')
    }
  }

  #writer(doc: DocState, generation: number): Promise<LogWriter> {
    let writer = doc.writers.get(generation)
    if (writer === undefined) {
      writer = (async () => {
        const opened = await LogWriter.open(logPath(this.#dir, doc.id, generation))
        if (opened.truncatedBytes > 0) this.#metrics?.inc(...M.tornBytes, {}, opened.truncatedBytes)
        try {
          // A new log's name must survive a power loss, not just its data.
          if (opened.created) await fsyncDir(this.#dir)
        } catch (error) {
          await opened.close().catch(() => {})
          throw error
        }
        return opened
      })()
      doc.writers.set(generation, writer)
    }
    return writer
  }
}

async function closeWriters(doc: DocState): Promise<void> {
  const writers = [...doc.writers.values()]
  doc.writers.clear()
  for (const writer of writers) await (await writer.catch(() => null))?.close()
}
