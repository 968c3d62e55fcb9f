/**
 * @module DocStorage on local files: per document a lowdb JSON snapshot plus append-only update
 * logs, one per generation. Appends are group-committed to one write-ahead journal shared by all
 * documents (one synced write per window, however many documents changed) and kept in
 * memory; checkpoints move them into the documents' logs. See README.md here for the layout and
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
import { DirectoryLock } from './DirectoryLock.ts'
import { Journal, replayPlan } from './Journal.ts'
import type { JournalEntry } from './Journal.ts'
import { SnapshotFile } from './snapshotFile.ts'
import { PendingRecords } from './PendingRecords.ts'
import { encodeRecords, LogWriter, readLog } from './updateLog.ts'

export interface LowdbStorageOptions {
  /** Directory holding every document's files; created if missing. */
  readonly dir: string
  /** Group-commit window in ms (default 100, see `Limits.commitWindowMs`); 0 writes on the next macrotask. */
  readonly commitWindowMs?: number
  /**
   * Checkpoint once the journal passes this many bytes (default 4 MiB): write what it holds to the
   * documents' logs (synced) and empty it. Also bounds the memory that holds those records.
   */
  readonly checkpointBytes?: number
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
  /**
   * Records in the journal and not yet in a log, by epoch, oldest first: `load` adds them to what
   * the logs hold, a checkpoint writes them to the logs, a compaction drops those it covers.
   */
  pending: Map<number, PendingRecords>
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
  fsyncs: ['roundtable_storage_log_fsyncs_total', 'Synced writes (O_DSYNC): the journal once per group commit, logs at checkpoints.'],
  checkpoints: ['roundtable_storage_checkpoints_total', 'Journal checkpoints: written logs synced, the journal emptied.'],
  replayed: ['roundtable_storage_journal_replayed_total', 'Journal records replayed into document logs at start.'],
  writeErrors: ['roundtable_storage_write_errors_total', 'Log writes that failed; their records stay in the journal and in memory.'],
  compactions: ['roundtable_storage_compactions_total', 'Snapshots written by compaction.'],
  tornBytes: ['roundtable_storage_torn_bytes_total', 'Bytes of torn log tail cut off before appending.'],
} as const

const DEFAULT_CHECKPOINT_BYTES = 4 * 1024 * 1024

export class LowdbStorage implements DocStorage {
  readonly #dir: string
  readonly #metrics: Metrics | undefined
  readonly #docs = new Map<string, DocState>()
  readonly #group: GroupCommit<Append>
  readonly #checkpointBytes: number
  /** The journal size past which the next batch checkpoints. */
  #checkpointAt: number
  #journal!: Journal
  #lock!: DirectoryLock
  #closed = false

  private constructor(options: LowdbStorageOptions) {
    this.#dir = resolve(options.dir)
    this.#metrics = options.metrics
    this.#checkpointBytes = options.checkpointBytes ?? DEFAULT_CHECKPOINT_BYTES
    this.#checkpointAt = this.#checkpointBytes
    this.#group = new GroupCommit(options.commitWindowMs ?? 100, (batch) => this.#writeBatch(batch))
  }

