/** @module A link to the Meetings view or one meeting's minutes: a real address (open in a new tab works), moved to without a reload. */
import type { MouseEvent, ReactNode } from 'react'
import type { MeetingId } from '../../../shared/model/index.ts'
import { navigate, viewHref } from '../../app/index.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'

/** The address of the Meetings list (`meetingId` null) or of one meeting's minutes, keeping the cycle and filters. */
export function useMeetingHref(meetingId: MeetingId | null): string {
  const { workspaceId } = useWorkspace()
  const view = useView()
  return viewHref(workspaceId, { ...view, view: 'meetings', meetingId, keyResultId: null, focusTaskId: null })
}

export function MeetingLink({ meetingId, className, children }: { meetingId: MeetingId | null; className?: string; children: ReactNode }) {
  const href = useMeetingHref(meetingId)
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // A modified click is the browser's (new tab, new window); a plain one stays in the page.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  }
  return (
    <a href={href} className={className} onClick={onClick}>
      {children}
    </a>
  )
}
