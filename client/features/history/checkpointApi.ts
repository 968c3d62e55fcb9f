/**
 * @module The history view's two calls: a workspace's checkpoints (`GET .../checkpoints`) and one
 * checkpoint's whole state (`GET .../checkpoints/:id`, the bytes the board is rebuilt from). Here
 * rather than in app/api.ts so they load with the view, not with the board.
 */
import { errorMessage, getJson, workspaceUrl } from '../../app/index.ts'

/** Why a checkpoint was taken (server/storage/CheckpointStore.ts). */
export const CheckpointReason = {
  MeetingStart: 'meeting-start',
  MeetingEnd: 'meeting-end',
  Publish: 'publish',
  Close: 'close',
  Daily: 'daily',
} as const
export type CheckpointReason = (typeof CheckpointReason)[keyof typeof CheckpointReason]

/** A checkpoint as the server lists it (its date as an ISO string). */
export interface CheckpointSummary {
  readonly id: string
  readonly at: string
  readonly reason: CheckpointReason
  /** The meeting it belongs to (its start or end), else null. */
  readonly meetingId: string | null
  readonly bytes: number
}

/** A workspace's checkpoints, oldest first (as the server keeps them). */
export async function fetchCheckpoints(id: string, token: string, signal?: AbortSignal): Promise<readonly CheckpointSummary[]> {
  const body = await getJson<{ checkpoints: CheckpointSummary[] }>(workspaceUrl(id, 'checkpoints'), token, signal)
  return body.checkpoints
}

/** One checkpoint's whole document state (an encoded Yjs update). */
export async function fetchCheckpointState(id: string, token: string, checkpointId: string, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(workspaceUrl(id, `checkpoints/${encodeURIComponent(checkpointId)}`), { headers: { authorization: `Bearer ${token}` }, signal })
  if (!res.ok) throw new Error(await errorMessage(res))
  return new Uint8Array(await res.arrayBuffer())
}
