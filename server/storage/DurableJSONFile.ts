/** @module A lowdb adapter for small JSON files that must survive a crash: atomic and fsynced. */
import { readFile } from 'node:fs/promises'
import type { Adapter } from 'lowdb'
import { atomicWrite } from './atomicWrite.ts'

export class DurableJSONFile<T> implements Adapter<T> {
  readonly #path: string

  constructor(path: string) {
    this.#path = path
  }

  async read(): Promise<T | null> {
    try {
      return JSON.parse(await readFile(this.#path, 'utf8')) as T
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new Error(`${this.#path} is not readable JSON (${(err as Error).message}); fix or restore it by hand`, {
        cause: err,
      })
    }
  }

  /** tmp file, fsync, rename, fsync of the folder: lowdb's own JSONFile never fsyncs. */
  async write(data: T): Promise<void> {
    await atomicWrite(this.#path, JSON.stringify(data, null, 2))
  }
}
