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
  {
    version: 4,
    name: 'finished vote rounds',
    sql: `
      -- Rounds whose ballots were dropped (revealed or closed): an instance whose document has not
      -- heard of the reveal yet must not reveal again nor take a ballot for it.
      CREATE TABLE vote_rounds_finished (
        workspace_id text NOT NULL,
        round_id text NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (workspace_id, round_id)
      );
    `,
  },
  {
    version: 5,
    name: 'webhooks',
    sql: `
      -- A hook as the server keeps it (StoredHook, its secret included): never in the document.
      CREATE TABLE webhooks (
        id text PRIMARY KEY,
        workspace_id text NOT NULL,
        hook jsonb NOT NULL
      );
      CREATE INDEX webhooks_workspace ON webhooks (workspace_id);
      -- One row per event and hook. Every instance may see an event (each applies every update);
      -- the key is the event's own (a comment and person, a meeting...), so the instance whose
      -- insert wins sends it. Rows waiting for a retry are status 'pending': any instance claims a
      -- due one by moving lease_until ahead (FOR UPDATE SKIP LOCKED), so a dead instance's retries
      -- go on elsewhere. 'seen' marks what a hook was created after (never sent).
      CREATE TABLE webhook_deliveries (
        hook_id text NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        event_key text NOT NULL,
        event_id text NOT NULL,
        event text NOT NULL,
        body text NOT NULL,
        status text NOT NULL,
        attempt integer NOT NULL DEFAULT 0,
        first_at bigint NOT NULL,
        next_at bigint NOT NULL,
        lease_until bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (hook_id, event_key)
      );
      CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_at) WHERE status = 'pending';
      CREATE TABLE webhook_log (
        id bigserial PRIMARY KEY,
        hook_id text NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
        line jsonb NOT NULL
      );
      CREATE INDEX webhook_log_hook ON webhook_log (hook_id, id);
      -- The KRs each workspace's stall events last saw stalled, changed by compare-and-set.
      CREATE TABLE webhook_stalls (
        workspace_id text PRIMARY KEY,
        stalled jsonb NOT NULL
      );
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
