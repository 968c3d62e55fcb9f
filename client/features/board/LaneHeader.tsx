/**
 * @module A key result's lane header: title (opens the KR panel), kind, value against target,
 * progress against the cycle's pace, its stall mark and, for editors, "Check in" (the panel holds
 * the check-in form). Memoised on primitives: it re-renders only when its own facts change.
 */
import { memo } from 'react'
import type { KeyResult } from '../../../shared/model/index.ts'
import { colorFor } from '../../sync/identity.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { Button } from '../../ui/Button.tsx'
import { ChangedSince } from '../../ui/ChangedSince.tsx'
import { ProgressBar } from '../../ui/ProgressBar.tsx'
import { useChangeMark } from '../../hooks/useChangeMarks.ts'
import { useBoard } from './BoardContext.ts'
import type { LaneModel } from './boardModel.ts'
import { CardStallIcon } from './CardStallIcon.tsx'
import { valueText } from '../../format/keyResultText.ts'
import { KIND_NAME } from '../../format/labels.ts'
import { CommentCount } from '../comments/index.ts'

const BAR: Record<string, string> = { critical: 'var(--critical)', warning: 'var(--warning)' }

export const LaneHeader = memo(function LaneHeader(props: LaneModel & { keyResult: KeyResult }) {
  const { keyResult: kr, progress, expected, current, tasksDone, tasksTotal, stallSeverity, stallText } = props
  const { canEdit, canEditTasks, openKeyResult, personById } = useBoard()
  const owner = kr.ownerId === null ? undefined : personById.get(kr.ownerId)
  const pct = Math.round(progress * 100)
  const changed = useChangeMark(kr.id)
  return (
    <div className="lane-head">
      <div className="lane-head__top">
        <button type="button" className="lane-head__title" onClick={() => openKeyResult(kr.id)} title={`Open the key result (weight ${kr.weight}% of its objective)`}>
          {kr.title}
        </button>
        {stallSeverity !== null && <CardStallIcon severity={stallSeverity} text={stallText} />}
      </div>
      <div className="lane-head__facts">
        <span className="lane-head__kind">{KIND_NAME[kr.kind]}</span>
        <span className="lane-head__value">{valueText(kr, current, tasksDone, tasksTotal)}</span>
        <CommentCount targetId={kr.id} label={kr.title} onOpen={() => openKeyResult(kr.id)} />
        {owner && (
          <span className="lane-head__who">
            <Avatar name={owner.name} color={colorFor(owner.name)} size="sm" detail="owner" />
          </span>
        )}
      </div>
      <div className="lane-head__progress">
        <ProgressBar
          value={progress}
          expected={expected}
          color={stallSeverity === null ? undefined : BAR[stallSeverity]}
          label={`Progress of ${kr.title}, expected ${Math.round(expected * 100)}% by now`}
        />
        <span className="lane-head__pct">{pct}%</span>
        {canEditTasks ? (
          <Button size="sm" className="lane-head__checkin" onClick={() => openKeyResult(kr.id)} aria-label={`Check in ${kr.title}`}>
            Check in
          </Button>
        ) : (
          // A closed cycle takes no check-ins; its review scores live in the same panel.
          canEdit && (
            <Button size="sm" className="lane-head__checkin" onClick={() => openKeyResult(kr.id)} aria-label={`Score ${kr.title}`}>
              Score
            </Button>
          )
        )}
      </div>
      <ChangedSince mark={changed} />
    </div>
  )
})
