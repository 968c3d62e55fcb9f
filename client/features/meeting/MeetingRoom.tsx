/**
 * @module The meeting once I have joined: the docked meeting panel (a bottom sheet on a phone),
 * and while I follow the facilitator, the frame and bar that say so (or the pill back to them).
 */
import { useCallback, useMemo } from 'react'
import type { Meeting, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { usePeers } from '../../hooks/usePeers.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { FollowOverlay } from './FollowOverlay.tsx'
import { MeetingPanel } from './MeetingPanel.tsx'
import { meetingPeople } from './meetingPeople.ts'
import { useFollow } from './useFollow.ts'
import './meeting.css'

export function MeetingRoom({ meeting, following }: { meeting: Meeting; following: boolean }) {
  const { identity } = useWorkspace()
  const peers = usePeers()
  const people = useMemo(() => meetingPeople(peers, meeting), [peers, meeting])
  const facilitating = meeting.facilitatorId !== null && meeting.facilitatorId === identity.personId
  const selectName = useCallback((snap: WorkspaceSnapshot) => (meeting.facilitatorId === null ? null : (snap.people.get(meeting.facilitatorId)?.name ?? null)), [meeting.facilitatorId])
  const facilitatorName = useSnapshot(selectName) ?? 'the facilitator'
  const facilitatorColor = people.find((p) => p.facilitator)?.color ?? null
  useFollow(meeting, following && !facilitating, facilitating)
  return (
    <>
      {!facilitating && meeting.facilitatorId !== null && (
        <FollowOverlay meeting={meeting} following={following} name={facilitatorName} color={facilitatorColor} />
      )}
      <MeetingPanel meeting={meeting} people={people} facilitating={facilitating} facilitatorName={facilitatorName} />
    </>
  )
}
