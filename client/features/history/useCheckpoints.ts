/**
 * @module A workspace's checkpoints, newest first, each with its reason in words: the meetings
 * list gives the kind of the meeting a start or end belongs to.
 */
import type { MeetingKind } from '../../../shared/model/index.ts'
import type { CheckpointView } from '../../../shared/protocol/index.ts'
import { fetchMeetings, storedToken } from '../../app/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { useRemote } from '../minutes/index.ts'
import type { Remote } from '../minutes/index.ts'
import { fetchCheckpoints } from './checkpointApi.ts'
import { checkpointReasonText } from './checkpointText.ts'

export interface Checkpoint extends CheckpointView {
  /** "End of weekly check-in", "Cycle published", "Daily". */
  readonly title: string
}

export function useCheckpoints(): Remote<readonly Checkpoint[]> {
  const { workspaceId } = useWorkspace()
  return useRemote('checkpoints', async (signal) => {
    const token = storedToken(workspaceId) ?? ''
    const [checkpoints, meetings] = await Promise.all([fetchCheckpoints(workspaceId, token, signal), fetchMeetings(workspaceId, token, signal)])
    const kinds = new Map<string, MeetingKind>(meetings.map((m) => [m.id, m.kind]))
    return checkpoints
      .map((cp) => ({ ...cp, title: checkpointReasonText(cp.reason, cp.meetingId === null ? null : (kinds.get(cp.meetingId) ?? null)) }))
      .reverse()
  })
}
