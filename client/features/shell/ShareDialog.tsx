/**
 * @module The workspace's links. Owners see every link this browser knows and can rotate the
 * editor and viewer links (the old ones stop working at once); the server only hands out links on
 * creation and rotation, so when this browser has none, rotating is how an owner gets fresh ones.
 */
import { useState } from 'react'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { CopyField } from '../../ui/CopyField.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { rotateLinks } from './api.ts'
import { getKnownWorkspace, rememberWorkspace, storedToken } from './knownWorkspaces.ts'

const linkFor = (id: string, token: string) => `${location.origin}/w/${encodeURIComponent(id)}#token=${token}`

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { workspaceId, name, role } = useWorkspace()
  const token = storedToken(workspaceId) ?? ''
  const [links, setLinks] = useState(() => getKnownWorkspace(workspaceId)?.links ?? null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const rotate = async () => {
    setBusy(true)
    setError(null)
    try {
      const fresh = await rotateLinks(workspaceId, token, ['editor', 'viewer'])
      rememberWorkspace({ id: workspaceId, name, role, token, links: fresh.links })
      setLinks(fresh.links)
      setConfirming(false)
    } catch (e) {
      setError(e instanceof Error ? `Could not create new links: ${e.message}` : 'Could not create new links.')
    } finally {
      setBusy(false)
    }
  }

  if (role !== 'owner') {
    return (
      <Dialog title={`Share ${name}`} open onClose={onClose}>
        <CopyField label={`Your ${role} link`} value={linkFor(workspaceId, token)} hint="Anyone with this link gets the same access as you." />
        <p className="shell-muted">Only the workspace owner can hand out other links or revoke them.</p>
      </Dialog>
    )
  }

  return (
    <Dialog title={`Share ${name}`} open onClose={onClose}>
      {links ? (
        <>
          <CopyField label="Editor link" value={links.editor} hint="Can edit OKRs, move cards and check in." />
          <CopyField label="Viewer link" value={links.viewer} hint="Can see everything, change nothing." />
        </>
      ) : (
        <p className="shell-muted">
          This browser does not have the editor and viewer links (they are shown once, when the workspace is created).
          Create new ones to share; any older editor and viewer links stop working.
        </p>
      )}
      <CopyField label="Owner link" value={linkFor(workspaceId, token)} hint="Full control, including these links. Keep it to yourself." />
      {confirming ? (
        <div className="confirm-inline" role="group" aria-label="Confirm new links">
          <p>Everyone using the current editor and viewer links will lose access until they get the new ones.</p>
          <div className="confirm-inline__actions">
            <Button onClick={() => setConfirming(false)}>Keep current links</Button>
            <Button variant="danger" disabled={busy} onClick={() => void rotate()}>
              Revoke and create new links
            </Button>
          </div>
        </div>
      ) : (
        <div>
          <Button onClick={() => (links ? setConfirming(true) : void rotate())} disabled={busy}>
            {links ? 'Create new links…' : 'Create editor and viewer links'}
          </Button>
        </div>
      )}
      {error && <p role="alert" className="shell-error">{error}</p>}
    </Dialog>
  )
}
