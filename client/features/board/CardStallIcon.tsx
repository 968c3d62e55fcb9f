/**
 * @module The stall mark of a card or a lane: an icon in the severity's colour that opens its
 * reasons on tap, click or keyboard (a toggletip: a phone has no hover), a hover hint for the mouse,
 * and the same words as the button's name for screen readers (colour is never the only signal).
 */
import { Severity } from '../../../shared/rules/index.ts'
import { Icon } from '../../ui/Icon.tsx'
import { Toggletip } from '../../ui/Toggletip.tsx'

const LABEL: Readonly<Record<Severity, string>> = {
  info: 'Heads-up',
  warning: 'Stalled',
  critical: 'Stalled, critical',
}

export function CardStallIcon({ severity, text }: { severity: Severity; text: string }) {
  const label = `${LABEL[severity]}: ${text}`
  return (
    <Toggletip
      className={`stall-icon stall-icon--${severity}`}
      title={label}
      tip={
        <>
          <strong>{LABEL[severity]}:</strong> {text}
        </>
      }
    >
      <Icon name={severity === Severity.Info ? 'clock' : 'alert'} size={14} />
      <span className="visually-hidden">{label}</span>
    </Toggletip>
  )
}
