/**
 * @module Several real server instances (child processes, so `kill -9` is real) sharing one
 * throwaway Redis (the relay) and one throwaway PostgreSQL database (documents, registry, secret),
 * as `REDIS_URL` and `DATABASE_URL` run them in production.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { findPostgres, scaleTestsRequired, startPostgres } from './postgres.ts'
import type { TestPostgres } from './postgres.ts'
import { findRedisServer, startRedisServer } from './redisServer.ts'
import type { RedisServer } from './redisServer.ts'
import { startServerProcess } from './serverProcess.ts'
import type { ServerProcess } from './serverProcess.ts'

/** The commit window the instances run with (ROUNDTABLE_COMMIT_MS). */
export const CLUSTER_COMMIT_MS = 100

/**
 * True when the multi-instance suites can run here (redis-server and PostgreSQL installed), or
 * must (ROUNDTABLE_SCALE_TESTS=require: then a missing binary fails them instead of skipping).
 */
export function scaleSuitesRun(): boolean {
  return scaleTestsRequired() || (findRedisServer() !== null && findPostgres() !== null)
}

export interface Cluster {
  readonly redis: RedisServer
  readonly databaseUrl: string
  /** One more instance on the shared Redis and database (its own DATA_DIR for the client stub). */
  start(extraEnv?: Record<string, string>): Promise<ServerProcess>
  /** Kills every instance started so far, then Redis and PostgreSQL. */
  dispose(): Promise<void>
}

export async function startCluster(): Promise<Cluster> {
  const root = await mkdtemp(join(tmpdir(), 'roundtable-cluster-'))
  const redis = await startRedisServer()
  let postgres: TestPostgres
  try {
    postgres = await startPostgres()
  } catch (err) {
    await redis.dispose()
    throw err
  }
  const databaseUrl = await postgres.createDatabase('roundtable')
  const instances: ServerProcess[] = []
  return {
    redis,
    databaseUrl,
    async start(extraEnv = {}) {
      const dataDir = join(root, `instance-${instances.length}`, 'data')
      const instance = await startServerProcess(dataDir, {
        REDIS_URL: redis.url,
        DATABASE_URL: databaseUrl,
        ROUNDTABLE_COMMIT_MS: String(CLUSTER_COMMIT_MS),
        ...extraEnv,
      })
      instances.push(instance)
      return instance
    },
    async dispose() {
      await Promise.all(instances.map((instance) => instance.kill('SIGKILL')))
      await redis.dispose()
      await postgres.stop()
      await rm(root, { recursive: true, force: true })
    },
  }
}
