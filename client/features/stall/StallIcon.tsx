/**
 * @module A key result's (or card's) stall state at a glance: the worst severity's icon and colour,
 * a toggletip that lists every reason on tap, click or keyboard, and the same reasons in the
 * button's name. Renders nothing when all is well.
 */
import type { StallWarning } from '../../../shared/rules/index.ts'
import { Icon } from '../../ui/Icon.tsx'
import { Toggletip } from '../../ui/Toggletip.tsx'
import { SEVERITY_ICON, SEVERITY_LABEL, worstSeverity } from '../../format/severity.ts'
import './stall.css'

export function StallIcon({ warnings }: { warnings: readonly StallWarning[] }) {
  const worst = worstSeverity(warnings)
  if (worst === null) return null
  const reasons = warnings.map((w) => w.reason)
  const label = `${SEVERITY_LABEL[worst]}: ${reasons.join('; ')}`
  return (
    <Toggletip
      className={`stall-icon stall-icon--${worst}`}
      title={reasons.map((r) => `• ${r}`).join('\n')}
      tip={
        <>
          <strong>{SEVERITY_LABEL[worst]}</strong>
          <span className="stall-tip__list">
            {reasons.map((r) => (
              <span key={r} className="stall-tip__reason">{r}</span>
            ))}
          </span>
        </>
      }
    >
      <Icon name={SEVERITY_ICON[worst]} size={14} />
      {warnings.length > 1 && <span className="stall-icon__count" aria-hidden="true">{warnings.length}</span>}
      <span className="visually-hidden">{label}</span>
    </Toggletip>
  )
}
