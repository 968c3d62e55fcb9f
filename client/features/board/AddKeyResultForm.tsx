/**
 * @module The new key result form under an objective: title, kind and the kind's measure fields,
 * weight, and (once the cycle is published) the reason the change log needs. Refusals show inline.
 */
import { useState } from 'react'
import { createKeyResult } from '../../../shared/doc/index.ts'
import { CycleStatus, enumValues, KeyResultKind } from '../../../shared/model/index.ts'
import type { ObjectiveId } from '../../../shared/model/index.ts'
import { Button } from '../../ui/Button.tsx'
import { SelectField, TextField } from '../../ui/Field.tsx'
import { useBoard } from './BoardContext.ts'
import { KIND_HINT, KIND_NAME } from '../../format/labels.ts'
import { EMPTY_DRAFT, KeyResultFields, patchOf } from '../okr/index.ts'
import type { KeyResultDraft } from '../okr/index.ts'
import { InlineAlert } from './InlineAlert.tsx'
import { useCommand } from '../../app/index.ts'

export function AddKeyResultForm({ objectiveId, objectiveTitle, onClose }: { objectiveId: ObjectiveId; objectiveTitle: string; onClose: () => void }) {
  const { ws, cycle } = useBoard()
  const [draft, setDraft] = useState<KeyResultDraft>(EMPTY_DRAFT)
  const [reason, setReason] = useState('')
  const edit = (patch: Partial<KeyResultDraft>) => setDraft((d) => ({ ...d, ...patch }))
  const { error, run, clearError } = useCommand()
  const published = cycle.status === CycleStatus.Published

  const close = () => {
    onClose()
    setDraft(EMPTY_DRAFT)
    setReason('')
    clearError()
  }
  const submit = () => {
    const input = { objectiveId, ...patchOf(draft), ...(published ? { reason } : {}) }
    if (run(() => createKeyResult(ws.session, input))) close()
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
            <TextField label="Key result" value={draft.title} autoFocus placeholder="e.g. Raise activation to 40%" onChange={(e) => edit({ title: e.target.value })} />
          </div>
          <SelectField label="Kind" value={draft.kind} onChange={(e) => edit({ kind: e.target.value as KeyResultKind })}>
            {enumValues(KeyResultKind).map((k) => (
              <option key={k} value={k}>
                {KIND_NAME[k]}
              </option>
            ))}
          </SelectField>
          <KeyResultFields draft={draft} onChange={edit} />
          {draft.kind === KeyResultKind.TaskDriven && <p className="form-note">{KIND_HINT[draft.kind]}</p>}
          <TextField label="Weight %" type="number" min={0} max={100} value={draft.weight} onChange={(e) => edit({ weight: e.target.value })} />
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
