/**
 * @module What changed since the last meeting ended, asked when the board opens and again when a
 * meeting ends. Quiet: no meeting ended yet, offline or a server error all read as "nothing to show".
 */
import { fetchChangesSinceLastMeeting, storedToken } from '../../app/index.ts'
import type { ChangesSince } from '../../app/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { endedKey, useLastEndedMeeting } from './useLastEndedMeeting.ts'
import { useRemote } from './useRemote.ts'

/** How far a checkpoint may sit before the meeting's own end stamp (clock skew between stamps). */
const END_SKEW_MS = 10_000

/** The changes since the last meeting's end, or null (none ended, nothing fetched yet, or failed). */
export function useChangesSinceLastMeeting(): ChangesSince | null {
  const { workspaceId } = useWorkspace()
  const ended = useLastEndedMeeting()
  const remote = useRemote(
    `changes:${endedKey(ended)}`,
    (signal) => fetchChangesSinceLastMeeting(workspaceId, storedToken(workspaceId) ?? '', signal),
    // Right after a meeting ends the server may still be writing its checkpoint: an answer counted
    // from an earlier meeting is asked again.
    (value) => ended === null || (value !== null && Date.parse(value.since) >= ended.endedAt - END_SKEW_MS),
  )
  return remote.status === 'ready' ? remote.value : null
}
