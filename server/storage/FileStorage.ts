/**
 * @module DocStorage on local files: per document a JSON snapshot (through lowdb) plus append-only
 * update logs, one per generation. Appends are group-committed to one write-ahead journal shared by all
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
import { allDocFiles, assertDocId, listLogGenerations, logPath, removeFile } from './docFiles.ts'
import { DocState } from './DocState.ts'
import { GroupCommit } from './GroupCommit.ts'
import type { Queued } from './GroupCommit.ts'
import { DirectoryLock } from './DirectoryLock.ts'
import { Journal, replayPlan } from './Journal.ts'
import type { JournalEntry } from './Journal.ts'
import { PendingRecords } from './PendingRecords.ts'
import { StorageMetric as M } from './storageMetrics.ts'
import { encodeRecords, readLog } from './updateLog.ts'

export interface FileStorageOptions {
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

interface Append {
  readonly doc: DocState
  readonly epoch: number
  readonly update: Uint8Array
}

const DEFAULT_CHECKPOINT_BYTES = 4 * 1024 * 1024

export class FileStorage implements DocStorage {
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

  private constructor(options: FileStorageOptions) {
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
  static async open(options: FileStorageOptions): Promise<FileStorage> {
    const storage = new FileStorage(options)
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
    return doc.serial(async () => {
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
        const base = await doc.base()
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
    return doc.serial(async () => {
      // Throws for an unreadable snapshot: we never overwrite data we could not read.
      const generation = (await doc.base()) + epoch
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
      await doc.closeWritersBefore(generation)
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
        await old.serial(async () => {
          await this.#group.settle() // a batch under way may still be writing old's log
          await old.closeWriters()
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
      await Promise.allSettled([...this.#docs.values()].map((doc) => doc.closeWriters()))
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
        await doc.base()
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
          const base = await doc.base()
          for (const [epoch, records] of [...doc.pending].sort((a, b) => a[0] - b[0])) {
            const sealed = records.seal()
            await doc.writeLog(base + epoch, concat(sealed))
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
        await doc.writeLog(await doc.base(), encodeRecords(updates))
      }
    }
    await this.#journal.reset()
    this.#metrics?.inc(...M.replayed, {}, entries.length)
  }

  #newDoc(docId: string, after?: Promise<void>): DocState {
    return new DocState(this.#dir, docId, this.#metrics, after)
  }
}

/** `chunks` as one buffer: one write. */
function concat(chunks: readonly Uint8Array[]): Uint8Array {
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks)
}
