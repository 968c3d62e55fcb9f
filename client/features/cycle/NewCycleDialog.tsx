/** @module A new draft cycle: prefilled with the period after the latest cycle, every field editable. */
import { useState } from 'react'
import type { FormEvent } from 'react'
import { createCycle } from '../../../shared/doc/index.ts'
import type { Cycle, CycleId, CycleKind } from '../../../shared/model/index.ts'
import { Button } from '../../ui/Button.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { SelectField, TextField } from '../../ui/Field.tsx'
import { nextCycle } from './cycleDefaults.ts'
import { useCommand } from '../../app/index.ts'

export interface NewCycleDialogProps {
  readonly cycles: readonly Cycle[]
  readonly onCancel: () => void
  readonly onCreated: (id: CycleId) => void
}

export function NewCycleDialog({ cycles, onCancel, onCreated }: NewCycleDialogProps) {
  const [draft, setDraft] = useState(() => nextCycle(cycles, 'quarter', Date.now()))
  const { run, error } = useCommand()
  const formId = 'new-cycle-form'

  const changeKind = (kind: CycleKind) => setDraft(nextCycle(cycles, kind, Date.now()))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const made: { id?: CycleId } = {}
    if (run((s) => (made.id = createCycle(s, draft))) && made.id) onCreated(made.id)
  }

  return (
    <Dialog
      title="New cycle"
      open
      onClose={onCancel}
      footer={
        <>
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" form={formId} variant="primary" disabled={!draft.name.trim()}>
            Create cycle
          </Button>
        </>
      }
    >
      <form id={formId} className="shell-form" onSubmit={submit}>
        <TextField label="Name" value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required autoFocus />
        <SelectField label="Length" value={draft.kind} onChange={(e) => changeKind(e.target.value as CycleKind)}>
          <option value="quarter">Quarter</option>
          <option value="month">Month</option>
          <option value="year">Year</option>
        </SelectField>
        <div className="shell-form__row">
          <TextField label="Starts" type="date" value={draft.startDate} onChange={(e) => setDraft({ ...draft, startDate: e.target.value })} required />
          <TextField label="Ends" type="date" value={draft.endDate} onChange={(e) => setDraft({ ...draft, endDate: e.target.value })} required />
        </div>
        <p className="field__hint">The cycle starts as a draft: draft its OKRs together, then publish it.</p>
        {error && <p role="alert" className="shell-error">{error}</p>}
      </form>
    </Dialog>
  )
}
