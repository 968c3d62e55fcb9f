/**
 * @module Past meetings, newest first: kind, cycle, when, how long, how many people. Each opens its
 * minutes. Asked again when a meeting ends; no meeting yet shows what a meeting is and how to start one.
 */
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { ViewLink, fetchMeetings, storedToken, viewHref } from '../../app/index.ts'
import type { MeetingSummary } from '../../app/index.ts'
import { countText } from '../../format/changesText.ts'
import { durationText, meetingWhenText } from '../../format/meetingTimes.ts'
import { MEETING_KIND_LABEL } from '../../format/meetingText.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Icon } from '../../ui/Icon.tsx'
import { MeetingLink } from './MeetingLink.tsx'
import { MeetingsEmpty } from './MeetingsEmpty.tsx'
import { endedKey, useLastEndedMeeting } from './useLastEndedMeeting.ts'
import { useRemote } from './useRemote.ts'

const cyclesOf = (s: WorkspaceSnapshot) => s.cycles

export function MeetingList() {
  const { workspaceId } = useWorkspace()
  const ended = useLastEndedMeeting()
  const now = useNow()
  const cycles = useSnapshot(cyclesOf)
  const view = useView()
  const remote = useRemote(
    `meetings:${endedKey(ended)}`,
    (signal) => fetchMeetings(workspaceId, storedToken(workspaceId) ?? '', signal),
    // The meeting that just ended belongs in the list: its checkpoint may be a moment behind.
    (list: readonly MeetingSummary[]) => ended === null || list.some((m) => m.id === ended.id),
  )
  return (
    <section className="minutes-view" aria-labelledby="meetings-title">
      <header className="minutes-view__header">
        <h1 id="meetings-title">Meetings</h1>
        <p className="minutes-view__sub">Minutes of every meeting that has ended: what was decided, who checked in, what moved.</p>
        <ViewLink href={viewHref(workspaceId, { ...view, view: 'history', meetingId: null, checkpointId: null })} className="minutes-view__history">
          <Icon name="clock" size={14} /> History: the board and OKRs at any checkpoint
        </ViewLink>
      </header>
      {remote.status === 'loading' && <p role="status">Loading meetings…</p>}
      {remote.status === 'failed' && (
        <p role="alert" className="minutes-view__problem">
          <Icon name="wifiOff" /> Could not load the meetings: {remote.message}
        </p>
      )}
      {remote.status === 'ready' && remote.value.length === 0 && <MeetingsEmpty />}
      {remote.status === 'ready' && remote.value.length > 0 && (
        <ul className="meeting-list" aria-label="Past meetings">
          {remote.value.map((m) => {
            const duration = durationText(Date.parse(m.endedAt) - Date.parse(m.startedAt))
            return (
              <li key={m.id} className="meeting-list__row">
                <MeetingLink meetingId={m.id} className="meeting-list__link">
                  <span className="meeting-list__kind">{MEETING_KIND_LABEL[m.kind]}</span>{' '}
                  <span className="meeting-list__cycle">{cycles.get(m.cycleId)?.name ?? 'A past cycle'}</span>
                </MeetingLink>
                <span className="meeting-list__when">
                  <time dateTime={m.startedAt}>{meetingWhenText(m.startedAt, now)}</time>
                </span>
                <span className="meeting-list__facts">
                  <span>{duration}</span>
                  <span>{countText(m.attendees, 'attendee', 'attendees')}</span>
                  <span>{countText(m.items, 'item', 'items')}</span>
                </span>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
