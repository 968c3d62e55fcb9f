/**
 * @module One meeting's minutes: the header (kind, cycle, when, how long, who), the summary of what
 * moved, each agenda item, praise; "Download Markdown" and "Print" (minutes.css has the print sheet).
 */
import { useState } from 'react'
import type { MeetingId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import type { Minutes } from '../../../shared/rules/index.ts'
import { fetchMinutes, fetchMinutesMarkdown, saveFile, storedToken } from '../../app/index.ts'
import { summaryText } from '../../format/changesText.ts'
import { durationText, meetingWhenText } from '../../format/meetingTimes.ts'
import { MEETING_KIND_LABEL } from '../../format/meetingText.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { MeetingLink } from './MeetingLink.tsx'
import { MinutesItemSection } from './MinutesItemSection.tsx'
import { PraiseSection } from './PraiseSection.tsx'
import { useRemote } from './useRemote.ts'

const cyclesOf = (s: WorkspaceSnapshot) => s.cycles

export function MinutesPage({ meetingId }: { meetingId: MeetingId }) {
  const { workspaceId } = useWorkspace()
  const remote = useRemote(meetingId, (signal) => fetchMinutes(workspaceId, storedToken(workspaceId) ?? '', meetingId, signal))
  return (
    <article className="minutes-view minutes-page" aria-labelledby="minutes-title" aria-busy={remote.status === 'loading'}>
      <MeetingLink meetingId={null} className="minutes-page__back">
        <Icon name="chevronRight" size={14} />
        All meetings
      </MeetingLink>
      {remote.status === 'loading' && <p role="status">Loading the minutes…</p>}
      {remote.status === 'failed' && (
        <>
          <h1 id="minutes-title">Minutes</h1>
          <p role="alert" className="minutes-view__problem">
            Could not load these minutes: {remote.message}
          </p>
        </>
      )}
      {remote.status === 'ready' && <MinutesBody minutes={remote.value} meetingId={meetingId} />}
    </article>
  )
}

function MinutesBody({ minutes, meetingId }: { minutes: Minutes; meetingId: MeetingId }) {
  const { workspaceId, name } = useWorkspace()
  const now = useNow()
  const cycles = useSnapshot(cyclesOf)
  const [error, setError] = useState<string | null>(null)
  const { meeting } = minutes
  const kind = MEETING_KIND_LABEL[meeting.kind]
  const download = async () => {
    setError(null)
    try {
      const { blob, filename } = await fetchMinutesMarkdown(workspaceId, storedToken(workspaceId) ?? '', meetingId)
      saveFile(blob, filename)
    } catch (e) {
      setError(`Could not download the minutes: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return (
    <>
      <header className="minutes-page__header">
        <p className="minutes-page__print-only">{name} · Minutes</p>
        <div className="minutes-page__heading">
          <h1 id="minutes-title">
            {kind} <span className="minutes-page__cycle">· {cycles.get(meeting.cycleId)?.name ?? 'a past cycle'}</span>
          </h1>
          <div className="minutes-page__tools">
            <Button size="sm" onClick={() => void download()}>
              Download Markdown
            </Button>
            <Button size="sm" onClick={() => window.print()}>
              Print
            </Button>
          </div>
        </div>
        <dl className="minutes-page__facts">
          <div>
            <dt>When</dt>
            <dd>
              <time dateTime={new Date(minutes.startedAt).toISOString()}>{meetingWhenText(minutes.startedAt, now)}</time>
            </dd>
          </div>
          <div>
            <dt>Duration</dt>
            <dd>{durationText(minutes.durationMs)}</dd>
          </div>
          <div>
            <dt>Facilitator</dt>
            <dd>{minutes.facilitatorName ?? 'Nobody'}</dd>
          </div>
          <div>
            <dt>Attendees ({minutes.attendees.length})</dt>
            <dd>{minutes.attendees.length === 0 ? 'Nobody recorded' : minutes.attendees.join(', ')}</dd>
          </div>
        </dl>
        <p className="minutes-page__summary">
          <strong>Changes:</strong> {summaryText(minutes.changes.summary)}
        </p>
        {error && (
          <p role="alert" className="minutes-view__problem">
            {error}
          </p>
        )}
      </header>
      {minutes.items.length === 0 ? (
        <p className="minutes-page__none">No agenda item was discussed.</p>
      ) : (
        <ol className="minutes-items" aria-label="Agenda">
          {minutes.items.map((entry, i) => (
            <MinutesItemSection key={entry.item.id} entry={entry} n={i + 1} />
          ))}
        </ol>
      )}
      <PraiseSection praise={minutes.praise} />
    </>
  )
}
