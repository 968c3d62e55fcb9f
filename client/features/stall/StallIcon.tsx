/**
 * @module A key result's (or card's) stall state at a glance: the worst severity's icon and colour,
 * with every reason in the tooltip and the accessible name. Renders nothing when all is well.
 */
import type { StallWarning } from '../../../shared/rules/index.ts'
import { Icon } from '../../ui/Icon.tsx'
import { SEVERITY_ICON, SEVERITY_LABEL, worstSeverity } from '../../format/severity.ts'
import './stall.css'

export function StallIcon({ warnings }: { warnings: readonly StallWarning[] }) {
  const worst = worstSeverity(warnings)
  if (worst === null) return null
  const reasons = warnings.map((w) => w.reason)
  const label = `${SEVERITY_LABEL[worst]}: ${reasons.join('; ')}`
  return (
    <span className={`stall-icon stall-icon--${worst}`} role="img" aria-label={label} title={reasons.map((r) => `• ${r}`).join('\n')}>
      <Icon name={SEVERITY_ICON[worst]} size={14} />
      {warnings.length > 1 && <span className="stall-icon__count" aria-hidden="true">{warnings.length}</span>}
    </span>
  )
}
