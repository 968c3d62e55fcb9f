/**
 * @module The counts per severity at the top of the radar; each count also filters the list. Each
 * button is named by what it shows ("3 Critical"), and its tooltip says whether the radar tab's
 * badge counts it (critical and warning do, info does not).
 */
import type { Severity } from '../../../shared/rules/index.ts'
import { Icon } from '../../ui/Icon.tsx'
import { SEVERITY_ICON, SEVERITY_ORDER, severityCountLabel } from '../../format/severity.ts'

const COUNTED_ON_TAB: Readonly<Record<Severity, string>> = {
  critical: 'Counted on the Stall radar tab',
  warning: 'Counted on the Stall radar tab',
  info: 'For information: not counted on the Stall radar tab',
}

export interface RadarSummaryProps {
  readonly counts: Readonly<Record<Severity, number>>
  /** The severity shown alone, or null for all. */
  readonly only: Severity | null
  readonly onOnly: (severity: Severity | null) => void
}

export function RadarSummary({ counts, only, onOnly }: RadarSummaryProps) {
  return (
    <div className="radar-summary" role="group" aria-label="Filter by severity">
      {SEVERITY_ORDER.map((severity) => (
        <button
          key={severity}
          type="button"
          className={`radar-count radar-count--${severity}`}
          aria-pressed={only === severity}
          title={`${COUNTED_ON_TAB[severity]}. ${only === severity ? 'Showing only these: press again for all.' : 'Press to show only these.'}`}
          onClick={() => onOnly(only === severity ? null : severity)}
        >
          <span className="radar-count__icon"><Icon name={SEVERITY_ICON[severity]} size={16} /></span>
          <span className="radar-count__n">{counts[severity]}</span>{' '}
          <span className="radar-count__label">{severityCountLabel(severity, counts[severity])}</span>
        </button>
      ))}
    </div>
  )
}
