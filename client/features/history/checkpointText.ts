/** @module Why a checkpoint was taken, in words: "End of weekly check-in", "Cycle published", "Daily". */
import { MeetingKind, unreachable } from '../../../shared/model/index.ts'
import { CheckpointReason } from '../../../shared/protocol/index.ts'
import { MEETING_KIND_LABEL } from '../../format/meetingText.ts'

/** "weekly check-in", "draft meeting": a meeting kind inside a sentence; "a meeting" when unknown. */
function meetingName(kind: MeetingKind | null): string {
  if (kind === null) return 'a meeting'
  const label = MEETING_KIND_LABEL[kind].toLowerCase()
  return kind === MeetingKind.Weekly ? label : `${label} meeting`
}

/**
 * A checkpoint's reason as a title. `meetingKind` is the kind of the meeting a start or end
 * belongs to (null when it is not known, e.g. a meeting still running).
 */
export function checkpointReasonText(reason: CheckpointReason, meetingKind: MeetingKind | null): string {
  switch (reason) {
    case CheckpointReason.MeetingStart:
      return `Start of ${meetingName(meetingKind)}`
    case CheckpointReason.MeetingEnd:
      return `End of ${meetingName(meetingKind)}`
    case CheckpointReason.Publish:
      return 'Cycle published'
    case CheckpointReason.Close:
      return 'Cycle closed'
    case CheckpointReason.Daily:
      return 'Daily'
    default:
      return unreachable(reason, 'checkpoint reason')
  }
}
