/**
 * @module What FileStorage knows about one document: its snapshot file, its log writers by
 * generation, the records the journal holds for it and no log yet, and the chain that serializes
 * its load, compact and delete.
 */
import type { Metrics } from '../metrics.ts'
import { fsyncDir } from './atomicWrite.ts'
import { listLogGenerations, logPath, snapshotPath } from './docFiles.ts'
import type { PendingRecords } from './PendingRecords.ts'
import { SnapshotFile } from './snapshotFile.ts'
import { StorageMetric as M } from './storageMetrics.ts'
import { LogWriter } from './updateLog.ts'

export class DocState {
  readonly snapshot: SnapshotFile
  /**
   * Compactions asked for in this process. Appends go to log generation `base + epoch`; `compact`
   * bumps it synchronously, so appends made after the call land in the new log.
   */
  epoch = 0
  /** Finds `base`: the newest generation on disk before this process wrote anything. */
  #discovery: Promise<number> | undefined
  /** Settles once the files of a deleted earlier incarnation are gone; nothing starts before. */
  readonly after: Promise<void>
  /**
   * While `after` is pending, appends queue here (in order) instead of in the group commit, so a
   * batch never waits for a deletion that itself waits for batches. `undefined` once drained.
   */
  gate: Promise<void> | undefined
  /** Serializes load, compact and delete of this document. */
  chain: Promise<unknown>
  readonly #writers = new Map<number, Promise<LogWriter>>()
  /**
   * Records in the journal and not yet in a log, by epoch, oldest first: `load` adds them to what
   * the logs hold, a checkpoint writes them to the logs, a compaction drops those it covers.
   */
  readonly pending = new Map<number, PendingRecords>()
  /** `delete` was called: queued appends are dropped, and a fresh DocState took this one's place. */
  deleted = false

  readonly id: string
  readonly #dir: string
  readonly #metrics: Metrics | undefined

  constructor(dir: string, id: string, metrics: Metrics | undefined, after?: Promise<void>) {
    this.#dir = dir
    this.id = id
    this.#metrics = metrics
    this.snapshot = new SnapshotFile(snapshotPath(dir, id))
    this.after = after ?? Promise.resolve()
    this.gate = after
    this.chain = this.after
  }

  /** Runs `task` after every earlier load/compact/delete of this document, whatever their outcome. */
  serial<R>(task: () => Promise<R>): Promise<R> {
    const run = this.chain.then(task, task)
    this.chain = run.catch(() => {})
    return run
  }

  /**
   * The generation appends went to before this process touched the document: the newest log, or
   * the snapshot's generation if that is newer. Read once; an unreadable snapshot is retried next time.
   */
  base(): Promise<number> {
    this.#discovery ??= (async () => {
      await this.after
      const [snapshot, generations] = await Promise.all([this.snapshot.read(), listLogGenerations(this.#dir, this.id)])
      return Math.max(snapshot?.logGeneration ?? 0, generations.at(-1) ?? 0)
    })().catch((error: unknown) => {
      this.#discovery = undefined
      throw error
    })
    return this.#discovery
  }

  /**
   * Appends `records` (encoded) to one log and syncs it. On failure the records may be partly on
   * disk: the writer is dropped, so the next write reopens the file and cuts any torn tail off, and
   * the error is thrown (the journal still holds the records).
   */
  async writeLog(generation: number, records: Uint8Array): Promise<void> {
    try {
      const writer = await this.#writer(generation)
      await writer.append(records)
    } catch (error) {
      this.#metrics?.inc(...M.writeErrors)
      const writer = this.#writers.get(generation)
      this.#writers.delete(generation)
      await (await writer?.catch(() => null))?.close().catch(() => {})
      throw error ?? new Error('log write failed')
    }
  }

  /** Closes the writers of generations older than `generation`: their logs are about to go. */
  async closeWritersBefore(generation: number): Promise<void> {
    for (const [gen, writer] of this.#writers) {
      if (gen >= generation) continue
      this.#writers.delete(gen)
      await (await writer.catch(() => null))?.close()
    }
  }

  async closeWriters(): Promise<void> {
    const writers = [...this.#writers.values()]
    this.#writers.clear()
    for (const writer of writers) await (await writer.catch(() => null))?.close()
  }

  #writer(generation: number): Promise<LogWriter> {
    let writer = this.#writers.get(generation)
    if (writer === undefined) {
      writer = (async () => {
        const opened = await LogWriter.open(logPath(this.#dir, this.id, generation))
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
      this.#writers.set(generation, writer)
    }
    return writer
  }
}
