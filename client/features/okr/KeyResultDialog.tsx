/**
 * @module Adds or edits a key result. After publishing, a change to how it is measured needs a
 * reason: the command says 'reason-required' and a small dialog asks for one.
 */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { createKeyResult, deleteKeyResult, updateKeyResult } from '../../../shared/doc/index.ts'
import { enumValues, KeyResultKind } from '../../../shared/model/index.ts'
import type { KeyResult, ObjectiveId, Person, PersonId } from '../../../shared/model/index.ts'
import { KIND_FIELDS, changesOf, draftOf, patchOf } from './keyResultDraft.ts'
import type { KeyResultDraft } from './keyResultDraft.ts'
import { FIELD_LABEL, KIND_HINT, KIND_LABEL } from '../../format/labels.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { SelectField, TextField } from '../../ui/Field.tsx'
import { KeyResultFields, numberProblem } from './KeyResultFields.tsx'
import { usePeople } from './useOkrData.ts'
import { useReasonPrompt } from './useReasonPrompt.tsx'

export interface KeyResultDialogProps {
  readonly objectiveId: ObjectiveId
  /** The key result to edit; null to add one. */
  readonly keyResult: KeyResult | null
  /** Weight a new KR starts with: what is left to reach 100%. */
  readonly weightLeft: number
  readonly defaultOwner: PersonId | null
  readonly onClose: () => void
}

export function KeyResultDialog({ objectiveId, keyResult, weightLeft, defaultOwner, onClose }: KeyResultDialogProps) {
  const { session } = useWorkspace()
  const people = usePeople()
  const reasons = useReasonPrompt()
  const formId = useId()
  const [draft, setDraft] = useState<KeyResultDraft>(() => draftOf(keyResult, { weight: Math.max(0, weightLeft), ownerId: defaultOwner }))
  const [error, setError] = useState<string | null>(null)
  const name = draft.title.trim() || 'this key result'

  const save = (e: FormEvent) => {
    e.preventDefault()
    const problem = numberProblem(draft)
    if (problem) return setError(problem)
    const changed = keyResult ? Object.keys(changesOf(keyResult, draft)).filter((k) => k !== 'title' && k !== 'ownerId') : []
    const what = keyResult ? `You are changing “${name}”${changed.length > 0 ? ` (${changed.map((k) => FIELD_LABEL[k]?.toLowerCase() ?? k).join(', ')})` : ''}` : `You are adding “${name}”`
    const action = keyResult
      ? (reason?: string) => updateKeyResult(session, keyResult.id, changesOf(keyResult, draft), reason)
      : (reason?: string) => void createKeyResult(session, { objectiveId, ...patchOf(draft), reason })
    reasons.run(what, action, onClose, setError)
  }
  const remove = () => {
    if (!keyResult) return
    reasons.run(`You are deleting “${name}”`, (reason) => deleteKeyResult(session, keyResult.id, reason), onClose, setError)
  }

  return (
    <>
      <Dialog
        title={keyResult ? 'Edit key result' : 'Add key result'}
        open
        onClose={onClose}
        footer={
          <>
            {keyResult && (
              <Button variant="danger" onClick={remove} className="dialog__left">
                Delete key result
              </Button>
            )}
            <Button onClick={onClose}>Cancel</Button>
            <Button variant="primary" type="submit" form={formId}>
              {keyResult ? 'Save key result' : 'Add key result'}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={save}>
          <DialogFields draft={draft} people={people} onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </form>
      </Dialog>
      {reasons.dialog}
    </>
  )
}

/** The dialog's fields: title, kind, the kind's measure fields, weight and owner. */
function DialogFields({ draft, people, onChange }: { draft: KeyResultDraft; people: readonly Person[]; onChange: (patch: Partial<KeyResultDraft>) => void }) {
  return (
    <div className="kr-fields">
      <TextField label="Key result" value={draft.title} onChange={(e) => onChange({ title: e.target.value })} placeholder="e.g. Grow weekly active teams from 120 to 300" autoFocus required />
      <div className="kr-fields__row">
        <SelectField label="Kind" value={draft.kind} onChange={(e) => onChange({ kind: e.target.value as KeyResultKind })} hint={KIND_HINT[draft.kind]}>
          {enumValues(KeyResultKind).map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </SelectField>
      </div>
      {KIND_FIELDS[draft.kind].length > 0 && (
        <div className="kr-fields__row">
          <KeyResultFields draft={draft} onChange={onChange} />
        </div>
      )}
      <div className="kr-fields__row">
        <TextField label="Weight %" type="number" step="any" value={draft.weight} onChange={(e) => onChange({ weight: e.target.value })} hint="The objective's key-result weights should sum to 100%." />
        <SelectField label="Owner" value={draft.ownerId} onChange={(e) => onChange({ ownerId: e.target.value })}>
          <option value="">No owner</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
      </div>
    </div>
  )
}
