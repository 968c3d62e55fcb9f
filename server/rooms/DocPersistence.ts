/**
 * @module Keeps one room's document durable: every change is appended to the storage log as it
 * happens, and the log is compacted into a snapshot in the background once it passes
 * `compactLogBytes` and when the room unloads. Never a whole snapshot per keystroke.
 */
import type { DocStorage, StoredDoc } from '../storage/DocStorage.ts'
import { describeError } from './describeError.ts'

export interface DocPersistenceOptions {
  readonly storage: DocStorage
  readonly docId: string
  readonly compactLogBytes: number
  /** The document's full encoded state, for a compaction. */
  readonly encodeState: () => Uint8Array
  readonly log: (message: string) => void
}

export class DocPersistence {
  readonly #options: DocPersistenceOptions
  /** Log bytes written since the last compaction began. */
  #logBytes = 0
  /** An upper estimate of the encoded document size: last measured size plus every update since. */
  #docBytes = 0
  /** Something was logged since the last compaction began: unloading must compact. */
  #dirty = false
  /**
   * Another instance's update arrived since the last compaction began: the next compaction covers
   * it, but it does not make `dirty` (a busy peer would keep an unloading room compacting forever).
   */
  #relayed = false
  #compaction: Promise<boolean> | null = null
  #scheduled: ReturnType<typeof setImmediate> | null = null
  readonly #appends = new Set<Promise<boolean>>()
  #stopped = false

  constructor(options: DocPersistenceOptions) {
    this.#options = options
  }

  /** Takes over the counters of what was just loaded. */
  start(stored: StoredDoc): void {
    this.#logBytes = stored.logBytes
    this.#docBytes = stored.updates.reduce((sum, update) => sum + update.length, 0)
    this.#dirty = stored.logBytes > 0
    if (this.#logBytes > this.#options.compactLogBytes) this.#schedule()
  }

  get docBytes(): number {
    return this.#docBytes
  }

  /** Replaces the estimate by a measured size. */
  set docBytes(bytes: number) {
    this.#docBytes = bytes
  }

  /**
   * Appends `update` to the log. Resolves true once it is durable, false if storage refused it
   * (logged here; the next compaction, which encodes the whole document, covers it). Never rejects.
   */
  append(update: Uint8Array): Promise<boolean> {
    const { storage, docId, compactLogBytes, log } = this.#options
    this.#logBytes += update.length
    this.#docBytes += update.length
    this.#dirty = true
    const appended = storage.append(docId, update).then(
      () => true,
      (err: unknown) => {
        log(`storage ${docId}: append failed, the next compaction will cover it: ${describeError(err)}`)
        return false
      },
    )
    this.#appends.add(appended)
    void appended.then(() => this.#appends.delete(appended))
    if (this.#logBytes > compactLogBytes) this.#schedule()
    return appended
  }

  /**
   * Another instance accepted `update` and logs it; this one only counts it, and marks the
   * document for a compaction when the room unloads. That compaction (a merge in the shared
   * store) covers the accepting instance's last commit window if it died before writing it.
   */
  relayed(update: Uint8Array): void {
    this.#docBytes += update.length
    this.#relayed = true
  }

  /**
   * Compacts the log into a snapshot of the current state unless nothing was logged since the last
   * compaction. One compaction at a time. Resolves false if storage failed (logged). Never rejects.
   */
  async compact(): Promise<boolean> {
    while (this.#compaction !== null) await this.#compaction
    if (!this.#dirty && !this.#relayed) return true
    const { storage, docId, encodeState, log } = this.#options
    // Taken in the same tick as storage.compact: the contract that keeps later appends.
    const state = encodeState()
    const dirty = this.#dirty
    this.#dirty = false
    this.#relayed = false
    this.#logBytes = 0
    this.#docBytes = state.length
    const compaction = storage.compact(docId, state).then(
      () => true,
      (err: unknown) => {
        log(`storage ${docId}: compaction failed: ${describeError(err)}`)
        this.#dirty ||= dirty
        return false
      },
    )
    this.#compaction = compaction
    try {
      return await compaction
    } finally {
      if (this.#compaction === compaction) this.#compaction = null
    }
  }

  /** True while something is logged that no compaction has covered yet. */
  get dirty(): boolean {
    return this.#dirty
  }

  /** Resolves once every append and compaction started so far has settled. */
  async settled(): Promise<void> {
    await Promise.all([...this.#appends, this.#compaction])
  }

  /** No more background compactions (the document is about to be destroyed). */
  stop(): void {
    this.#stopped = true
    if (this.#scheduled !== null) clearImmediate(this.#scheduled)
    this.#scheduled = null
  }

  #schedule(): void {
    if (this.#stopped || this.#scheduled !== null) return
    // In the background: encoding the whole state must not delay the message that crossed the line.
    this.#scheduled = setImmediate(() => {
      this.#scheduled = null
      if (!this.#stopped) void this.compact()
    })
  }
}
