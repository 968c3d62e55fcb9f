/** @module What every room and connection of one Rooms instance shares. */
import type { Limits } from '../limits.ts'
import type { ActivityLog } from '../storage/ActivityLog.ts'
import type { CheckpointStore } from '../storage/CheckpointStore.ts'
import type { DocStorage } from '../storage/DocStorage.ts'
import type { BroadcastTicker } from './BroadcastTicker.ts'
import type { Relay } from './Relay.ts'
import type { RoomMetrics } from './roomMetrics.ts'

export interface RoomContext {
  readonly storage: DocStorage
  readonly limits: Limits
  readonly metrics: RoomMetrics
  /** One line per event worth an operator's attention; never a stack trace per message. */
  readonly log: (message: string) => void
  /** Milliseconds on a monotonic clock, for the rate limits. */
  readonly now: () => number
  /** Ticks for the rooms' held-back broadcasts; null when the broadcast window is 0. */
  readonly ticker: BroadcastTicker | null
  /** Where rooms keep their dated checkpoints; null keeps none. */
  readonly checkpoints: CheckpointStore | null
  /** Checkpoints older than this many days are removed when a room takes a new one. */
  readonly checkpointRetentionDays: number
  /** Where rooms write who did what; null keeps no activity. */
  readonly activity: ActivityLog | null
  /** The wall clock (epoch ms), for checkpoints and activity. */
  readonly clock: () => number
  /** The other instances holding the same rooms (REDIS_URL); null when this one is alone. */
  readonly relay: Relay | null
}
