/**
 * @module The meeting's place in the shell: keeps my presence in it up to date, and once I have
 * joined the running meeting shows the meeting room (panel, follow frame), loaded on first use so
 * the board's first load does not carry it.
 */
import { lazy, Suspense, useEffect } from 'react'
import { MeetingStatus } from '../../../shared/model/index.ts'
import { useMeeting } from '../../hooks/useMeeting.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { useParticipation } from './participation.ts'
import { useMeetingPresence } from './useMeetingPresence.ts'

const MeetingRoom = lazy(() => import('./MeetingRoom.tsx').then((m) => ({ default: m.MeetingRoom })))

/** Loads the room's code ahead (idle, after the board); a failed fetch is fetched again on use. */
export function prefetchMeetingRoom(): void {
  import('./MeetingRoom.tsx').catch(() => undefined)
}

export function MeetingLayer() {
  const { workspaceId } = useWorkspace()
  const { meeting } = useMeeting()
  useMeetingPresence(meeting)
  const running = meeting !== null && meeting.status === MeetingStatus.Running ? meeting : null
  const mine = useParticipation(workspaceId, running?.id ?? null)
  const runningId = running?.id ?? null
  useEffect(() => {
    // A meeting is on: fetch the room's code while idle, so Join is instant (and works offline later).
    if (runningId === null) return
    const timer = setTimeout(prefetchMeetingRoom, 1_500)
    return () => clearTimeout(timer)
  }, [runningId])
  if (running === null || mine === null) return null
  return (
    <Suspense fallback={null}>
      <MeetingRoom meeting={running} following={mine.following} />
    </Suspense>
  )
}
