/**
 * @module A weekly KR item's own changes since the last meeting: "Progress 30% to 45%, confidence
 * 6 to 7" and its check-ins with their notes, read from the meeting's one "since" answer.
 */
import type { KeyResultId, PersonId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { CheckInLine, KeyResultDeltaLine } from '../minutes/index.ts'
import type { MeetingChanges } from './useMeetingChanges.ts'

const peopleOf = (s: WorkspaceSnapshot) => s.people

export function KeyResultSince({ keyResultId, changes }: { keyResultId: KeyResultId; changes: MeetingChanges }) {
  const people = useSnapshot(peopleOf)
  // The "Since last meeting" item says when there is nothing to compare or the answer failed.
  if (changes.status !== 'ready') return null
  const delta = changes.since.changes.keyResults.find((k) => k.id === keyResultId) ?? null
  const checkIns = changes.since.changes.checkIns.filter((c) => c.keyResultId === keyResultId)
  const nameOf = (id: PersonId | null) => (id === null ? null : (people.get(id)?.name ?? 'someone'))
  return (
    <section className="meeting-review" aria-label="This key result since the last meeting">
      <h3 className="meeting-panel__heading">Since last meeting</h3>
      {delta === null && checkIns.length === 0 ? (
        <p className="meeting-review__summary">No change to this key result since the last meeting.</p>
      ) : (
        <ul className="meeting-review__list">
          {delta !== null && (
            <li>
              <KeyResultDeltaLine delta={delta} titled={false} />
            </li>
          )}
          {checkIns.map((c) => (
            <li key={c.id}>
              <CheckInLine checkIn={c} krTitle={null} author={nameOf(c.authorId)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
