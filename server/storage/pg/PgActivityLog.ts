/**
 * @module The activity log in PostgreSQL, shared by every instance: entries are queued and written
 * at most once a second as one INSERT (like FileActivityLog), each workspace bounded to the newest
 * MAX_ACTIVITY. A batch the database refuses while it is away is kept and tried again.
 */
import type { Pool } from 'pg'
import type { Activity } from '../../../shared/model/index.ts'
import { MAX_ACTIVITY } from '../ActivityLog.ts'
import type { ActivityLog, ActivityQuery } from '../ActivityLog.ts'
import { assertDocId } from '../docFiles.ts'
import { isTransient } from './retry.ts'

const WRITE_EVERY_MS = 1_000
/** Trim a workspace to MAX_ACTIVITY after about this many of its entries were written. */
const TRIM_EVERY = 1_000

export class PgActivityLog implements ActivityLog {
  readonly #pool: Pool
  readonly #log: (line: string) => void
  #pending: [string, Activity][] = []
  readonly #sinceTrim = new Map<string, number>()
  #timer: ReturnType<typeof setTimeout> | null = null
  #writing: Promise<void> = Promise.resolve()

  constructor(pool: Pool, log: (line: string) => void = () => {}) {
    this.#pool = pool
    this.#log = log
  }

  append(workspaceId: string, entries: readonly Activity[]): void {
    assertDocId(workspaceId)
    for (const entry of entries) this.#pending.push([workspaceId, entry])
    this.#arm()
  }

  async list(workspaceId: string, query: ActivityQuery): Promise<readonly Activity[]> {
    assertDocId(workspaceId)
    await this.flush()
    const { rows } = await this.#pool.query<{ entry: Activity }>(
      `SELECT entry FROM activity WHERE workspace_id = $1
         AND ($2::text IS NULL OR target_id = $2 OR key_result_id = $2) AND ($3::text IS NULL OR person_id = $3)
       ORDER BY id DESC LIMIT $4`,
      [workspaceId, query.targetId ?? null, query.personId ?? null, query.limit],
    )
    return rows.map((r) => r.entry)
  }

  async flush(): Promise<void> {
    if (this.#timer !== null) {
      clearTimeout(this.#timer)
      this.#timer = null
      void this.#write()
    }
    await this.#writing
  }

  #arm(): void {
    this.#timer ??= setTimeout(() => {
      this.#timer = null
      void this.#write()
    }, WRITE_EVERY_MS)
    this.#timer.unref?.()
  }

  #write(): Promise<void> {
    this.#writing = this.#writing.then(async () => {
      const batch = this.#pending
      this.#pending = []
      if (batch.length === 0) return
      try {
        await this.#insert(batch)
      } catch (error) {
        if (isTransient(error)) {
          // The database is away: keep the entries (before newer ones) and try again later.
          this.#pending = [...batch, ...this.#pending]
          this.#arm()
        }
        this.#log(`activity: ${(error as Error).message}`)
      }
    })
    return this.#writing
  }

  async #insert(batch: readonly [string, Activity][]): Promise<void> {
    await this.#pool.query(
      `INSERT INTO activity (workspace_id, target_id, key_result_id, person_id, entry)
       SELECT w, t, k, p, e FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS x(w, t, k, p, e, n) ORDER BY n`,
      [batch.map(([w]) => w), batch.map(([, e]) => e.target.id), batch.map(([, e]) => e.keyResultId), batch.map(([, e]) => e.personId), batch.map(([, e]) => JSON.stringify(e))],
    )
    for (const [workspaceId] of batch) this.#sinceTrim.set(workspaceId, (this.#sinceTrim.get(workspaceId) ?? 0) + 1)
    for (const [workspaceId, count] of this.#sinceTrim) {
      if (count < TRIM_EVERY) continue
      this.#sinceTrim.set(workspaceId, 0)
      await this.#pool.query(
        `DELETE FROM activity WHERE workspace_id = $1 AND id < (SELECT id FROM activity WHERE workspace_id = $1 ORDER BY id DESC OFFSET $2 LIMIT 1)`,
        [workspaceId, MAX_ACTIVITY - 1],
      )
    }
  }
}
