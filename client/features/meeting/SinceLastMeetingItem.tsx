/**
 * @module The weekly agenda's opening item: "4 KRs moved, 2 new stalls, 9 tasks done" since the
 * previous meeting ended, and the changes behind the counts (the minutes feature's list).
 */
import { unreachable } from '../../../shared/model/index.ts'
import { hasChanges, summaryParts } from '../../format/changesText.ts'
import { ChangesList } from '../minutes/index.ts'
import type { MeetingChanges } from './useMeetingChanges.ts'

export function SinceLastMeetingItem({ changes }: { changes: MeetingChanges }) {
  return (
    <section className="meeting-review" aria-label="What changed since the last meeting">
      <h3 className="meeting-panel__heading">Since last meeting</h3>
      <SinceBody changes={changes} />
    </section>
  )
}

function SinceBody({ changes }: { changes: MeetingChanges }) {
  switch (changes.status) {
    case 'loading':
      return <p className="meeting-panel__hint">Looking up what changed…</p>
    case 'first':
      return <p className="meeting-review__summary">This is the first meeting: nothing to compare yet.</p>
    case 'failed':
      return <p className="meeting-panel__hint">What changed could not be looked up ({changes.message}).</p>
    case 'ready': {
      const { summary } = changes.since.changes
      if (!hasChanges(summary)) return <p className="meeting-review__summary">Nothing has changed since the last meeting.</p>
      return (
        <>
          <p className="meeting-review__summary">{summaryParts(summary).join(', ')}</p>
          <ChangesList changes={changes.since.changes} since={changes.since.since} />
        </>
      )
    }
    default:
      return unreachable(changes, 'meeting changes')
  }
}
