/**
 * @module The PostgreSQL schema as an ordered list of migrations, applied at start. Each runs once,
 * in its own transaction, and is recorded in `schema_migrations`; a transaction-scoped advisory
 * lock lets instances that start together apply them one at a time (it ends with the transaction,
 * so a crashed instance cannot leave it held).
 */
import type { Pool } from 'pg'

export interface Migration {
  readonly version: number
  readonly name: string
  readonly sql: string
}

/** Append only: a released migration is never edited, a change is a new version. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents',
    sql: `
      -- A compacted document. writer: the storage instance whose own state this is, byte for byte
      -- (null once it merged anything else), so that its next compaction need not merge it again.
      CREATE TABLE doc_snapshots (
        doc_id text PRIMARY KEY,
        state bytea NOT NULL,
        writer text,
        compacted_at timestamptz NOT NULL DEFAULT now()
      );
      -- Updates appended since; writer + seq say which storage appended it and in which call.
      CREATE TABLE doc_updates (
        id bigserial PRIMARY KEY,
        doc_id text NOT NULL,
        writer text NOT NULL,
        seq bigint NOT NULL,
        update bytea NOT NULL
      );
      CREATE INDEX doc_updates_doc ON doc_updates (doc_id, id);
    `,
  },
  {
    version: 2,
    name: 'registry, secret, ballots, checkpoints',
    sql: `
      CREATE TABLE workspaces (
        id text PRIMARY KEY,
        name text NOT NULL,
        created_at bigint NOT NULL,
        owner_version integer NOT NULL DEFAULT 1,
        editor_version integer NOT NULL DEFAULT 1,
        viewer_version integer NOT NULL DEFAULT 1
      );
      CREATE TABLE settings (
        name text PRIMARY KEY,
        value text NOT NULL
      );
      CREATE TABLE ballots (
        workspace_id text NOT NULL,
        round_id text NOT NULL,
        person_id text NOT NULL,
        value double precision NOT NULL,
        PRIMARY KEY (workspace_id, round_id, person_id)
      );
      CREATE TABLE checkpoints (
        workspace_id text NOT NULL,
        id text NOT NULL,
        at bigint NOT NULL,
        state bytea NOT NULL,
        PRIMARY KEY (workspace_id, id)
      );
    `,
  },
  {
    version: 3,
    name: 'activity',
    sql: `
      -- Who did what, per workspace, newest by id; the entry as the activity routes serve it.
      CREATE TABLE activity (
        id bigserial PRIMARY KEY,
        workspace_id text NOT NULL,
        target_id text NOT NULL,
        key_result_id text,
        person_id text,
        entry jsonb NOT NULL
      );
      CREATE INDEX activity_workspace ON activity (workspace_id, id);
    `,
  },
]

/** Any constant both sides agree on: the key of the advisory lock taken while migrating. */
const MIGRATION_LOCK = 7_314_200_018

/** Applies the migrations `pool`'s database lacks, oldest first; returns the versions applied. */
export async function migrate(pool: Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  const client = await pool.connect()
  const applied: number[] = []
  try {
    await client.query('BEGIN')
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`)
    const done = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version))
    await client.query('COMMIT')
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue
      await client.query('BEGIN')
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      // Another instance may have applied it while this one waited for the lock.
      const again = await client.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version])
      if (again.rowCount === 0) {
        await client.query(m.sql)
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
        applied.push(m.version)
      }
      await client.query('COMMIT')
    }
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    client.release()
  }
  return applied
}
