/** @module The three links of a new workspace, each with a copy button, and the way into its board. */
import { Button } from '../../ui/Button.tsx'
import { CopyField } from '../../ui/CopyField.tsx'
import type { CreatedWorkspace } from '../../app/index.ts'
import { navigate } from '../../app/index.ts'

export function CreatedLinks({ workspace, onAnother }: { workspace: CreatedWorkspace; onAnother: () => void }) {
  const open = () => {
    // Same-origin link: go there in-app, keeping the token in the fragment for the workspace page.
    const url = new URL(workspace.links.owner, location.origin)
    navigate(url.pathname + url.hash)
  }
  return (
    <section className="sheet home-card" aria-labelledby="created-title">
      <h2 id="created-title" className="sheet__title">
        {workspace.name} is ready
      </h2>
      <p className="sheet__lead">Send each person the link for what they should be able to do. Anyone with a link gets its access.</p>
      <div className="created-links">
        <CopyField label="Owner link" value={workspace.links.owner} hint="Full control, including the links. Keep it to yourself." />
        <CopyField label="Editor link" value={workspace.links.editor} hint="For the team: edit OKRs, move cards, check in." />
        <CopyField label="Viewer link" value={workspace.links.viewer} hint="For everyone else: see everything, change nothing." />
      </div>
      <div className="created-links__actions">
        <Button variant="primary" onClick={open}>
          Open board
        </Button>
        <Button variant="ghost" onClick={onAnother}>
          Create another
        </Button>
      </div>
    </section>
  )
}
