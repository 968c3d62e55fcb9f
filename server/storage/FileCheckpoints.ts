/**
 * @module Checkpoints as files: `<dir>/<workspaceId>/<id>.ydoc`, each the encoded Yjs state
 * (update format v1) of the whole document, written atomically. The id says when and why
 * (CheckpointStore.ts), so listing needs no index file.
 */
import { mkdir, readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { CheckpointReason } from '../../shared/protocol/index.ts'
import { atomicWrite } from './atomicWrite.ts'
import { checkpointId, parseCheckpointId } from './CheckpointStore.ts'
import type { CheckpointInfo, CheckpointStore } from './CheckpointStore.ts'
import { assertDocId, removeFile } from './docFiles.ts'

const SUFFIX = '.ydoc'

export class FileCheckpoints implements CheckpointStore {
  readonly #dir: string
  readonly #inFlight = new Set<Promise<unknown>>()

  constructor(dir: string) {
    this.#dir = dir
  }

  write(workspaceId: string, at: number, reason: CheckpointReason, meetingId: string | null, state: Uint8Array): Promise<CheckpointInfo> {
    const writing = (async () => {
      if (meetingId !== null) assertDocId(meetingId)
      const dir = await this.#workspaceDir(workspaceId, true)
      const id = checkpointId(at, reason, meetingId)
      await atomicWrite(join(dir, `${id}${SUFFIX}`), state)
      return parseCheckpointId(id, state.length)!
    })()
    this.#inFlight.add(writing)
    void writing.then(
      () => this.#inFlight.delete(writing),
      () => this.#inFlight.delete(writing),
    )
    return writing
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.#inFlight])
  }

  async list(workspaceId: string): Promise<readonly CheckpointInfo[]> {
    const dir = await this.#workspaceDir(workspaceId, false)
    let names: string[]
    try {
      names = await readdir(dir)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
      throw error
    }
    const found: CheckpointInfo[] = []
    for (const name of names) {
      if (!name.endsWith(SUFFIX) || name.startsWith('.')) continue
      const id = name.slice(0, -SUFFIX.length)
      const info = parseCheckpointId(id, (await stat(join(dir, name))).size)
      if (info !== null) found.push(info)
    }
    return found.sort((a, b) => (a.id < b.id ? -1 : 1))
  }

  async read(workspaceId: string, id: string): Promise<Uint8Array | null> {
    if (parseCheckpointId(id, 0) === null) return null
    const dir = await this.#workspaceDir(workspaceId, false)
    try {
      return new Uint8Array(await readFile(join(dir, `${id}${SUFFIX}`)))
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw error
    }
  }

  async prune(workspaceId: string, before: number): Promise<number> {
    const dir = await this.#workspaceDir(workspaceId, false)
    let removed = 0
    for (const info of await this.list(workspaceId)) {
      if (info.at >= before) continue
      await removeFile(join(dir, `${info.id}${SUFFIX}`))
      removed++
    }
    return removed
  }

  async #workspaceDir(workspaceId: string, create: boolean): Promise<string> {
    assertDocId(workspaceId)
    const dir = join(this.#dir, workspaceId)
    if (create) await mkdir(dir, { recursive: true })
    return dir
  }
}
