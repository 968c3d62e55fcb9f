/**
 * @module What changed in the key result after publishing, with who said why; reopenings of its
 * cycle are listed among them, since each one let the key result change again after its close.
 */
import type { CycleReopening, KeyResultChange, PersonId } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { timeAgo } from '../../format/dates.ts'
import { FIELD_LABEL, KIND_LABEL } from '../../format/labels.ts'

function show(field: string, value: string | number | null): string {
  if (value === null || value === '') return '—'
  if (field === 'kind') return KIND_LABEL[value as keyof typeof KIND_LABEL] ?? String(value)
  return field === 'weight' ? `${value}%` : String(value)
}

function what(c: KeyResultChange): string {
  if (c.field === 'created') return 'Added after publishing'
  if (c.field === 'deleted') return 'Deleted'
  return `${FIELD_LABEL[c.field] ?? c.field}: ${show(c.field, c.from)} → ${show(c.field, c.to)}`
}

interface Entry {
  readonly id: string
  readonly what: string
  readonly reason: string
  readonly authorId: string | null
  readonly at: number
}

function entries(changes: readonly KeyResultChange[], reopenings: readonly CycleReopening[]): Entry[] {
  const reopened = reopenings.map((r) => ({ id: r.id, what: 'Cycle reopened', reason: r.reason, authorId: r.authorId, at: r.at }))
  const changed = changes.map((c) => ({ id: c.id, what: what(c), reason: c.reason, authorId: c.authorId, at: c.at }))
  return [...changed, ...reopened].sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1))
}

export function ChangeLog({ changes, reopenings = [], now }: { changes: readonly KeyResultChange[]; reopenings?: readonly CycleReopening[]; now: number }) {
  const people = useSnapshot((s) => s.people)
  const list = entries(changes, reopenings)
  if (list.length === 0) return <p className="krp-empty">No changes since the cycle was published.</p>
  return (
    <ol className="changelog">
      {list.map((c) => (
        <li key={c.id} className="changelog__item">
          <span className="changelog__what">{c.what}</span>
          <span className="changelog__why">“{c.reason}”</span>
          <span className="changelog__meta">
            {(c.authorId && people.get(c.authorId as PersonId)?.name) ?? 'Someone'} · {timeAgo(c.at, now)}
          </span>
        </li>
      ))}
    </ol>
  )
}
