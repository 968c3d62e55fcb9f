/** @module The banner's dialog: everything that changed since the last meeting, and a way to its minutes. Loaded when first opened. */
import type { ChangesSince } from '../../app/index.ts'
import { Dialog } from '../../ui/Dialog.tsx'
import { ChangesList } from './ChangesList.tsx'
import { MeetingLink } from './MeetingLink.tsx'

export function ChangesDialog({ since, onClose }: { since: ChangesSince; onClose: () => void }) {
  return (
    <Dialog
      title="Since last meeting"
      open
      onClose={onClose}
      footer={
        <MeetingLink meetingId={null} className="changes-list__meetings">
          All meetings and their minutes
        </MeetingLink>
      }
    >
      <ChangesList changes={since.changes} since={since.since} />
    </Dialog>
  )
}
