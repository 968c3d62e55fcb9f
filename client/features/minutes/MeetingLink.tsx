/** @module A link to the Meetings view or one meeting's minutes: a real address (open in a new tab works), moved to without a reload. */
import type { ReactNode } from 'react'
import type { MeetingId } from '../../../shared/model/index.ts'
import { ViewLink, viewHref } from '../../app/index.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'

/** The address of the Meetings list (`meetingId` null) or of one meeting's minutes, keeping the cycle and filters. */
export function useMeetingHref(meetingId: MeetingId | null): string {
  const { workspaceId } = useWorkspace()
  const view = useView()
  return viewHref(workspaceId, { ...view, view: 'meetings', meetingId, keyResultId: null, focusTaskId: null })
}

export function MeetingLink({ meetingId, className, children }: { meetingId: MeetingId | null; className?: string; children: ReactNode }) {
  return (
    <ViewLink href={useMeetingHref(meetingId)} className={className}>
      {children}
    </ViewLink>
  )
}
