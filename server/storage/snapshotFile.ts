/**
 * @module A document's compacted snapshot, `<docId>.json`, kept through lowdb with an adapter that
 * writes atomically and durably (lowdb's own writer renames without fsync).
 */
import { readFile } from 'node:fs/promises'
import { Low } from 'lowdb'
import type { Adapter } from 'lowdb'
import { atomicWrite } from './atomicWrite.ts'

/** The JSON on disk. `logGeneration`: the first log generation NOT covered by `state`. */
export interface SnapshotJson {
  readonly version: 1
  readonly logGeneration: number
  /** Base64 of the encoded Yjs state. */
  readonly state: string
  /** ISO time of the compaction, for operators. */
  readonly compactedAt: string
}

export interface Snapshot {
  readonly logGeneration: number
  readonly state: Uint8Array
}

/**
 * The snapshot file exists but cannot be read. Storage never repairs, overwrites or deletes such a
 * file by itself: the data it held may exist nowhere else. Only `delete` removes it.
 */
export class CorruptSnapshotError extends Error {
  readonly path: string
  constructor(path: string, reason: string) {
    super(`unreadable document snapshot ${path}: ${reason}; fix or remove it by hand`)
    this.name = 'CorruptSnapshotError'
    this.path = path
  }
}

/** lowdb adapter: JSON read with validation, written by `atomicWrite` (tmp, fsync, rename, fsync dir). */
class DurableSnapshotAdapter implements Adapter<SnapshotJson | null> {
  readonly #path: string
  constructor(path: string) {
    this.#path = path
  }

  async read(): Promise<SnapshotJson | null> {
    let text: string
    try {
      text = await readFile(this.#path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
    return parseSnapshotJson(this.#path, text)
  }

  async write(data: SnapshotJson | null): Promise<void> {
    if (data !== null) await atomicWrite(this.#path, JSON.stringify(data))
  }
}

function parseSnapshotJson(path: string, text: string): SnapshotJson {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw new CorruptSnapshotError(path, (error as Error).message)
  }
  const v = value as Partial<Record<keyof SnapshotJson, unknown>> | null
  if (typeof v !== 'object' || v === null || v.version !== 1) {
    throw new CorruptSnapshotError(path, 'not a version 1 snapshot')
  }
  if (!Number.isSafeInteger(v.logGeneration) || (v.logGeneration as number) < 0) {
    throw new CorruptSnapshotError(path, 'bad logGeneration')
  }
  if (typeof v.state !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(v.state)) {
    throw new CorruptSnapshotError(path, 'state is not base64')
  }
  return value as SnapshotJson
}

/** One document's snapshot file: one lowdb `Low` per file, as lowdb expects. */
export class SnapshotFile {
  readonly path: string
  readonly #db: Low<SnapshotJson | null>

  constructor(path: string) {
    this.path = path
    this.#db = new Low<SnapshotJson | null>(new DurableSnapshotAdapter(path), null)
  }

  /** The stored snapshot, `null` when there is none; throws `CorruptSnapshotError` if unreadable. */
  async read(): Promise<Snapshot | null> {
    // Low.read keeps the old data when the file is missing, so start from nothing.
    this.#db.data = null
    try {
      await this.#db.read()
      const data = this.#db.data as SnapshotJson | null
      if (data === null) return null
      return { logGeneration: data.logGeneration, state: new Uint8Array(Buffer.from(data.state, 'base64')) }
    } finally {
      this.#db.data = null // do not keep a second copy of a large state in memory
    }
  }

  /** Replaces the snapshot atomically and durably. */
  async write(logGeneration: number, state: Uint8Array, compactedAt: Date): Promise<void> {
    this.#db.data = {
      version: 1,
      logGeneration,
      state: Buffer.from(state.buffer, state.byteOffset, state.byteLength).toString('base64'),
      compactedAt: compactedAt.toISOString(),
    }
    try {
      await this.#db.write()
    } finally {
      this.#db.data = null
    }
  }
}
