/**
 * @module Who did what and when, read from the server's activity log (`GET .../activity`): about
 * one record (a key result lists its cards and check-ins too), by one person, or the whole
 * workspace. Newest first, a page at a time ("Show more"), asked again when it opens and once the
 * board has been quiet for a moment after a change.
 */
import { useState } from 'react'
import type { ActivityTargetKind, CycleId, KeyResultId, ObjectiveId, PersonId, TaskId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { fetchActivity, storedToken } from '../../app/index.ts'
import type { ActivityEntry } from '../../app/index.ts'
import { activityText } from '../../format/activityText.ts'
import type { ActivitySubject } from '../../format/activityText.ts'
import { timeAgo } from '../../format/dates.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useRemote } from '../minutes/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { colorFor } from '../../sync/identity.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { Button } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { PersonLink } from '../people/index.ts'
import { useSettledVersion } from './useSettledVersion.ts'
import './activity.css'

/** Entries per page. */
export const ACTIVITY_PAGE = 20
/** The server's largest page. */
const MAX_LIMIT = 500
/** How long the board stays quiet after a change before the list asks again. */
export const ACTIVITY_REFRESH_MS = 1_500

const whole = (s: WorkspaceSnapshot) => s
const WHEN = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' })

/** The title of the record an entry is about, if it is on the board. */
function titleOf(snap: WorkspaceSnapshot, kind: ActivityTargetKind, id: string): string | undefined {
  switch (kind) {
    case 'cycle':
      return snap.cycles.get(id as CycleId)?.name
    case 'objective':
      return snap.objectives.get(id as ObjectiveId)?.title
    case 'keyResult':
      return snap.keyResults.get(id as KeyResultId)?.title
    case 'task':
      return snap.tasks.get(id as TaskId)?.title
    case 'person':
      return snap.people.get(id as PersonId)?.name
  }
}

function subjectOf(snap: WorkspaceSnapshot, entry: ActivityEntry, self: string | undefined): ActivitySubject {
  if (entry.target.id === self) return { kind: 'self' }
  const name = titleOf(snap, entry.target.kind, entry.target.id)
  return name === undefined ? { kind: 'gone' } : { kind: 'named', name: name || 'Untitled' }
}

export interface ActivityListProps {
  /** A record's activity (a key result's includes its cards' and check-ins'). */
  readonly target?: string
  /** One person's activity. */
  readonly person?: PersonId
  /** What the list is, for its accessible name: "Activity of this key result". */
  readonly label: string
  /** What the empty list says. */
  readonly empty?: string
}

export function ActivityList({ target, person, label, empty = 'Nothing has happened here yet.' }: ActivityListProps) {
  const { workspaceId } = useWorkspace()
  const snap = useSnapshot(whole)
  const now = useNow()
  const [limit, setLimit] = useState(ACTIVITY_PAGE)
  const [retries, setRetries] = useState(0)
  const version = useSettledVersion(ACTIVITY_REFRESH_MS)
  const remote = useRemote(`${target ?? ''}:${person ?? ''}:${limit}:${version}:${retries}`, (signal) =>
    fetchActivity(workspaceId, storedToken(workspaceId) ?? '', { target, person, limit }, signal),
  )
  if (remote.status === 'loading') return <p role="status" className="activity__note">Loading activity…</p>
  if (remote.status === 'failed') {
    return (
      <div role="alert" className="activity__problem">
        <Icon name="wifiOff" /> Could not load the activity: {remote.message}
        <Button size="sm" variant="ghost" onClick={() => setRetries((n) => n + 1)}>
          Try again
        </Button>
      </div>
    )
  }
  const entries = remote.value
  if (entries.length === 0) return <p className="activity__note">{empty}</p>
  return (
    <div className="activity">
      <ol className="activity__list" aria-label={label}>
        {entries.map((entry, i) => {
          const at = Date.parse(entry.at)
          const personName = entry.personId === null ? undefined : snap.people.get(entry.personId)?.name
          const unit = entry.keyResultId === null ? '' : (snap.keyResults.get(entry.keyResultId)?.unit ?? '')
          return (
            <li key={`${entry.at}-${i}`} className="activity__entry">
              <span className="activity__text">
                {personName === undefined ? (
                  <span className="activity__who">Someone</span>
                ) : (
                  <PersonLink personId={entry.personId}>
                    <span className="activity__who">
                      <Avatar name={personName} color={colorFor(personName)} size="sm" />
                      <span className="activity__who-name">{personName}</span>
                    </span>
                  </PersonLink>
                )}{' '}
                {activityText(entry, subjectOf(snap, entry, target), unit)}
              </span>
              <time className="activity__when" dateTime={entry.at} title={WHEN.format(at)}>
                {timeAgo(at, Math.max(now, at))}
              </time>
            </li>
          )
        })}
      </ol>
      {entries.length >= limit && limit < MAX_LIMIT && (
        <Button size="sm" variant="ghost" onClick={() => setLimit((n) => Math.min(MAX_LIMIT, n + ACTIVITY_PAGE))}>
          Show more
        </Button>
      )}
    </div>
  )
}
