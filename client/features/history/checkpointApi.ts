/**
 * @module The history view's two calls: a workspace's checkpoints (`GET .../checkpoints`) and one
 * checkpoint's whole state (`GET .../checkpoints/:id`, the bytes the board is rebuilt from). Here
 * rather than in app/api.ts so they load with the view, not with the board.
 */
import type { CheckpointView } from '../../../shared/protocol/index.ts'
import { errorMessage, getJson, workspaceUrl } from '../../app/index.ts'

/** A workspace's checkpoints, oldest first (as the server keeps them). */
export async function fetchCheckpoints(id: string, token: string, signal?: AbortSignal): Promise<readonly CheckpointView[]> {
  const body = await getJson<{ checkpoints: CheckpointView[] }>(workspaceUrl(id, 'checkpoints'), token, signal)
  return body.checkpoints
}

/** One checkpoint's whole document state (an encoded Yjs update). */
export async function fetchCheckpointState(id: string, token: string, checkpointId: string, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(workspaceUrl(id, `checkpoints/${encodeURIComponent(checkpointId)}`), { headers: { authorization: `Bearer ${token}` }, signal })
  if (!res.ok) throw new Error(await errorMessage(res))
  return new Uint8Array(await res.arrayBuffer())
}
