/** @module DocStorage kept in memory: for tests and for running without a disk. */
import type { DocStorage, StoredDoc } from './DocStorage.ts'

interface Entry {
  snapshot: Uint8Array | null
  log: Uint8Array[]
  logBytes: number
}

export class MemoryStorage implements DocStorage {
  readonly #docs = new Map<string, Entry>()
  #closed = false

  async load(docId: string): Promise<StoredDoc> {
    this.#open()
    const entry = this.#docs.get(docId)
    if (entry === undefined) return { updates: [], logBytes: 0 }
    const updates = entry.snapshot === null ? [...entry.log] : [entry.snapshot, ...entry.log]
    return { updates: updates.map((u) => u.slice()), logBytes: entry.logBytes }
  }

  async append(docId: string, update: Uint8Array): Promise<void> {
    this.#open()
    const entry = this.#entry(docId)
    entry.log.push(update.slice())
    entry.logBytes += update.byteLength
  }

  async compact(docId: string, state: Uint8Array): Promise<void> {
    this.#open()
    this.#docs.set(docId, { snapshot: state.slice(), log: [], logBytes: 0 })
  }

  async delete(docId: string): Promise<void> {
    this.#open()
    this.#docs.delete(docId)
  }

  async flush(): Promise<void> {
    this.#open()
  }

  async close(): Promise<void> {
    this.#closed = true
  }

  #entry(docId: string): Entry {
    let entry = this.#docs.get(docId)
    if (entry === undefined) {
      entry = { snapshot: null, log: [], logBytes: 0 }
      this.#docs.set(docId, entry)
    }
    return entry
  }

  #open(): void {
    if (this.#closed) throw new Error('storage is closed')
  }
}
