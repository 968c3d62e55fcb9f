/** @module The line under the top bar that explains why nothing is editable (viewer link, refused link). */
import { useConnectionStatus } from '../../hooks/useConnectionStatus.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'

export function ReadOnlyBanner() {
  const { canEdit } = useWorkspace()
  const status = useConnectionStatus()
  if (status.status === 'denied') {
    return (
      <div className="banner banner--critical" role="alert">
        This link is invalid or was revoked — ask the workspace owner for a new link. What you see may be out of date,
        and changes are no longer shared.
      </div>
    )
  }
  if (canEdit) return null
  return (
    <div className="banner banner--info" role="note">
      You are viewing. Ask for an editor link to make changes.
    </div>
  )
}
