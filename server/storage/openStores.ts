/**
 * @module Opens what the server keeps: documents, registry, ballots, checkpoints, activity, webhooks
 * and the link secret, in PostgreSQL when DATABASE_URL is set (shared by every instance), else in DATA_DIR.
 */
import { join } from 'node:path'
import type { Pool } from 'pg'
import { loadSecret } from '../auth/secret.ts'
import { ConfigError } from '../config.ts'
import type { Config } from '../config.ts'
import type { Metrics } from '../metrics.ts'
import { FileActivityLog } from './ActivityLog.ts'
import type { ActivityLog } from './ActivityLog.ts'
import type { BallotStore } from './BallotStore.ts'
import type { CheckpointStore } from './CheckpointStore.ts'
import type { DocStorage } from './DocStorage.ts'
import { FileBallotStore } from './FileBallotStore.ts'
import { FileCheckpoints } from './FileCheckpoints.ts'
import { FileStorage } from './FileStorage.ts'
import type { HookStore } from './HookStore.ts'
import { WebhookStore } from './WebhookStore.ts'
import { WorkspaceRegistry } from './WorkspaceRegistry.ts'
import type { Registry } from './WorkspaceRegistry.ts'
import { migrate } from './pg/migrations.ts'
import { PgActivityLog } from './pg/PgActivityLog.ts'
import { PgBallotStore } from './pg/PgBallotStore.ts'
import { PgCheckpoints } from './pg/PgCheckpoints.ts'
import { PgHookStore } from './pg/PgHookStore.ts'
import { PgListener } from './pg/PgListener.ts'
import { openPool } from './pg/pgPool.ts'
import { loadPgSecret } from './pg/pgSecret.ts'
import { PgStorage } from './pg/PgStorage.ts'
import { PgWorkspaceRegistry } from './pg/PgWorkspaceRegistry.ts'

export interface Stores {
  readonly storage: DocStorage
  readonly registry: Registry
  readonly ballots: BallotStore
  readonly checkpoints: CheckpointStore
  readonly activity: ActivityLog
  readonly hooks: HookStore
  /** The PostgreSQL pool when DATABASE_URL is set (webhook deliveries are queued in it), else null. */
  readonly pool: Pool | null
  readonly secret: string
  /**
   * True for the one start that should create the demo workspace: the registry is empty and, in
   * PostgreSQL, no other instance claimed it first (instances starting together on an empty
   * database would each create one).
   */
  isFirstStart(): Promise<boolean>
  /** Where they live, for the start log: `DATA_DIR` or the database's host and name. */
  readonly where: string
  /** Releases connections; call once storage, ballots, checkpoints and activity are closed and flushed. */
  close(): Promise<void>
}

export async function openStores(config: Config, metrics: Metrics, log: (message: string) => void): Promise<Stores> {
  if (config.databaseUrl !== null) return openPgStores(config.databaseUrl, config, metrics, log)
  const registry = await WorkspaceRegistry.open(config.dataDir)
  return {
    storage: await FileStorage.open({ dir: join(config.dataDir, 'docs'), commitWindowMs: config.limits.commitWindowMs, metrics }),
    registry,
    ballots: await FileBallotStore.open(config.dataDir),
    checkpoints: new FileCheckpoints(join(config.dataDir, 'checkpoints')),
    activity: new FileActivityLog(join(config.dataDir, 'activity'), log),
    hooks: await WebhookStore.open(config.dataDir, log),
    pool: null,
    secret: await loadSecret(config.dataDir, config.secret),
    isFirstStart: async () => registry.list().length === 0,
    where: config.dataDir,
    close: async () => {},
  }
}

async function openPgStores(url: string, config: Config, metrics: Metrics, log: (message: string) => void): Promise<Stores> {
  const parsed = new URL(url)
  const where = `PostgreSQL ${parsed.host}${parsed.pathname}`
  const pool = openPool(url, log)
  let listener: PgListener | undefined
  try {
    await migrate(pool)
    listener = await PgListener.open(url, log)
    const registry = await PgWorkspaceRegistry.open(pool, listener)
    return {
      storage: new PgStorage({ pool, commitWindowMs: config.limits.commitWindowMs, metrics, log }),
      registry,
      ballots: await PgBallotStore.open(pool, listener),
      checkpoints: new PgCheckpoints(pool),
      activity: new PgActivityLog(pool, log),
      hooks: await PgHookStore.open(pool, listener, log),
      pool,
      secret: await loadPgSecret(pool, config.secret),
      isFirstStart: async () => {
        if (registry.list().length > 0) return false
        const claimed = await pool.query(`INSERT INTO settings (name, value) VALUES ('demo_claimed', now()::text) ON CONFLICT (name) DO NOTHING`)
        return claimed.rowCount === 1
      },
      where,
      close: async () => {
        await listener?.close()
        await pool.end()
      },
    }
  } catch (error) {
    await listener?.close()
    await pool.end().catch(() => {})
    // Unreachable, refused or not allowed: the operator fixes DATABASE_URL or starts the server.
    throw new ConfigError(`cannot use DATABASE_URL (${where}): ${(error as Error).message}`)
  }
}
