/**
 * @module Which PostgreSQL failures are worth waiting out (the server restarting, a dropped
 * connection, a serialization conflict) and a backoff to wait them out with.
 */

/** First wait after a transient failure; it doubles up to RETRY_MAX_MS. */
export const RETRY_BASE_MS = 50
export const RETRY_MAX_MS = 2_000

/**
 * True for failures that say nothing about the statement itself: socket errors (ECONNREFUSED,
 * ECONNRESET...), pg's own "Connection terminated", and the SQLSTATE classes 08 (connection),
 * 57 (operator intervention: shutdown, crash recovery), 53 (resources) and 40 (transaction rollback).
 */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return /^(08|57|53|40)/.test(code)
  if (typeof code === 'string') return true
  const message = (error as Error | null)?.message ?? ''
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(message)
}

/** The wait before attempt `attempt` (0 for the first retry). */
export function backoffMs(attempt: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** attempt)
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
