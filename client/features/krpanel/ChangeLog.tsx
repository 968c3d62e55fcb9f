/** @module What changed in the key result after publishing, with who said why. */
import type { KeyResultChange } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { KIND_LABEL, timeAgo } from '../okr/labels.ts'

const FIELD: Readonly<Record<string, string>> = {
  kind: 'Kind',
  unit: 'Unit',
  start: 'Start value',
  target: 'Target',
  rangeLow: 'Range low',
  rangeHigh: 'Range high',
  dueDate: 'Due date',
  weight: 'Weight',
}

function show(field: string, value: string | number | null): string {
  if (value === null || value === '') return '—'
  if (field === 'kind') return KIND_LABEL[value as keyof typeof KIND_LABEL] ?? String(value)
  return field === 'weight' ? `${value}%` : String(value)
}

function what(c: KeyResultChange): string {
  if (c.field === 'created') return 'Added after publishing'
  if (c.field === 'deleted') return 'Deleted'
  return `${FIELD[c.field] ?? c.field}: ${show(c.field, c.from)} → ${show(c.field, c.to)}`
}

export function ChangeLog({ changes, now }: { changes: readonly KeyResultChange[]; now: number }) {
  const people = useSnapshot((s) => s.people)
  if (changes.length === 0) return <p className="krp-empty">No changes since the cycle was published.</p>
  return (
    <ol className="changelog">
      {changes.map((c) => (
        <li key={c.id} className="changelog__item">
          <span className="changelog__what">{what(c)}</span>
          <span className="changelog__why">“{c.reason}”</span>
          <span className="changelog__meta">
            {(c.authorId && people.get(c.authorId)?.name) ?? 'Someone'} · {timeAgo(c.at, now)}
          </span>
        </li>
      ))}
    </ol>
  )
}
