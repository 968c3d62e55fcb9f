/**
 * @module The connection pool for DATABASE_URL. A pooled connection that the server drops while
 * idle (a restart) emits an error: logged here, since unhandled it would end the process; the pool
 * opens a new connection for the next query.
 */
import pg from 'pg'

/** Connections per instance: a group commit uses one, loads and compactions the others. */
export const POOL_SIZE = 10

export function openPool(url: string, log: (message: string) => void = () => {}): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: 5_000, idleTimeoutMillis: 30_000 })
  pool.on('error', (error) => log(`postgres: idle connection lost (${error.message})`))
  return pool
}
