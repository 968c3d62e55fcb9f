/**
 * @module The OKRs tab: the cycle's objectives as a tree (company -> team -> individual by
 * alignment), each with pace, score band and writing hints; the teams' bottom-up share; and, for
 * editors, drafting in place while the cycle is a draft.
 */
import { useMemo, useState } from 'react'
import { CycleStatus, ObjectiveLevel } from '../../../shared/model/index.ts'
import { cycleElapsedShare } from '../../../shared/rules/index.ts'
import { useCycle } from '../../hooks/useCycle.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Badge } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { FirstRunGuide } from '../onboarding/index.ts'
import { byKeyResult, useStallWarnings } from '../stall/index.ts'
import { BottomUpShares } from './BottomUpShares.tsx'
import { filterOkrTree, isFiltering } from './filterOkrTree.ts'
import { HintSummary } from './HintSummary.tsx'
import { formatDate } from '../../format/dates.ts'
import { LEVEL_LABEL } from '../../format/labels.ts'
import { pct } from '../../format/numbers.ts'
import { ObjectiveBranch } from './ObjectiveBranch.tsx'
import { ObjectiveDialog } from './ObjectiveDialog.tsx'
import { OkrTreeContext } from './OkrTreeContext.ts'
import type { OkrTreeShared } from './OkrTreeContext.ts'
import { useOkrTree, useWritingHints } from './useOkrData.ts'
import './okr.css'

export function OkrTreeView() {
  const { canEdit } = useWorkspace()
  const cycle = useCycle()
  const now = useNow()
  const { filters } = useView()
  const tree = useOkrTree(cycle?.id ?? null)
  const snap = useSnapshot((s) => s)
  const shown = useMemo(() => filterOkrTree(snap, tree, filters), [snap, tree, filters])
  const hints = useWritingHints(cycle?.id ?? null)
  const warnings = useStallWarnings(cycle?.id ?? null, now)
  const [adding, setAdding] = useState(false)
  const shared = useMemo<OkrTreeShared | null>(() => {
    if (cycle === null) return null
    const stalls = byKeyResult(warnings.filter((w) => w.target.kind === 'keyResult'))
    return { cycle, now, hints, stalls, canEdit: canEdit && cycle.status !== CycleStatus.Closed, fixed: cycle.status !== CycleStatus.Draft }
  }, [cycle, now, hints, warnings, canEdit])

  if (cycle === null || shared === null) {
    return (
      <section className="okr-view okr-empty" aria-label="OKRs">
        <h1>No cycle yet</h1>
        <p>Create a quarter to start drafting objectives together.</p>
      </section>
    )
  }
  const draft = cycle.status === CycleStatus.Draft
  const elapsed = cycleElapsedShare(cycle, now)
  return (
    <OkrTreeContext.Provider value={shared}>
      <section className="okr-view" aria-label="OKRs">
        <header className="okr-header">
          <div className="okr-header__title">
            <h1>{cycle.name} OKRs</h1>
            <Badge tone={draft ? 'warning' : cycle.status === CycleStatus.Published ? 'ok' : 'neutral'}>{draft ? 'Draft' : cycle.status === CycleStatus.Published ? 'Published' : 'Closed'}</Badge>
            <span className="okr-header__dates">
              {formatDate(cycle.startDate, now)} – {formatDate(cycle.endDate, now)} · {pct(elapsed)} elapsed
            </span>
          </div>
          {canEdit && (
            <Button variant="primary" onClick={() => setAdding(true)} disabled={!draft} title={draft ? undefined : 'Objectives are fixed once the cycle is published'}>
              <Icon name="plus" size={14} /> Add objective
            </Button>
          )}
        </header>
        {!draft && canEdit && (
          <p className="okr-notice">
            {cycle.status === CycleStatus.Published
              ? 'The cycle is published: objectives are fixed. Key results can still be adjusted with a logged reason.'
              : 'The cycle is closed: only scores and comments can change.'}
          </p>
        )}
        <div className="okr-summary">
          <BottomUpShares cycleId={cycle.id} hints={hints} />
          <HintSummary hints={hints} />
        </div>
        {isFiltering(filters) && tree.count > 0 && (
          <p className="okr-filtered" role="status">
            {shown.shown === 0 ? 'No objective matches the filters.' : `${shown.shown} of ${tree.count} objectives match the filters; faded ones are shown for their alignment.`}
          </p>
        )}
        {tree.count === 0 ? (
          <FirstRunGuide cycle={cycle} />
        ) : (
          shown.roots.map(({ level, nodes }) => (
            <section key={level} className="okr-level" aria-label={`${LEVEL_LABEL[level]} objectives`}>
              <h2 className="okr-level__title">{LEVEL_LABEL[level]}{level === ObjectiveLevel.Company ? '' : ' · not aligned'}</h2>
              <ul className="okr-tree">
                {nodes.map((node) => <ObjectiveBranch key={node.objective.id} node={node} />)}
              </ul>
            </section>
          ))
        )}
        {adding && <ObjectiveDialog cycle={cycle} objective={null} onClose={() => setAdding(false)} />}
      </section>
    </OkrTreeContext.Provider>
  )
}
