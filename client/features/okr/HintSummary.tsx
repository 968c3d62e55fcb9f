/**
 * @module Every writing hint of the cycle in one list, so the roundtable sees what is left to fix
 * (the same hints also sit on the objective or key result they target).
 */
import { useState } from 'react'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import type { WritingHint } from '../../../shared/rules/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { Icon } from '../../ui/Icon.tsx'

/** The name of what a hint is about, so the summary says where to look. */
function targetName(snap: WorkspaceSnapshot, h: WritingHint): string | null {
  const t = h.target
  switch (t.kind) {
    case 'objective':
      return snap.objectives.get(t.id)?.title ?? null
    case 'keyResult':
      return snap.keyResults.get(t.id)?.title ?? null
    case 'team':
      return snap.teams.get(t.id)?.name ?? null
    case 'person':
      return snap.people.get(t.id)?.name ?? null
    case 'cycle':
      return null
  }
}

export function HintSummary({ hints }: { hints: readonly WritingHint[] }) {
  const [open, setOpen] = useState(true)
  const snap = useSnapshot((s) => s)
  return (
    <section className="hint-summary" aria-labelledby="hint-summary-title">
      <h2 id="hint-summary-title" className="summary-title">
        <button type="button" className="hint-summary__toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />
          Writing hints
          <span className={`hint-summary__count${hints.length === 0 ? ' hint-summary__count--ok' : ''}`}>{hints.length}</span>
        </button>
      </h2>
      {open &&
        (hints.length === 0 ? (
          <p className="hint-summary__ok">
            <Icon name="check" size={14} /> The OKRs follow the writing rules: 3-5 objectives each, at most 5 measurable key results, weights summing to 100%.
          </p>
        ) : (
          <ul className="hint-summary__list">
            {hints.map((h) => (
              <li key={`${h.ruleId}:${h.target.kind}:${h.target.id}`}>
                <Icon name="flag" size={13} />
                <span>
                  {h.target.kind === 'objective' && <strong className="hint-summary__target">{targetName(snap, h)}</strong>}
                  {h.message}
                </span>
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}
