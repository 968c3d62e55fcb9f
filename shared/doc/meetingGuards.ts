/**
 * @module The checks every meeting command starts with: a meeting is running, and (for leading it)
 * the session's person facilitates it. Light on purpose: the vote rounds the server runs and the
 * co-typed decision use them without loading the meeting commands.
 */
import type * as Y from 'yjs'
import { MeetingStatus } from '../model/index.ts'
import type { Meeting } from '../model/index.ts'
import { CommandErrorCode, refuse } from './errors.ts'
import { currentMeetingMap, meetingState } from './readMeeting.ts'
import type { Session } from './session.ts'

/** The running meeting and its map, or `no-meeting`. */
export function running(s: Session): { meeting: Meeting; m: Y.Map<unknown> } {
  const meeting = meetingState(s.doc).meeting
  const m = currentMeetingMap(s.doc)
  if (meeting === null || m === undefined || meeting.status !== MeetingStatus.Running) {
    return refuse(CommandErrorCode.NoMeeting, 'No meeting is running')
  }
  return { meeting, m }
}

/** The running meeting, when the session's person facilitates it; else `not-facilitator`. */
export function facilitated(s: Session): { meeting: Meeting; m: Y.Map<unknown> } {
  const found = running(s)
  if (s.actor === null || found.meeting.facilitatorId !== s.actor) {
    refuse(CommandErrorCode.NotFacilitator, 'Only the facilitator can lead the meeting')
  }
  return found
}

