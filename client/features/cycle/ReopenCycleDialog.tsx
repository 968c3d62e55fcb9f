/**
 * @module "Reopen <cycle>?" for owners: a closed cycle goes back to published only with a reason,
 * which is logged with who and when (reopenCycle); the command's refusal is shown as it is.
 */
import { useState } from 'react'
import { reopenCycle } from '../../../shared/doc/index.ts'
import type { Cycle } from '../../../shared/model/index.ts'
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx'
import { TextArea } from '../../ui/Field.tsx'
import { useCommand } from '../../app/index.ts'

export function ReopenCycleDialog({ cycle, onDone }: { cycle: Cycle; onDone: () => void }) {
  const [reason, setReason] = useState('')
  const { run, error } = useCommand()
  return (
    <ConfirmDialog
      open
      title={`Reopen ${cycle.name}?`}
      confirmLabel="Reopen cycle"
      onConfirm={() => run((s) => reopenCycle(s, cycle.id, reason)) && onDone()}
      onCancel={onDone}
    >
      <p>
        Reopening lets tasks, key results and check-ins change again, so its scores may move. Close it again once the
        correction is made. The reason is kept in every key result&apos;s change log.
      </p>
      <TextArea label="Why reopen it?" rows={3} required value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. December's numbers arrived after the review" />
      {error && <p role="alert" className="shell-error">{error}</p>}
    </ConfirmDialog>
  )
}
