/** @module One stall on the radar: severity (icon and word), what, where, why, who, and a jump. */
import { useView } from '../../hooks/useView.ts'
import { Icon } from '../../ui/Icon.tsx'
import { PersonChip } from '../identity/index.ts'
import { RULE_LABEL } from './describeWarning.ts'
import type { WarningRow } from './describeWarning.ts'
import { SEVERITY_ICON, SEVERITY_LABEL } from '../../format/severity.ts'

export function RadarRow({ row }: { row: WarningRow }) {
  const { focus, openKeyResult, setView } = useView()
  const { warning } = row
  const t = warning.target
  const jump = () => {
    if (t.kind === 'keyResult') {
      focus({ keyResultId: t.id })
      openKeyResult(t.id)
    } else if (t.kind === 'task') focus({ taskId: t.id })
    else setView('board')
  }
  const action = t.kind === 'keyResult' ? 'Open key result' : t.kind === 'task' ? 'Show card on the board' : 'Show column on the board'
  return (
    <li className={`radar-row radar-row--${warning.severity}`}>
      <span className="radar-row__severity">
        <Icon name={SEVERITY_ICON[warning.severity]} size={14} />
        {SEVERITY_LABEL[warning.severity]}
      </span>
      <div className="radar-row__what">
        <button type="button" className="radar-row__title" onClick={jump} aria-label={`${action}: ${row.title}`}>
          {row.title}
        </button>
        <span className="radar-row__context">
          <span className="radar-row__kind">{row.kind}</span>
          {row.keyResultTitle && <span title="Key result">{row.keyResultTitle}</span>}
          {row.objectiveTitle && <span title="Objective">{row.objectiveTitle}</span>}
        </span>
      </div>
      <div className="radar-row__why">
        <span className="radar-row__rule">{RULE_LABEL[warning.ruleId]}</span>
        <span className="radar-row__reason">{warning.reason}</span>
      </div>
      <span className="radar-row__owner">{row.ownerId !== null ? <PersonChip personId={row.ownerId} role={t.kind === 'task' ? 'Assignee' : 'Owner'} nameHidden /> : null}</span>
      <Icon name="chevronRight" size={14} />
    </li>
  )
}
