/**
 * @module The stall radar: every stall warning of the cycle in view (or of all published cycles),
 * most severe first and grouped by severity, each a button that jumps to the key result or card.
 * A closed cycle in view shows its final scores instead: nothing can stall any more, and an empty
 * list there must not read as "healthy".
 */
import { useCallback, useState } from 'react'
import { CycleStatus } from '../../../shared/model/index.ts'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import type { Severity } from '../../../shared/rules/index.ts'
import { useCycle } from '../../hooks/useCycle.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import { Icon } from '../../ui/Icon.tsx'
import { describeWarning, rowMatches } from './describeWarning.ts'
import { FinalScores } from './FinalScores.tsx'
import type { WarningRow } from './describeWarning.ts'
import { RadarRow } from './RadarRow.tsx'
import { RadarSummary } from './RadarSummary.tsx'
import { SEVERITY_GROUP, SEVERITY_ORDER } from '../../format/severity.ts'
import { useStallWarnings } from './useStallWarnings.ts'
import './stall.css'

type Scope = 'cycle' | 'all'

export function RadarView() {
  const cycle = useCycle()
  const now = useNow()
  const published = cycle?.status === CycleStatus.Published
  const closed = cycle?.status === CycleStatus.Closed
  const [scope, setScope] = useState<Scope>('cycle')
  const [only, setOnly] = useState<Severity | null>(null)
  // A draft cycle has no stalls by definition: show every published cycle instead (a closed one
  // shows its final scores).
  const effective: Scope = published ? scope : 'all'
  const warnings = useStallWarnings(effective === 'cycle' && cycle ? cycle.id : null, now)
  const select = useCallback((snap: WorkspaceSnapshot) => warnings.map((w) => describeWarning(snap, w)), [warnings])
  const { filters } = useView()
  const all = useSnapshot(select, (a, b) => a.length === b.length && a.every((r, i) => r.title === b[i]?.title && r.warning === b[i]?.warning && r.objectiveTitle === b[i]?.objectiveTitle))
  const rows = all.filter((r) => rowMatches(r, filters))
  const counts = { critical: 0, warning: 0, info: 0 }
  for (const r of rows) counts[r.warning.severity] += 1
  const groups = SEVERITY_ORDER.filter((s) => only === null || s === only).map((severity) => ({ severity, rows: rows.filter((r) => r.warning.severity === severity) }))

  return (
    <section className="radar" aria-labelledby="radar-title">
      <header className="radar__header">
        <div>
          <h1 id="radar-title">Stall radar</h1>
          <p className="radar__sub">
            {closed
              ? `${cycle.name} is closed: how it ended.`
              : effective === 'cycle' && cycle
                ? `Key results and cards of ${cycle.name} that need attention.`
                : 'Key results and cards of every published cycle that need attention.'}
          </p>
        </div>
        {published && (
          <div className="radar__scope" role="group" aria-label="Which cycles">
            <button type="button" aria-pressed={scope === 'cycle'} onClick={() => setScope('cycle')}>{cycle?.name}</button>
            <button type="button" aria-pressed={scope === 'all'} onClick={() => setScope('all')}>All published cycles</button>
          </div>
        )}
      </header>
      {closed ? (
        <FinalScores cycle={cycle} />
      ) : (
        <StallList rows={rows} all={all.length} counts={counts} only={only} onOnly={setOnly} groups={groups} />
      )}
    </section>
  )
}

interface StallListProps {
  readonly rows: readonly WarningRow[]
  /** How many warnings there are before the filters. */
  readonly all: number
  readonly counts: Readonly<Record<Severity, number>>
  readonly only: Severity | null
  readonly onOnly: (severity: Severity | null) => void
  readonly groups: ReadonlyArray<{ severity: Severity; rows: readonly WarningRow[] }>
}

function StallList({ rows, all, counts, only, onOnly, groups }: StallListProps) {
  return (
    <>
      <RadarSummary counts={counts} only={only} onOnly={onOnly} />
      {rows.length < all && (
        <p className="radar__filtered" role="note">
          Showing {rows.length} of {all} warnings: the team, owner or level filter hides the rest.
        </p>
      )}
      {rows.length === 0 && all > 0 ? (
        <p className="radar__filtered">No warning matches the filters.</p>
      ) : rows.length === 0 ? (
        <div className="radar__healthy" role="status">
          <span className="radar__healthy-icon"><Icon name="check" size={22} /></span>
          <h2>The board is healthy</h2>
          <p>No key result or card has stalled: every key result has recent check-ins and keeps pace with the cycle.</p>
        </div>
      ) : (
        groups.map(({ severity, rows: list }) => list.length > 0 && <RadarGroup key={severity} severity={severity} rows={list} />)
      )}
    </>
  )
}

function RadarGroup({ severity, rows }: { severity: Severity; rows: readonly WarningRow[] }) {
  const id = `radar-group-${severity}`
  return (
    <section className="radar-group" aria-labelledby={id}>
      <h2 id={id} className={`radar-group__title radar-group__title--${severity}`}>
        {SEVERITY_GROUP[severity]} <span className="radar-group__n">{rows.length}</span>
      </h2>
      <ul className="radar-list">
        {rows.map((row) => <RadarRow key={`${row.warning.ruleId}:${row.warning.target.kind}:${row.warning.target.id}`} row={row} />)}
      </ul>
    </section>
  )
}
