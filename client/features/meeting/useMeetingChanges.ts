/**
 * @module What changed since the previous meeting ended, asked once when a meeting starts (not per
 * agenda item): the "Since last meeting" item and each weekly KR item read the same answer.
 */
import { useEffect, useState } from 'react'
import { fetchChangesSinceLastMeeting, storedToken } from '../../app/index.ts'
import type { ChangesSince } from '../../app/index.ts'
import type { MeetingId } from '../../../shared/model/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'

/** The answer as the meeting panel shows it: `first` when no meeting ended before this one. */
export type MeetingChanges =
  | { readonly status: 'loading' }
  | { readonly status: 'first' }
  | { readonly status: 'ready'; readonly since: ChangesSince }
  | { readonly status: 'failed'; readonly message: string }

/** The changes since the last ended meeting, fetched once per `meetingId`. */
export function useMeetingChanges(meetingId: MeetingId): MeetingChanges {
  const { workspaceId } = useWorkspace()
  const [state, setState] = useState<MeetingChanges>({ status: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    setState({ status: 'loading' })
    fetchChangesSinceLastMeeting(workspaceId, storedToken(workspaceId) ?? '', controller.signal).then(
      (since) => {
        if (!controller.signal.aborted) setState(since === null ? { status: 'first' } : { status: 'ready', since })
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) })
      },
    )
    return () => controller.abort()
  }, [workspaceId, meetingId])
  return state
}
