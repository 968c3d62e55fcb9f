/**
 * @module The measure fields a key result's kind asks for (start, target and unit; a range; a due
 * date; nothing for task-driven), over one draft model: the board's inline form and the OKR
 * dialog both show these.
 */
import { KeyResultKind } from '../../../shared/model/index.ts'
import { TextField } from '../../ui/Field.tsx'
import { KIND_FIELDS } from './keyResultDraft.ts'
import type { KeyResultDraft } from './keyResultDraft.ts'

export interface KeyResultFieldsProps {
  readonly draft: KeyResultDraft
  readonly onChange: (patch: Partial<KeyResultDraft>) => void
}

type NumberKey = 'start' | 'target' | 'rangeLow' | 'rangeHigh'

export function KeyResultFields({ draft, onChange }: KeyResultFieldsProps) {
  const uses = KIND_FIELDS[draft.kind]
  const number = (key: NumberKey, label: string, placeholder?: string) => (
    <TextField label={label} type="number" step="any" value={draft[key]} placeholder={placeholder} onChange={(e) => onChange({ [key]: e.target.value })} />
  )
  return (
    <>
      {uses.includes('start') && number('start', 'Start', draft.kind === KeyResultKind.Count ? '0' : undefined)}
      {uses.includes('target') && number('target', 'Target')}
      {uses.includes('range') && number('rangeLow', 'Low end')}
      {uses.includes('range') && number('rangeHigh', 'High end')}
      {uses.includes('unit') && <TextField label="Unit" value={draft.unit} placeholder="%, teams, min" onChange={(e) => onChange({ unit: e.target.value })} />}
      {uses.includes('dueDate') && <TextField label="Due date" type="date" value={draft.dueDate} onChange={(e) => onChange({ dueDate: e.target.value })} />}
    </>
  )
}

/** A number the form needs but cannot read, as a message; null when every used number reads. */
export function numberProblem(draft: KeyResultDraft): string | null {
  const uses = KIND_FIELDS[draft.kind]
  const checks: Array<[boolean, string, string]> = [
    [uses.includes('start'), draft.start, 'Start'],
    [uses.includes('target'), draft.target, 'Target'],
    [uses.includes('range'), draft.rangeLow, 'Low end'],
    [uses.includes('range'), draft.rangeHigh, 'High end'],
    [true, draft.weight, 'Weight'],
  ]
  for (const [used, value, label] of checks) {
    if (used && value.trim() !== '' && !Number.isFinite(Number(value))) return `${label} must be a number.`
  }
  return null
}
