/**
 * @module Dated checkpoints of a workspace, kept outside its document: the whole Yjs state at a
 * meeting's start and end, at a cycle's publish and close, and once a day while it changes. "What
 * changed" is a diff of two checkpoints read back as model snapshots (shared/rules changesBetween).
 * `MemoryCheckpoints` is the in-memory store; `FileCheckpoints` keeps them in files. Both pass
 * the contract suite in test/server/storage/checkpointContract.ts.
 */
import { CheckpointReason } from '../../shared/protocol/index.ts'
import type { CheckpointView } from '../../shared/protocol/index.ts'
import { assertDocId } from './docFiles.ts'

/** A checkpoint as kept: the listed shape with its date in milliseconds. */
export interface CheckpointInfo extends Omit<CheckpointView, 'at'> {
  readonly at: number
}

export interface CheckpointStore {
  /** Keeps `state` (an encoded Yjs update of the whole document) as a checkpoint. */
  write(workspaceId: string, at: number, reason: CheckpointReason, meetingId: string | null, state: Uint8Array): Promise<CheckpointInfo>
  /** The workspace's checkpoints, oldest first. */
  list(workspaceId: string): Promise<readonly CheckpointInfo[]>
  /** A checkpoint's state, or null when there is none with that id. */
  read(workspaceId: string, id: string): Promise<Uint8Array | null>
  /** Removes the checkpoints taken before `before`; returns how many. */
  prune(workspaceId: string, before: number): Promise<number>
  /** Resolves once every write started so far has finished (before the process exits). */
  flush(): Promise<void>
}

const ID = /^(\d{1,15})-([a-z-]{1,20})(?:-([A-Za-z0-9_-]{1,64}))?$/

/** The id of a checkpoint: time, reason and meeting, safe as a file name. */
export function checkpointId(at: number, reason: CheckpointReason, meetingId: string | null): string {
  return `${String(Math.floor(at)).padStart(15, '0')}-${reason}${meetingId === null ? '' : `-${meetingId}`}`
}

/** Reads an id back into its parts, or null for anything that is not one. */
export function parseCheckpointId(id: string, bytes: number): CheckpointInfo | null {
  const match = ID.exec(id)
  if (match === null) return null
  const reason = Object.values(CheckpointReason).find((r) => r === match[2])
  if (reason === undefined) return null
  return { id, at: Number(match[1]), reason, meetingId: match[3] ?? null, bytes }
}

/** Checkpoints in memory, for tests and for a server without a data directory. */
export class MemoryCheckpoints implements CheckpointStore {
  readonly #byWorkspace = new Map<string, Map<string, Uint8Array>>()

  async write(workspaceId: string, at: number, reason: CheckpointReason, meetingId: string | null, state: Uint8Array): Promise<CheckpointInfo> {
    assertDocId(workspaceId)
    if (meetingId !== null) assertDocId(meetingId)
    const id = checkpointId(at, reason, meetingId)
    let map = this.#byWorkspace.get(workspaceId)
    if (map === undefined) this.#byWorkspace.set(workspaceId, (map = new Map()))
    map.set(id, state.slice())
    return parseCheckpointId(id, state.length)!
  }

  async list(workspaceId: string): Promise<readonly CheckpointInfo[]> {
    const map = this.#byWorkspace.get(workspaceId) ?? new Map<string, Uint8Array>()
    return [...map]
      .map(([id, state]) => parseCheckpointId(id, state.length)!)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
  }

  async read(workspaceId: string, id: string): Promise<Uint8Array | null> {
    return this.#byWorkspace.get(workspaceId)?.get(id)?.slice() ?? null
  }

  async flush(): Promise<void> {}

  async prune(workspaceId: string, before: number): Promise<number> {
    const map = this.#byWorkspace.get(workspaceId)
    if (map === undefined) return 0
    let removed = 0
    for (const id of [...map.keys()]) {
      if (parseCheckpointId(id, 0)!.at < before) {
        map.delete(id)
        removed++
      }
    }
    return removed
  }
}
