/** @module "Create a workspace": one name, then the three links to hand out and a way in. */
import { useState } from 'react'
import type { FormEvent } from 'react'
import { Button } from '../../ui/Button.tsx'
import { TextField } from '../../ui/Field.tsx'
import { createWorkspace, rememberWorkspace } from '../../app/index.ts'
import type { CreatedWorkspace } from '../../app/index.ts'
import { CreatedLinks } from './CreatedLinks.tsx'

export function CreateWorkspace() {
  const [name, setName] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreatedWorkspace | null>(null)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (!name.trim()) return
    setBusy(true)
    setError(null)
    try {
      const workspace = await createWorkspace(name.trim())
      // Remember it now (with every link) so the owner can find it and its links again from here.
      rememberWorkspace({ id: workspace.id, name: workspace.name, role: 'owner', token: workspace.tokens.owner, links: workspace.links })
      setCreated(workspace)
    } catch (e) {
      setError(e instanceof TypeError ? 'Could not reach the server. Check your connection and try again.' : e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  if (created) {
    return <CreatedLinks workspace={created} onAnother={() => { setCreated(null); setName('') }} />
  }
  return (
    <section className="sheet home-card" aria-labelledby="create-title">
      <h2 id="create-title" className="sheet__title">
        Create a workspace
      </h2>
      <p className="sheet__lead">One workspace per company or team. You get three links: owner, editor and viewer.</p>
      <form className="create-form" onSubmit={(e) => void submit(e)}>
        <TextField label="Workspace name" placeholder="Acme Inc." value={name} onChange={(e) => setName(e.target.value)} maxLength={120} required error={error} />
        <Button type="submit" variant="primary" disabled={busy || !name.trim()}>
          {busy ? 'Creating…' : 'Create workspace'}
        </Button>
      </form>
    </section>
  )
}
