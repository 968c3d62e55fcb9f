/** @module The Share dialog's "Webhooks" section for owners: one line and a button that opens the webhooks dialog (loaded then). */
import { Suspense, lazy, useState } from 'react'
import { Button } from '../../ui/Button.tsx'
import './webhooks.css'

const WebhooksDialog = lazy(() => import('./WebhooksDialog.tsx').then((m) => ({ default: m.WebhooksDialog })))

export function WebhooksSection() {
  const [open, setOpen] = useState(false)
  return (
    <section className="webhooks-section" aria-labelledby="webhooks-title">
      <h3 id="webhooks-title">Webhooks</h3>
      <p className="shell-muted">Tell a chat channel or a script when key results get check-ins or stall, cards are done, people are mentioned or minutes are ready.</p>
      <div>
        <Button size="sm" onClick={() => setOpen(true)}>
          Manage webhooks…
        </Button>
      </div>
      {open && (
        <Suspense fallback={null}>
          <WebhooksDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </section>
  )
}
