/** @module No meeting has ended yet: what a meeting is, and how to start one. */
import { MeetingKind } from '../../../shared/model/index.ts'
import { MEETING_KIND_HINT, MEETING_KIND_LABEL } from '../../format/meetingText.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Icon } from '../../ui/Icon.tsx'

const KINDS = [MeetingKind.Weekly, MeetingKind.Draft, MeetingKind.Align, MeetingKind.Review] as const

export function MeetingsEmpty() {
  const { canEdit } = useWorkspace()
  return (
    <div className="minutes-empty">
      <span className="minutes-empty__icon">
        <Icon name="clock" size={22} />
      </span>
      <h2>No meeting has ended yet</h2>
      <p>
        A meeting walks the team through the cycle together: everyone follows the facilitator item by item, checks in,
        votes on confidence and records decisions. When it ends, its minutes appear here.
      </p>
      <ul className="minutes-empty__kinds">
        {KINDS.map((kind) => (
          <li key={kind}>
            <strong>{MEETING_KIND_LABEL[kind]}</strong>: {MEETING_KIND_HINT[kind]}
          </li>
        ))}
      </ul>
      <p className="minutes-empty__how">
        {canEdit
          ? 'To start one, choose “Start meeting” in the top bar and pick its kind.'
          : 'Someone with an editor link starts one with “Start meeting” in the top bar.'}
      </p>
    </div>
  )
}
