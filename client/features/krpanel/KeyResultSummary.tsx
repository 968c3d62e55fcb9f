/** @module The key result's facts: kind, target, weight, owner, and where it stands against pace. */
import { KeyResultKind } from '../../../shared/model/index.ts'
import type { Cycle, KeyResult } from '../../../shared/model/index.ts'
import { expectedProgress } from '../../../shared/rules/index.ts'
import type { KeyResultProgress } from '../../../shared/rules/index.ts'
import { ProgressBar } from '../../ui/ProgressBar.tsx'
import { describeTarget } from '../../format/keyResultText.ts'
import { KIND_LABEL } from '../../format/labels.ts'
import { pct, withUnit } from '../../format/numbers.ts'
import { PersonChip } from '../identity/index.ts'
import { PersonLink } from '../people/index.ts'

function currentText(kr: KeyResult, p: KeyResultProgress): string {
  if (p.basis === 'tasks') return `${p.tasksDone} of ${p.tasksTotal} tasks done`
  if (p.basis === 'binary') return p.progress >= 1 ? 'Achieved' : 'Not yet'
  return p.current === null ? 'No check-in yet' : withUnit(p.current, kr.unit)
}

export function KeyResultSummary({ kr, cycle, progress, now }: { kr: KeyResult; cycle: Cycle | null; progress: KeyResultProgress; now: number }) {
  const expected = cycle ? expectedProgress(cycle, now, kr.createdAt) : undefined
  const behind = expected !== undefined && progress.progress < expected
  return (
    <div className="krp-summary">
      <dl className="krp-facts">
        <div><dt>Kind</dt><dd>{KIND_LABEL[kr.kind]}</dd></div>
        <div><dt>{kr.kind === KeyResultKind.Range ? 'Range' : kr.kind === KeyResultKind.Milestone || kr.kind === KeyResultKind.Baseline ? 'Due' : 'Target'}</dt><dd>{describeTarget(kr)}</dd></div>
        <div><dt>Weight</dt><dd>{kr.weight}%</dd></div>
        <div><dt>Owner</dt><dd><PersonLink personId={kr.ownerId}><PersonChip personId={kr.ownerId} /></PersonLink></dd></div>
      </dl>
      <div className="krp-progress">
        <div className="krp-progress__numbers">
          <span className="krp-progress__pct">{pct(progress.progress)}</span>
          <span className="krp-progress__current">{currentText(kr, progress)}</span>
          {expected !== undefined && (
            <span className={`krp-progress__expected${behind ? ' krp-progress__expected--behind' : ''}`}>expected by now {pct(expected)}</span>
          )}
        </div>
        <ProgressBar value={progress.progress} expected={expected} label={`Progress of ${kr.title}`} />
      </div>
    </div>
  )
}