  /**
   * Opens storage in `options.dir`, creating the directory (durably) if needed, locks it (one
   * writer per directory: DirectoryInUseError otherwise), and replays into the documents' logs
   * whatever the journal holds from a process that did not close it.
   */
  static async open(options: LowdbStorageOptions): Promise<LowdbStorage> {
    const storage = new LowdbStorage(options)
    const created = await mkdir(storage.#dir, { recursive: true })
    // Each directory created needs its parent synced for its name to survive a power loss.
    for (let path = storage.#dir; created !== undefined; path = dirname(path)) {
      await fsyncDir(dirname(path))
      if (path === created || path === dirname(path)) break
    }
    storage.#lock = await DirectoryLock.acquire(storage.#dir)
    try {
      const { journal, entries } = await Journal.open(storage.#dir)
      storage.#journal = journal
      try {
        await storage.#replay(entries)
      } catch (error) {
        await journal.close().catch(() => {})
        throw error
      }
    } catch (error) {
      await storage.#lock.release()
      throw error
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
      // The newest records, in the journal and maybe not yet in a log, taken before any log is
      // read: a checkpoint removes records from here only once a log holds them, so each record
      // is in what we took here or in a log we read after (or both; Yjs applies it once).
      const pending = [...doc.pending]
        .sort((a, b) => a[0] - b[0])
        .map(([epoch, records]) => [epoch, records.updates(), records.byteLength] as const)
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
      if (pending.length > 0) {
        const base = await this.#base(doc)
        for (const [epoch, records, bytes] of pending) {
          if (base + epoch < from) continue
          updates.push(...records)
          logBytes += bytes
        }
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
      // Covered by the snapshot: records of older epochs need not reach a log any more.
      for (const older of doc.pending.keys()) if (older < epoch) doc.pending.delete(older)
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
        await this.#journal.append([{ docId, update: null }])
        await this.#removeFiles(docId)
      } else {
        old.deleted = true
        old.pending.clear()
        await this.#serial(old, async () => {
          await this.#group.settle() // a batch under way may still be writing old's log
          await this.#closeWriters(old)
          // Durable before any file goes: a replay after a crash must not bring the document back.
          await this.#journal.append([{ docId, update: null }])
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

  /**
   * Flushes, waits for running compactions, checkpoints (a clean close leaves the journal empty),
   * then closes files. Idempotent; other calls reject after.
   */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    try {
      await Promise.all([...this.#docs.values()].map((doc) => doc.gate))
      await this.#group.flush()
    } finally {
      await Promise.allSettled([...this.#docs.values()].map((doc) => doc.chain))
      this.#group.stop()
      await this.#checkpoint().catch(() => {})
      await Promise.allSettled([...this.#docs.values()].map((doc) => this.#closeWriters(doc)))
      await this.#journal.close().catch(() => {})
      await this.#lock.release()
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
      pending: new Map(),
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
   * One group commit: the batch is appended to the journal, one synced write however
   * many documents it touches, and its records join their documents' pending records in memory.
   * Then the appends resolve. A journal past `checkpointBytes` checkpoints before the next batch.
   * Throws when the journal cannot be written: every append of the batch is rejected.
   */
  async #writeBatch(batch: readonly Queued<Append>[]): Promise<void> {
    const started = performance.now()
    // A document whose generation cannot be found (an unreadable snapshot) refuses its appends.
    const refused = new Map<DocState, unknown>()
    for (const doc of new Set(batch.map((entry) => entry.item.doc))) {
      if (doc.deleted) continue
      try {
        await this.#base(doc)
      } catch (error) {
        refused.set(doc, error)
      }
    }
    // Deleted before it reached the disk: dropped, as MemoryStorage would.
    const live = batch.filter(({ item }) => !item.doc.deleted && !refused.has(item.doc))
    let payload = 0
    if (live.length > 0) {
      await this.#journal.append(live.map(({ item }): JournalEntry => ({ docId: item.doc.id, update: item.update })))
      for (const { item } of live) {
        const { doc, epoch, update } = item
        let records = doc.pending.get(epoch)
        if (records === undefined) doc.pending.set(epoch, (records = new PendingRecords()))
        records.add(update)
        payload += update.byteLength
      }
      this.#metrics?.inc(...M.fsyncs)
    }
    this.#metrics?.inc(...M.flushes)
    this.#metrics?.inc(...M.appendedBytes, {}, payload)
    this.#metrics?.inc(...M.flushSeconds, {}, (performance.now() - started) / 1000)
    for (const entry of batch) {
      const error = refused.get(entry.item.doc)
      if (error === undefined) entry.resolve()
      else entry.reject(error)
    }
    if (this.#journal.size > this.#checkpointAt) {
      try {
        await this.#checkpoint()
        this.#checkpointAt = this.#checkpointBytes
      } catch {
        // The journal and the pending records stay: nothing is lost. Tried again once the journal
        // has grown by as much again, not after every batch.
        this.#checkpointAt = this.#journal.size + this.#checkpointBytes
      }
    }
  }

  /**
   * Writes every document's pending records to its logs (one synced write per log),
   * then empties the journal. Runs between batches (inside the group commit) or at close.
   */
  async #checkpoint(): Promise<void> {
    let synced = 0
    const failures: unknown[] = []
    await Promise.all(
      [...this.#docs.values()].map(async (doc) => {
        if (doc.pending.size === 0 || doc.deleted) return
        try {
          const base = await this.#base(doc)
          for (const [epoch, records] of [...doc.pending].sort((a, b) => a[0] - b[0])) {
            const sealed = records.seal()
            await this.#writeLog(doc, base + epoch, concat(sealed))
            // Only now, with the log durable, do the records leave the pending ones: a load in
            // between must find them here (see load). A compaction may have dropped them since.
            if (doc.pending.get(epoch) === records) {
              records.drop(sealed)
              if (records.empty) doc.pending.delete(epoch)
            }
            synced++
          }
        } catch (error) {
          // What was not written stays pending, in the journal and in memory, for the next try.
          failures.push(error)
        }
      }),
    )
    this.#metrics?.inc(...M.fsyncs, {}, synced)
    if (failures.length > 0) throw failures[0]
    await this.#journal.reset()
    this.#metrics?.inc(...M.fsyncs)
    this.#metrics?.inc(...M.checkpoints)
  }

  /**
   * Appends what a journal left by an unclean stop holds to the documents' logs (synced), after
   * finishing the deletions it records, then empties it. Yjs updates are idempotent, so records a
   * log or snapshot already holds are harmless; a log's torn tail is cut off as its writer opens.
   */
  async #replay(entries: readonly JournalEntry[]): Promise<void> {
    if (entries.length === 0) return
    for (const [docId, { deleted, updates }] of replayPlan(entries)) {
      if (deleted) await this.#removeFiles(docId)
      if (updates.length > 0) {
        const doc = this.#doc(docId)
        await this.#writeLog(doc, await this.#base(doc), encodeRecords(updates))
      }
    }
    await this.#journal.reset()
    this.#metrics?.inc(...M.replayed, {}, entries.length)
  }

  /**
   * Appends `records` (encoded) to one log and syncs it. On failure the records may be partly on
   * disk: the writer is dropped, so the next write reopens the file and cuts any torn tail off, and
   * the error is thrown (the journal still holds the records).
   */
  async #writeLog(doc: DocState, generation: number, records: Uint8Array): Promise<void> {
    try {
      const writer = await this.#writer(doc, generation)
      await writer.append(records)
    } catch (error) {
      this.#metrics?.inc(...M.writeErrors)
      const writer = doc.writers.get(generation)
      doc.writers.delete(generation)
      await (await writer?.catch(() => null))?.close().catch(() => {})
      throw error ?? new Error('log write failed')
    }
  }

  async #closeWriters(doc: DocState): Promise<void> {
    const writers = [...doc.writers.values()]
    doc.writers.clear()
    for (const writer of writers) await (await writer.catch(() => null))?.close()
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

/** `chunks` as one buffer: one write. */
function concat(chunks: readonly Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
}
