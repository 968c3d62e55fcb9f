/** @module The key-result form's fields: title, kind, then only what that kind is measured by. */
import type { KeyResultKind, Person } from '../../../shared/model/index.ts'
import { SelectField, TextField } from '../../ui/Field.tsx'
import { KIND_FIELDS } from './keyResultDraft.ts'
import type { KeyResultDraft } from './keyResultDraft.ts'
import { KIND_LABEL } from '../../format/labels.ts'

export interface KeyResultFieldsProps {
  readonly draft: KeyResultDraft
  readonly people: readonly Person[]
  readonly onChange: (patch: Partial<KeyResultDraft>) => void
}

const KINDS = Object.keys(KIND_LABEL) as KeyResultKind[]

const KIND_HINT: Readonly<Record<KeyResultKind, string>> = {
  increase: 'Progress is how far the value moved from start to target.',
  decrease: 'Progress is how far the value came down from start to target.',
  count: 'Counts a process, e.g. “complete 10 customer interviews”.',
  range: 'Done while the value stays inside the range.',
  milestone: 'Done or not, by a date: check in 1 when it is achieved.',
  baseline: 'A standard established or not, by a date: check in 1 once it is.',
  'task-driven': 'Progress is the share of its tasks in a done column.',
}

export function KeyResultFields({ draft, people, onChange }: KeyResultFieldsProps) {
  const uses = KIND_FIELDS[draft.kind]
  return (
    <div className="kr-fields">
      <TextField label="Key result" value={draft.title} onChange={(e) => onChange({ title: e.target.value })} placeholder="e.g. Grow weekly active teams from 120 to 300" autoFocus required />
      <div className="kr-fields__row">
        <SelectField label="Kind" value={draft.kind} onChange={(e) => onChange({ kind: e.target.value as KeyResultKind })} hint={KIND_HINT[draft.kind]}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {KIND_LABEL[k]}
            </option>
          ))}
        </SelectField>
      </div>
      {(uses.includes('start') || uses.includes('range')) && (
        <div className="kr-fields__row">
          {uses.includes('start') && <TextField label="Start value" inputMode="decimal" value={draft.start} onChange={(e) => onChange({ start: e.target.value })} placeholder={draft.kind === 'count' ? '0' : undefined} />}
          {uses.includes('target') && <TextField label="Target value" inputMode="decimal" value={draft.target} onChange={(e) => onChange({ target: e.target.value })} />}
          {uses.includes('range') && <TextField label="Low end" inputMode="decimal" value={draft.rangeLow} onChange={(e) => onChange({ rangeLow: e.target.value })} />}
          {uses.includes('range') && <TextField label="High end" inputMode="decimal" value={draft.rangeHigh} onChange={(e) => onChange({ rangeHigh: e.target.value })} />}
          {uses.includes('unit') && <TextField label="Unit" value={draft.unit} onChange={(e) => onChange({ unit: e.target.value })} placeholder="%, teams, min" />}
        </div>
      )}
      {uses.includes('dueDate') && <TextField label="Due date" type="date" value={draft.dueDate} onChange={(e) => onChange({ dueDate: e.target.value })} />}
      <div className="kr-fields__row">
        <TextField label="Weight (%)" inputMode="decimal" value={draft.weight} onChange={(e) => onChange({ weight: e.target.value })} hint="The objective's key-result weights should sum to 100%." />
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

/** A number the form needs but cannot read, as a message; null when every used number reads. */
export function numberProblem(draft: KeyResultDraft): string | null {
  const uses = KIND_FIELDS[draft.kind]
  const checks: Array<[boolean, string, string]> = [
    [uses.includes('start'), draft.start, 'Start value'],
    [uses.includes('target'), draft.target, 'Target value'],
    [uses.includes('range'), draft.rangeLow, 'Low end'],
    [uses.includes('range'), draft.rangeHigh, 'High end'],
    [true, draft.weight, 'Weight'],
  ]
  for (const [used, value, label] of checks) {
    if (used && value.trim() !== '' && !Number.isFinite(Number(value))) return `${label} must be a number.`
  }
  return null
}
