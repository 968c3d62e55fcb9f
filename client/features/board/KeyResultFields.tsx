/**
 * @module The measure fields a key result's kind needs: start/target/unit (increase, decrease,
 * count), low/high/unit (range), a due date (milestone, baseline), nothing more for task-driven.
 */
import { KeyResultKind } from '../../../shared/model/index.ts'
import { TextField } from '../../ui/Field.tsx'

export interface MeasureDraft {
  readonly unit: string
  readonly start: string
  readonly target: string
  readonly rangeLow: string
  readonly rangeHigh: string
  readonly dueDate: string
}

export const EMPTY_MEASURE: MeasureDraft = { unit: '', start: '', target: '', rangeLow: '', rangeHigh: '', dueDate: '' }

const number = (text: string): number | null => (text.trim() === '' ? null : Number(text))

/** The createKeyResult fields for a kind; blanks become null so the command can say what is missing. */
export function measureInput(kind: KeyResultKind, d: MeasureDraft) {
  switch (kind) {
    case KeyResultKind.Increase:
    case KeyResultKind.Decrease:
    case KeyResultKind.Count:
      return { unit: d.unit, start: number(d.start), target: number(d.target) }
    case KeyResultKind.Range:
      return { unit: d.unit, rangeLow: number(d.rangeLow), rangeHigh: number(d.rangeHigh) }
    case KeyResultKind.Milestone:
    case KeyResultKind.Baseline:
      return { dueDate: d.dueDate === '' ? null : d.dueDate }
    default:
      return {}
  }
}

export function KeyResultFields({ kind, draft, onChange }: { kind: KeyResultKind; draft: MeasureDraft; onChange: (d: MeasureDraft) => void }) {
  const field = (key: keyof MeasureDraft, label: string, type = 'number') => (
    <TextField label={label} type={type} step="any" value={draft[key]} onChange={(e) => onChange({ ...draft, [key]: e.target.value })} />
  )
  switch (kind) {
    case KeyResultKind.Increase:
    case KeyResultKind.Decrease:
    case KeyResultKind.Count:
      return (
        <>
          {field('start', kind === KeyResultKind.Count ? 'Start (default 0)' : 'Start')}
          {field('target', 'Target')}
          {field('unit', 'Unit', 'text')}
        </>
      )
    case KeyResultKind.Range:
      return (
        <>
          {field('rangeLow', 'Low')}
          {field('rangeHigh', 'High')}
          {field('unit', 'Unit', 'text')}
        </>
      )
    case KeyResultKind.Milestone:
    case KeyResultKind.Baseline:
      return field('dueDate', 'Due date', 'date')
    default:
      return <p className="form-note">Progress is the share of its tasks that are done.</p>
  }
}
