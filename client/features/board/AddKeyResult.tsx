/**
 * @module "+ Add key result" under an objective: title, kind and the kind's measure fields, weight,
 * and (once the cycle is published) the reason the change log needs. Refusals show inline.
 */
import { useState } from 'react'
import { createKeyResult } from '../../../shared/doc/index.ts'
import { KeyResultKind, enumValues } from '../../../shared/model/index.ts'
import type { ObjectiveId } from '../../../shared/model/index.ts'
import { Button } from '../../ui/Button.tsx'
import { SelectField, TextField } from '../../ui/Field.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { useBoard } from './BoardContext.ts'
import { KIND_NAME } from '../../format/labels.ts'
import { InlineAlert } from './InlineAlert.tsx'
import { EMPTY_MEASURE, KeyResultFields, measureInput } from './KeyResultFields.tsx'
import { useCommand } from '../../app/index.ts'

export function AddKeyResult({ objectiveId, objectiveTitle }: { objectiveId: ObjectiveId; objectiveTitle: string }) {
  const { ws, cycle } = useBoard()
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<KeyResultKind>(KeyResultKind.Increase)
  const [measure, setMeasure] = useState(EMPTY_MEASURE)
  const [weight, setWeight] = useState('')
  const [reason, setReason] = useState('')
  const { error, run, clearError } = useCommand()
  const published = cycle.status === 'published'

  const close = () => {
    setOpen(false)
    setTitle('')
    setMeasure(EMPTY_MEASURE)
    setWeight('')
    setReason('')
    clearError()
  }
  const submit = () => {
    const input = {
      objectiveId,
      title,
      kind,
      ...measureInput(kind, measure),
      weight: weight.trim() === '' ? 0 : Number(weight),
      ...(published ? { reason } : {}),
    }
    if (run(() => createKeyResult(ws.session, input))) close()
  }

  if (!open) {
    return (
      <div className="objective-foot">
        <Button variant="ghost" size="sm" onClick={() => setOpen(true)} aria-label={`Add key result to ${objectiveTitle}`}>
          <Icon name="plus" size={14} /> Add key result
        </Button>
      </div>
    )
  }
  return (
    <div className="objective-foot">
      <form
        className="inline-form"
        aria-label={`New key result for ${objectiveTitle}`}
        onSubmit={(e) => {
          e.preventDefault()
          submit()
        }}
      >
        <div className="inline-form__row">
          <div className="inline-form__grow">
            <TextField label="Key result" value={title} autoFocus placeholder="e.g. Raise activation to 40%" onChange={(e) => setTitle(e.target.value)} />
          </div>
          <SelectField label="Kind" value={kind} onChange={(e) => setKind(e.target.value as KeyResultKind)}>
            {enumValues(KeyResultKind).map((k) => (
              <option key={k} value={k}>
                {KIND_NAME[k]}
              </option>
            ))}
          </SelectField>
          <KeyResultFields kind={kind} draft={measure} onChange={setMeasure} />
          <TextField label="Weight %" type="number" min={0} max={100} value={weight} onChange={(e) => setWeight(e.target.value)} />
        </div>
        {published && <TextField label="Why add it after publishing?" value={reason} onChange={(e) => setReason(e.target.value)} />}
        <InlineAlert message={error} onDismiss={clearError} />
        <div className="inline-form__actions">
          <Button variant="primary" size="sm" type="submit">
            Add key result
          </Button>
          <Button variant="ghost" size="sm" onClick={close}>
            Cancel
          </Button>
        </div>
      </form>
    </div>
  )
}
