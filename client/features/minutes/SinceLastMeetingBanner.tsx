/**
 * @module The board's "Since last meeting: 4 KRs moved, 2 new stalls, 9 tasks done" line: only
 * the non-zero counts, a button that lists the changes, and a dismiss remembered per checkpoint.
 * Nothing shows before the first meeting ends, when nothing changed, or when the server is away.
 */
import { Suspense, lazy, useState } from 'react'
import { hasChanges, summaryParts } from '../../format/changesText.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button, IconButton } from '../../ui/Button.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { dismissCheckpoint, dismissedCheckpoint } from './dismissedBanner.ts'
import { MeetingLink } from './MeetingLink.tsx'
import { useChangesSinceLastMeeting } from './useChangesSinceLastMeeting.ts'
import './banner.css'

// The list of changes loads when first asked for: the board's first load carries only the line.
const ChangesList = lazy(() => import('./ChangesList.tsx').then((m) => ({ default: m.ChangesList })))

export function SinceLastMeetingBanner() {
  const { workspaceId } = useWorkspace()
  const since = useChangesSinceLastMeeting()
  const [dismissed, setDismissed] = useState(() => dismissedCheckpoint(workspaceId))
  const [open, setOpen] = useState(false)
  if (since === null) return null
  const { changes, checkpoint } = since
  const showBanner = hasChanges(changes.summary) && dismissed !== checkpoint
  const dismiss = () => {
    dismissCheckpoint(workspaceId, checkpoint)
    setDismissed(checkpoint)
  }
  return (
    <>
      {showBanner && (
        <section className="since-banner" aria-label="Since last meeting">
          <Icon name="clock" />
          <p className="since-banner__text">
            <strong>Since last meeting:</strong> {summaryParts(changes.summary).join(', ')}
          </p>
          <Button size="sm" onClick={() => setOpen(true)}>
            See changes
          </Button>
          <IconButton size="sm" label="Dismiss since last meeting" icon={<Icon name="close" />} onClick={dismiss} />
        </section>
      )}
      <Dialog
        title="Since last meeting"
        open={open}
        onClose={() => setOpen(false)}
        footer={
          <MeetingLink meetingId={null} className="changes-list__meetings">
            All meetings and their minutes
          </MeetingLink>
        }
      >
        <Suspense fallback={<p role="status">Loading the changes…</p>}>
          <ChangesList changes={changes} since={since.since} />
        </Suspense>
      </Dialog>
    </>
  )
}
