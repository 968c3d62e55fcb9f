/**
 * @module Everything the "Since last meeting" counts stand for: key results moved (with their
 * deltas), new stalls (with their reasons), tasks done, check-ins (with their notes), stalls cleared.
 */
import { unreachable } from '../../../shared/model/index.ts'
import type { PersonId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { ChangeKind } from '../../../shared/rules/index.ts'
import type { StallWarning, WorkspaceChanges } from '../../../shared/rules/index.ts'
import { meetingWhenText } from '../../format/meetingTimes.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { CheckInLine } from './CheckInLine.tsx'
import { KeyResultDeltaLine } from './KeyResultDeltaLine.tsx'
import './minutes.css'
import './changes.css'

const same = (s: WorkspaceSnapshot) => s

/** What a stall warning is about, by name: the KR's title, the card's, or the column's. */
function subjectOf(snap: WorkspaceSnapshot, w: StallWarning): string {
  switch (w.target.kind) {
    case 'keyResult':
      return snap.keyResults.get(w.target.id)?.title ?? 'A key result'
    case 'task':
      return snap.tasks.get(w.target.id)?.title ?? 'A card'
    case 'column':
      return snap.columns.get(w.target.id)?.name ?? 'A column'
    default:
      return unreachable(w.target, 'stall target')
  }
}

/** `lead` starts the sentence that dates the changes ("Since the last meeting ended, Wed, Dec 2, 09:00."). */
export function ChangesList({ changes, since, lead = 'Since the last meeting ended' }: { changes: WorkspaceChanges; since: string; lead?: string }) {
  const snap = useSnapshot(same)
  const now = useNow()
  const nameOf = (id: PersonId | null) => (id === null ? null : (snap.people.get(id)?.name ?? 'someone'))
  const moved = changes.keyResults.filter((k) => k.change !== ChangeKind.Changed || k.progressBefore !== k.progressAfter || k.confidenceBefore !== k.confidenceAfter || k.scoreBefore !== k.scoreAfter)
  const done = changes.tasks.filter((t) => t.done)
  const sections = [
    {
      title: 'Key results moved',
      items: moved.map((k) => ({ key: k.id, body: <KeyResultDeltaLine delta={k} /> })),
    },
    {
      title: 'New stalls',
      items: changes.stallsAppeared.map((w) => ({
        key: `${w.ruleId}:${w.target.id}`,
        body: (
          <>
            <strong>{subjectOf(snap, w)}</strong>: {w.reason}
          </>
        ),
      })),
    },
    {
      title: 'Tasks done',
      items: done.map((t) => ({
        key: t.task.id,
        body: (
          <>
            {t.task.title}
            <span className="minutes-item__meta"> · {nameOf(t.task.assigneeId) ?? 'Unassigned'}</span>
          </>
        ),
      })),
    },
    {
      title: 'Check-ins',
      items: changes.checkIns.map((c) => ({
        key: c.id,
        body: <CheckInLine checkIn={c} krTitle={snap.keyResults.get(c.keyResultId)?.title ?? null} author={nameOf(c.authorId)} labelled={false} />,
      })),
    },
    {
      title: 'Stalls cleared',
      items: changes.stallsCleared.map((w) => ({
        key: `${w.ruleId}:${w.target.id}`,
        body: (
          <>
            <strong>{subjectOf(snap, w)}</strong>: no longer “{w.reason}”
          </>
        ),
      })),
    },
  ].filter((s) => s.items.length > 0)
  return (
    <div className="changes-list">
      <p className="changes-list__since">
        {lead}, <time dateTime={since}>{meetingWhenText(since, now)}</time>.
      </p>
      {sections.length === 0 && <p>Nothing changed on the board.</p>}
      {sections.map((s) => (
        <section key={s.title} aria-label={s.title}>
          <h3>
            {s.title} ({s.items.length})
          </h3>
          <ul className="minutes-item__list">
            {s.items.map((item) => (
              <li key={item.key}>{item.body}</li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
