/** @module What the HTTP routes need from the running server, as interfaces tests can satisfy. */
import type { Session } from '../shared/doc/index.ts'
import type { PersonId } from '../shared/model/index.ts'
import type { HistoryJob, ResultOf } from './history/historyJob.ts'
import type { Metrics } from './metrics.ts'
import type { BallotStore } from './storage/BallotStore.ts'
import type { ActivityLog } from './storage/ActivityLog.ts'
import type { CheckpointStore } from './storage/CheckpointStore.ts'
import type { Registry } from './storage/WorkspaceRegistry.ts'
import type { Webhooks } from './webhooks/Webhooks.ts'

/** The live documents: `Rooms` in production. */
export interface LiveDocs {
  /**
   * Runs `fn` on the workspace's live document (loading it if needed). Changes made in `fn` reach
   * every connected client and storage like any client's edit.
   */
  withDoc<T>(workspaceId: string, fn: (doc: Session['doc']) => T): Promise<T>
  stats(): { rooms: number; connections: number }
  /**
   * The people in meeting `meetingId` by the presence (awareness) of the workspace's connections
   * that may write: whose state has `meeting.meetingId` equal to it. Empty when nobody is connected.
   */
  presentIn(workspaceId: string, meetingId: string): Set<PersonId>
}

/** The memory routes' heavy jobs, off the rooms' thread: `HistoryWorker` in production. */
export interface HistoryJobs {
  /** The job's result (see runHistoryJob); rejects with a 503 `busy` ApiError when full. */
  run<J extends HistoryJob>(job: J): Promise<ResultOf<J>>
}

export interface Services {
  readonly registry: Registry
  readonly docs: LiveDocs
  /** Meeting votes not revealed yet: on the server only, never in the document. */
  readonly ballots: BallotStore
  /** Dated states of each workspace, outside its document ("what changed", minutes, history). */
  readonly checkpoints: CheckpointStore
  /** Who did what, outside the documents (a bounded log per workspace). */
  readonly activity: ActivityLog
  /** Runs "what changed" and minutes diffs (server/history). */
  readonly diffs: HistoryJobs
  /** The workspaces' webhooks; without it the webhook routes are not served. */
  readonly webhooks?: Webhooks
  readonly secret: string
  readonly metrics: Metrics
  readonly now: () => number
}
