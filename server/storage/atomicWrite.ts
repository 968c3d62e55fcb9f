/** @module Durable file primitives: fsync a directory, and replace a file atomically and durably. */
import { open, rename, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/**
 * Makes the directory entries of `dir` durable (created, renamed and removed names). Without it a
 * renamed or newly created file can vanish after a power loss even though its data was fsynced.
 */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** The temporary name `atomicWrite` uses for `path`: hidden, next to it, same filesystem. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp`)
}

/**
 * Replaces `path` by `data` so that a crash at any point leaves either the old or the new content,
 * never a mix: write a temporary file, fsync it, rename it over `path`, fsync the directory.
 * Callers must not write the same `path` concurrently (they would share the temporary file).
 */
export async function atomicWrite(path: string, data: string | Uint8Array): Promise<void> {
  const temp = tempPathFor(path)
  try {
    const handle = await open(temp, 'w')
    try {
      await handle.writeFile(data)
      // The data must be on disk before the rename makes it visible under the real name.
      await handle.sync()
    } finally {
      await handle.close()
    }
    await rename(temp, path)
  } catch (error) {
    await unlink(temp).catch(() => {})
    throw error
  }
  await fsyncDir(dirname(path))
}
