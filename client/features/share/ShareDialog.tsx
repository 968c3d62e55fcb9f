/**
 * @module The workspace's links. Owners get the current editor and viewer links from the server
 * and can rotate them (the old ones stop working at once) and manage its webhooks; others see only their own link. Each
 * link's hint says what that role may do, as the server enforces it: editors edit OKRs, move cards
 * and check in; only owners publish, close and reopen cycles and manage links. Everyone can export.
 */
import { useEffect, useState } from 'react'
import type { Role } from '../../../shared/protocol/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { CopyField } from '../../ui/CopyField.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { ExportSection } from './ExportSection.tsx'
import { WebhooksSection } from '../webhooks/index.ts'
import { fetchLinks, getKnownWorkspace, rememberWorkspace, rotateLinks, storedToken } from '../../app/index.ts'

const linkFor = (id: string, token: string) => `${location.origin}/w/${encodeURIComponent(id)}#token=${token}`

/** What each link lets its holder do; kept true to what the server allows each role. */
const ROLE_CAN: Readonly<Record<Role, string>> = {
  owner: 'Full control: edits like an editor, and publishes, closes and reopens cycles and manages these links. Keep it to yourself.',
  editor: 'Can edit OKRs, move cards and check in. Cannot publish, close or reopen cycles, or manage links.',
  viewer: 'Can see everything, change nothing.',
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const { workspaceId, name, role } = useWorkspace()
  const token = storedToken(workspaceId) ?? ''
  const [links, setLinks] = useState(() => getKnownWorkspace(workspaceId)?.links ?? null)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    if (role !== 'owner' || token === '') return
    const abort = new AbortController()
    fetchLinks(workspaceId, token, abort.signal).then(
      (current) => {
        rememberWorkspace({ id: workspaceId, name, role, token, links: current.links })
        setLinks(current.links)
      },
      () => {
        // Offline or refused: keep the links this browser already knows.
      },
    )
    return () => abort.abort()
  }, [workspaceId, name, role, token])

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
        <CopyField label={`Your ${role} link`} value={linkFor(workspaceId, token)} hint={`${ROLE_CAN[role]} Anyone with this link gets the same access as you.`} />
        <p className="shell-muted">Ask the workspace owner for other links.</p>
        <ExportSection />
      </Dialog>
    )
  }

  return (
    <Dialog title={`Share ${name}`} open onClose={onClose}>
      {links ? (
        <>
          <CopyField label="Editor link" value={links.editor} hint={ROLE_CAN.editor} />
          <CopyField label="Viewer link" value={links.viewer} hint={ROLE_CAN.viewer} />
        </>
      ) : (
        <p className="shell-muted">
          Loading the editor and viewer links… If the server cannot be reached, create new ones once it can;
          any older editor and viewer links then stop working.
        </p>
      )}
      <CopyField label="Owner link" value={linkFor(workspaceId, token)} hint={ROLE_CAN.owner} />
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
      <ExportSection />
      <WebhooksSection />
    </Dialog>
  )
}
