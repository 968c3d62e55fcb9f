/** @module One key result in its objective's card: what it measures, where it stands, its stalls. */
import { useState } from 'react'
import type { KeyResult } from '../../../shared/model/index.ts'
import { expectedProgress, keyResultProgress } from '../../../shared/rules/index.ts'
import { useChangeMark } from '../../hooks/useChangeMarks.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import { IconButton } from '../../ui/Button.tsx'
import { ChangedSince } from '../../ui/ChangedSince.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { ProgressBar } from '../../ui/ProgressBar.tsx'
import { StallIcon } from '../stall/index.ts'
import { HintNote, hintsFor } from './HintNote.tsx'
import { KeyResultDialog } from './KeyResultDialog.tsx'
import { describeTarget } from '../../format/keyResultText.ts'
import { pct, withUnit } from '../../format/numbers.ts'
import { useOkrTreeShared } from './OkrTreeContext.ts'
import { PersonChip } from '../identity/index.ts'

export function KeyResultRow({ keyResult: kr }: { keyResult: KeyResult }) {
  const { cycle, now, hints, stalls, canEdit } = useOkrTreeShared()
  const { openKeyResult, keyResultId } = useView()
  const [editing, setEditing] = useState(false)
  const progress = useSnapshot((s) => keyResultProgress(s, kr), (a, b) => a.progress === b.progress && a.current === b.current && a.tasksDone === b.tasksDone)
  const expected = expectedProgress(cycle, now, kr.createdAt)
  const current =
    progress.basis === 'tasks' ? `${progress.tasksDone}/${progress.tasksTotal} tasks` : progress.current === null ? 'no check-in' : progress.basis === 'binary' ? (progress.progress >= 1 ? 'done' : 'not yet') : withUnit(progress.current, kr.unit)
  const open = keyResultId === kr.id
  const changed = useChangeMark(kr.id)
  return (
    <li className={`kr-row${open ? ' kr-row--open' : ''}`}>
      <div className="kr-row__main">
        <span className="kr-row__name">
          <button type="button" className="kr-row__title" onClick={() => openKeyResult(kr.id)} aria-label={`Open key result: ${kr.title}`} aria-expanded={open}>
            <Icon name="chart" size={14} />
            <span>{kr.title}</span>
          </button>
          <StallIcon warnings={stalls.get(kr.id) ?? []} />
        </span>
        <span className="kr-row__target" title="Target">{describeTarget(kr)}</span>
        <span className="kr-row__current" title="Current">{current}</span>
        <span className="kr-row__bar">
          <ProgressBar value={progress.progress} expected={expected} label={`Progress of ${kr.title}`} />
        </span>
        <span className="kr-row__pct">{pct(progress.progress)}</span>
        <span className="kr-row__weight" title="Weight in the objective">{Math.round(kr.weight * 10) / 10}%</span>
        <PersonChip personId={kr.ownerId} nameHidden />
        {canEdit ? (
          <IconButton label={`Edit key result: ${kr.title}`} icon={<Icon name="edit" size={14} />} size="sm" onClick={() => setEditing(true)} />
        ) : (
          <span className="kr-row__spacer" />
        )}
      </div>
      <ChangedSince mark={changed} />
      <HintNote hints={hintsFor(hints, 'keyResult', kr.id)} />
      {editing && <KeyResultDialog objectiveId={kr.objectiveId} keyResult={kr} weightLeft={0} defaultOwner={kr.ownerId} onClose={() => setEditing(false)} />}
    </li>
  )
}
