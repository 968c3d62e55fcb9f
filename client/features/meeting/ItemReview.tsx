/**
 * @module What the current agenda item brings beyond the vote and the decision: the changes since
 * the last meeting (its opening item, and a weekly KR's own), a review's scores and notes, praise,
 * and the closing of the cycle under "What we learned".
 */
import { AgendaItemKind, MeetingKind, unreachable } from '../../../shared/model/index.ts'
import type { AgendaItem, Meeting } from '../../../shared/model/index.ts'
import { KeyResultScoring } from './KeyResultScoring.tsx'
import { KeyResultSince } from './KeyResultSince.tsx'
import { LearnedItem } from './LearnedItem.tsx'
import { MeetingPraise } from './MeetingPraise.tsx'
import { ObjectiveReviewItem } from './ObjectiveReviewItem.tsx'
import { SinceLastMeetingItem } from './SinceLastMeetingItem.tsx'
import type { MeetingChanges } from './useMeetingChanges.ts'
import './review.css'

export interface ItemReviewProps {
  readonly meeting: Meeting
  readonly item: AgendaItem
  readonly facilitating: boolean
  readonly changes: MeetingChanges
}

/** The item's own part, above its decision and actions. */
export function ItemReview({ meeting, item, facilitating, changes }: ItemReviewProps) {
  const review = meeting.kind === MeetingKind.Review
  const subject = item.subject
  switch (subject.kind) {
    case AgendaItemKind.SinceLastMeeting:
      return <SinceLastMeetingItem changes={changes} />
    case AgendaItemKind.KeyResult:
      if (review) return <KeyResultScoring keyResultId={subject.keyResultId} facilitating={facilitating} />
      return meeting.kind === MeetingKind.Weekly ? <KeyResultSince keyResultId={subject.keyResultId} changes={changes} /> : null
    case AgendaItemKind.Objective:
      return review ? <ObjectiveReviewItem objectiveId={subject.objectiveId} /> : null
    case AgendaItemKind.Learned:
      return (
        <>
          <MeetingPraise meetingId={meeting.id} />
          <LearnedItem meeting={meeting} />
        </>
      )
    case AgendaItemKind.WritingHints:
    case AgendaItemKind.TeamShare:
    case AgendaItemKind.Unaligned:
    case AgendaItemKind.Publish:
    case AgendaItemKind.Custom:
      return null
    default:
      return unreachable(subject, 'agenda subject')
  }
}

/** Praise is open on every item of a review ("What we learned" shows it with the item itself). */
export function praiseOpen(meeting: Meeting, item: AgendaItem): boolean {
  return meeting.kind === MeetingKind.Review && item.subject.kind !== AgendaItemKind.Learned
}
