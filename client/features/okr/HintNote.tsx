/** @module Writing hints shown right where they apply (an objective, a key result, a team). */
import type { WritingHint } from '../../../shared/rules/index.ts'
import { Icon } from '../../ui/Icon.tsx'

export function HintNote({ hints }: { hints: readonly WritingHint[] }) {
  if (hints.length === 0) return null
  return (
    <ul className="hint-note" aria-label="Writing hints">
      {hints.map((h) => (
        <li key={`${h.ruleId}:${h.target.id}`} className="hint-note__item">
          <Icon name="flag" size={13} />
          <span>{h.message}</span>
        </li>
      ))}
    </ul>
  )
}

/** The hints aimed at one record. */
export function hintsFor(hints: readonly WritingHint[], kind: WritingHint['target']['kind'], id: string): readonly WritingHint[] {
  return hints.filter((h) => h.target.kind === kind && h.target.id === id)
}
