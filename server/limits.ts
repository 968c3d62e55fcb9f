/**
 * @module Hard limits that keep one hostile or broken client from hurting anyone else. Every number
 * is configurable (see README, "Limits"); the defaults suit a team board with room to spare.
 */
import { HEARTBEAT_INTERVAL_MS } from '../shared/protocol/index.ts'

export interface Limits {
  /** Largest websocket frame or message accepted, refused at the frame header (ws maxPayload). */
  readonly maxMessageBytes: number
  /** Largest encoded document a room may grow to; an update beyond it is refused (4413). */
  readonly maxDocBytes: number
  /** Messages per second per connection (token bucket, burst = 2 seconds' worth) before 4429. */
  readonly messagesPerSecond: number
  /** Bytes per second per connection (token bucket, burst = 2 seconds' worth) before 4429. */
  readonly bytesPerSecond: number
  /** Awareness: states in one message, bytes of one state, JSON depth, client ids per connection. */
  readonly awarenessEntriesPerMessage: number
  readonly awarenessStateBytes: number
  readonly awarenessDepth: number
  readonly awarenessClientsPerConnection: number
  /** Updates: nesting depth of values, and delete-set ranges in one update. */
  readonly updateDepth: number
  readonly updateDeleteRanges: number
  /** A connection whose unsent bytes exceed this is closed: it stopped reading. */
  readonly maxBufferedBytes: number
  /** Ping interval; a connection that has not answered the previous ping is dropped. */
  readonly pingIntervalMs: number
  /**
   * Heartbeat sweep period (shared/protocol/heartbeat.ts): a connection sent nothing for a whole
   * period is sent the heartbeat, which browsers can see and pings are not. Clients give up after
   * SILENCE_TIMEOUT_MS of silence, so it stays the protocol's value outside tests; 0 turns it off.
   */
  readonly heartbeatIntervalMs: number
  /**
   * Broadcast window: a busy room sends at most one update frame per connection this often (a
   * change after a quiet spell goes out at once). 0 sends every turn of the event loop.
   */
  readonly broadcastWindowMs: number
  /** Group-commit window: an accepted update is on disk within this many milliseconds. */
  readonly commitWindowMs: number
  /** Compact a document's log into its snapshot once the log passes this many bytes. */
  readonly compactLogBytes: number
}

export const DEFAULT_LIMITS: Limits = Object.freeze({
  maxMessageBytes: 1024 * 1024,
  maxDocBytes: 32 * 1024 * 1024,
  messagesPerSecond: 1000,
  bytesPerSecond: 8 * 1024 * 1024,
  awarenessEntriesPerMessage: 4,
  awarenessStateBytes: 16 * 1024,
  awarenessDepth: 8,
  awarenessClientsPerConnection: 4,
  updateDepth: 32,
  updateDeleteRanges: 100_000,
  maxBufferedBytes: 16 * 1024 * 1024,
  pingIntervalMs: 10_000,
  heartbeatIntervalMs: HEARTBEAT_INTERVAL_MS,
  broadcastWindowMs: 50,
  commitWindowMs: 100,
  compactLogBytes: 4 * 1024 * 1024,
})
