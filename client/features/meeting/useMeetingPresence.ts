/**
 * @module Writes my place in the meeting to awareness (`meeting: {meetingId, following, away}`):
 * joined or not, whom I follow, and whether my tab is hidden. Leaves the meeting for me when it ends.
 */
import { useEffect, useState } from 'react'
import { MeetingStatus } from '../../../shared/model/index.ts'
import type { Meeting } from '../../../shared/model/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { setParticipation, useParticipation } from './participation.ts'

function useHidden(): boolean {
  const [hidden, setHidden] = useState(() => typeof document !== 'undefined' && document.visibilityState === 'hidden')
  useEffect(() => {
    const onChange = () => setHidden(document.visibilityState === 'hidden')
    document.addEventListener('visibilitychange', onChange)
    return () => document.removeEventListener('visibilitychange', onChange)
  }, [])
  return hidden
}

export function useMeetingPresence(meeting: Meeting | null): void {
  const { presence, workspaceId, identity } = useWorkspace()
  const runningId = meeting?.status === MeetingStatus.Running ? meeting.id : null
  const mine = useParticipation(workspaceId, runningId)
  const hidden = useHidden()
  const facilitatorId = meeting?.facilitatorId ?? null
  // The facilitator follows nobody (after a hand-over, my old "following" does not point at me).
  const following = mine?.following === true && facilitatorId !== identity.personId ? facilitatorId : null

  useEffect(() => {
    // Joined a meeting that has ended (or another one started since): out of it.
    if (runningId === null && meeting !== null) setParticipation(workspaceId, null)
  }, [runningId, meeting, workspaceId])

  useEffect(() => {
    presence.setMeeting(mine === null ? null : { meetingId: mine.meetingId, following, away: hidden })
  }, [presence, mine, following, hidden])

  useEffect(() => () => presence.setMeeting(null), [presence])
}
