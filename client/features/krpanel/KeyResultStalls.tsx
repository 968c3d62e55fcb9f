/** @module Why this key result shows on the radar: each warning with its severity and reason. */
import type { StallWarning } from '../../../shared/rules/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { Icon } from '../../ui/Icon.tsx'
import { RULE_LABEL } from '../stall/index.ts'
import { SEVERITY_ICON, SEVERITY_LABEL } from '../../format/severity.ts'

export function KeyResultStalls({ warnings }: { warnings: readonly StallWarning[] }) {
  const tasks = useSnapshot((s) => s.tasks)
  if (warnings.length === 0) return <p className="krp-ok"><Icon name="check" size={14} /> On track: no stall warnings.</p>
  return (
    <ul className="krp-stalls">
      {warnings.map((w) => {
        const card = w.target.kind === 'task' ? (tasks.get(w.target.id)?.title ?? null) : null
        return (
          <li key={`${w.ruleId}:${w.target.id}`} className={`krp-stall krp-stall--${w.severity}`}>
            <span className="krp-stall__sev">
              <Icon name={SEVERITY_ICON[w.severity]} size={13} /> {SEVERITY_LABEL[w.severity]}
            </span>
            <span className="krp-stall__text">
              <strong>{RULE_LABEL[w.ruleId]}</strong>
              {card && <> · card “{card}”</>}: {w.reason}
            </span>
          </li>
        )
      })}
    </ul>
  )
}

