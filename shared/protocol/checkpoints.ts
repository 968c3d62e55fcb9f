/**
 * @module Checkpoints as the REST API lists them (`GET /api/workspaces/:id/checkpoints`): why one
 * was taken, and a listed checkpoint with its date as an ISO string. The server keeps the same
 * fields with the date in milliseconds (server/storage/CheckpointStore.ts).
 */

/** Why a checkpoint was taken. */
export const CheckpointReason = {
  MeetingStart: 'meeting-start',
  MeetingEnd: 'meeting-end',
  Publish: 'publish',
  Close: 'close',
  Daily: 'daily',
} as const
export type CheckpointReason = (typeof CheckpointReason)[keyof typeof CheckpointReason]

/** A checkpoint as listed. */
export interface CheckpointView {
  /** `<at>-<reason>`: unique per workspace, sorts by time. */
  readonly id: string
  /** When it was taken, as an ISO string. */
  readonly at: string
  readonly reason: CheckpointReason
  /** The meeting it belongs to (its start or end), else null. */
  readonly meetingId: string | null
  readonly bytes: number
}
