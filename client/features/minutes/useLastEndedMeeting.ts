/** @module The meeting that ended last, from the document: when it changes, the Meetings list and the banner ask again. */
import { MeetingStatus } from '../../../shared/model/index.ts'
import type { MeetingId } from '../../../shared/model/index.ts'
import { useMeeting } from '../../hooks/useMeeting.ts'

export interface EndedMeeting {
  readonly id: MeetingId
  readonly endedAt: number
}

/** The document's meeting once it has ended (it holds the current or last one), else null. */
export function useLastEndedMeeting(): EndedMeeting | null {
  const { meeting } = useMeeting()
  if (meeting === null || meeting.status !== MeetingStatus.Ended) return null
  return { id: meeting.id, endedAt: meeting.endedAt ?? meeting.startedAt }
}

/** A key that changes when another meeting ends: '' while none has. */
export const endedKey = (ended: EndedMeeting | null): string => (ended === null ? '' : `${ended.id}@${ended.endedAt}`)
