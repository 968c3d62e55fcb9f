/** @module Asks why a published key result changes; the reason goes into its change log. */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { Button } from '../../ui/Button.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { TextArea } from '../../ui/Field.tsx'

export interface ReasonDialogProps {
  readonly open: boolean
  /** What is changing, e.g. "Change “Grow weekly active teams”". */
  readonly what: string
  readonly error: string | null
  readonly onSubmit: (reason: string) => void
  readonly onCancel: () => void
}

export function ReasonDialog({ open, what, error, onSubmit, onCancel }: ReasonDialogProps) {
  const [reason, setReason] = useState('')
  const submit = (e: FormEvent) => {
    e.preventDefault()
    onSubmit(reason)
  }
  const formId = useId()
  return (
    <Dialog
      title="Why does this key result change?"
      open={open}
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button variant="primary" type="submit" form={formId} disabled={reason.trim() === ''}>
            Save with reason
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} className="reason-form">
        <p className="reason-form__lead">
          {what}. The cycle is published, so the change and its reason go into the key result's change log for everyone to see.
        </p>
        <TextArea label="Reason" value={reason} onChange={(e) => setReason(e.target.value)} error={error} autoFocus required />
      </form>
    </Dialog>
  )
}
