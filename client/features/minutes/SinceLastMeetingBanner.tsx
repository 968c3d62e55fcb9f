/**
 * @module The board's "Since last meeting: 4 KRs moved, 2 new stalls, 9 tasks done" line: only
 * the non-zero counts, a button that lists the changes, and a dismiss remembered per checkpoint.
 * Nothing shows before the first meeting ends, when nothing changed, or when the server is away;
 * a dismissed line comes back while a meeting discusses its "Since last meeting" item.
 */
import { Suspense, lazy, useState } from 'react'
import { AgendaItemKind, MeetingStatus } from '../../../shared/model/index.ts'
import { hasChanges, summaryParts } from '../../format/changesText.ts'
import { useMeeting } from '../../hooks/useMeeting.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button, IconButton } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { dismissCheckpoint, dismissedCheckpoint } from './dismissedBanner.ts'
import { useChangesSinceLastMeeting } from './useChangesSinceLastMeeting.ts'
import './banner.css'

// The dialog and its list load when first opened: the board's first load carries only the line.
const ChangesDialog = lazy(() => import('./ChangesDialog.tsx').then((m) => ({ default: m.ChangesDialog })))

export function SinceLastMeetingBanner() {
  const { workspaceId } = useWorkspace()
  const since = useChangesSinceLastMeeting()
  const [dismissed, setDismissed] = useState(() => dismissedCheckpoint(workspaceId))
  const [open, setOpen] = useState(false)
  const { meeting } = useMeeting()
  // While a running meeting is on its "Since last meeting" item, the line shows even if dismissed.
  const onTheAgenda =
    meeting?.status === MeetingStatus.Running && meeting.agenda.find((i) => i.id === meeting.currentItemId)?.subject.kind === AgendaItemKind.SinceLastMeeting
  if (since === null) return null
  const { changes, checkpoint } = since
  const showBanner = hasChanges(changes.summary) && (onTheAgenda || dismissed !== checkpoint)
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
      {open && (
        <Suspense fallback={null}>
          <ChangesDialog since={since} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  )
}
