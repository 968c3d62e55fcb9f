/**
 * @module The stall mark of a card or a lane: an icon in the severity's colour, the reasons as a
 * tooltip, and the same words as text for screen readers (colour is never the only signal).
 */
import { Severity } from '../../../shared/rules/index.ts'
import { Icon } from '../../ui/Icon.tsx'

const LABEL: Readonly<Record<Severity, string>> = {
  info: 'Heads-up',
  warning: 'Stalled',
  critical: 'Stalled, critical',
}

export function CardStallIcon({ severity, text }: { severity: Severity; text: string }) {
  const label = `${LABEL[severity]}: ${text}`
  return (
    <span className={`stall-icon stall-icon--${severity}`} title={label}>
      <Icon name={severity === Severity.Info ? 'clock' : 'alert'} size={14} />
      <span className="visually-hidden">{label}</span>
    </span>
  )
}
