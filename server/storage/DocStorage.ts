/**
 * @module The storage contract every backend fulfils (lowdb files, memory): a document is a
 * compacted snapshot plus a log of updates appended since. Storage keeps Yjs state and nothing
 * else: no second copy of the OKR model.
 */

export interface StoredDoc {
  /**
   * Encoded Yjs updates in order: the compacted snapshot first (if any), then every logged update.
   * Apply them one at a time (one `applyUpdate` each, not one big transaction).
   */
  readonly updates: readonly Uint8Array[]
  /** Bytes of log written since the last compaction: a hint for when to compact again. */
  readonly logBytes: number
}

export interface DocStorage {
  /** Everything stored for `docId`; an unknown id gives no updates. Ids are validated by callers. */
  load(docId: string): Promise<StoredDoc>
  /**
   * Queues `update` for `docId`. Resolves once it is durable (on disk within the group-commit
   * window); rejects if it could not be written. Order of appends per document is kept.
   */
  append(docId: string, update: Uint8Array): Promise<void>
  /**
   * Replaces the stored snapshot and log of `docId` by `state`, a full encoded state taken in the
   * same tick as this call: updates appended before the call are covered by `state`, updates
   * appended after it are kept. Atomic: a crash at any point leaves a loadable document.
   */
  compact(docId: string, state: Uint8Array): Promise<void>
  /** Removes every trace of `docId`. */
  delete(docId: string): Promise<void>
  /** Resolves once every append queued so far is durable. */
  flush(): Promise<void>
  /** Flushes and releases files; the storage is unusable afterwards. */
  close(): Promise<void>
}
