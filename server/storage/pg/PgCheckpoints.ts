/**
 * @module Checkpoints in PostgreSQL: one row per checkpoint, the whole encoded Yjs state, keyed by
 * workspace and the id that says when and why (CheckpointStore.ts), so every instance lists them.
 */
import type { Pool } from 'pg'
import type { CheckpointReason } from '../../../shared/protocol/index.ts'
import { checkpointId, parseCheckpointId } from '../CheckpointStore.ts'
import type { CheckpointInfo, CheckpointStore } from '../CheckpointStore.ts'
import { assertDocId } from '../docFiles.ts'

export class PgCheckpoints implements CheckpointStore {
  readonly #pool: Pool
  readonly #inFlight = new Set<Promise<unknown>>()

  constructor(pool: Pool) {
    this.#pool = pool
  }

  write(workspaceId: string, at: number, reason: CheckpointReason, meetingId: string | null, state: Uint8Array): Promise<CheckpointInfo> {
    const writing = (async () => {
      assertDocId(workspaceId)
      if (meetingId !== null) assertDocId(meetingId)
      const id = checkpointId(at, reason, meetingId)
      await this.#pool.query(
        'INSERT INTO checkpoints (workspace_id, id, at, state) VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, id) DO UPDATE SET state = EXCLUDED.state',
        [workspaceId, id, Math.floor(at), Buffer.from(state)],
      )
      return parseCheckpointId(id, state.length)!
    })()
    this.#inFlight.add(writing)
    const forget = () => this.#inFlight.delete(writing)
    void writing.then(forget, forget)
    return writing
  }

  async flush(): Promise<void> {
    await Promise.allSettled([...this.#inFlight])
  }

  async list(workspaceId: string): Promise<readonly CheckpointInfo[]> {
    assertDocId(workspaceId)
    const { rows } = await this.#pool.query<{ id: string; bytes: number }>('SELECT id, length(state) AS bytes FROM checkpoints WHERE workspace_id = $1 ORDER BY id', [workspaceId])
    return rows.map((r) => parseCheckpointId(r.id, r.bytes)).filter((c): c is CheckpointInfo => c !== null)
  }

  async read(workspaceId: string, id: string): Promise<Uint8Array | null> {
    assertDocId(workspaceId)
    if (parseCheckpointId(id, 0) === null) return null
    const { rows } = await this.#pool.query<{ state: Buffer }>('SELECT state FROM checkpoints WHERE workspace_id = $1 AND id = $2', [workspaceId, id])
    return rows[0] === undefined ? null : new Uint8Array(rows[0].state)
  }

  async prune(workspaceId: string, before: number): Promise<number> {
    assertDocId(workspaceId)
    const result = await this.#pool.query('DELETE FROM checkpoints WHERE workspace_id = $1 AND at < $2', [workspaceId, before])
    return result.rowCount ?? 0
  }
}
