/**
 * @module An objective above its lanes: level, title, owner, progress against the cycle's pace
 * and its score in the colour of its band (B1-B5), with the band's advice as the tooltip; "no KRs
 * yet" in place of a score while it has no key results.
 */
import { memo } from 'react'
import { ObjectiveStatus } from '../../../shared/model/index.ts'
import type { Objective, Person } from '../../../shared/model/index.ts'
import { SCORE_BAND_ADVICE, scoreBand } from '../../../shared/rules/index.ts'
import { colorFor } from '../../sync/identity.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { ChangedSince } from '../../ui/ChangedSince.tsx'
import { ProgressBar } from '../../ui/ProgressBar.tsx'
import { useChangeMark } from '../../hooks/useChangeMarks.ts'
import { NO_KEY_RESULTS } from '../../format/labels.ts'

const LEVEL: Record<Objective['level'], string> = { company: 'Company', team: 'Team', individual: 'Individual' }

export interface ObjectiveHeaderProps {
  readonly objective: Objective
  readonly owner: Person | null
  readonly progress: number
  /** Null: no key results yet. */
  readonly score: number | null
  readonly expected: number
}

export const ObjectiveHeader = memo(function ObjectiveHeader({ objective, owner, progress, score, expected }: ObjectiveHeaderProps) {
  const band = score === null ? null : scoreBand(score)
  const pct = Math.round(progress * 100)
  const changed = useChangeMark(objective.id)
  return (
    <div className="objective-head">
      <div className="objective-head__inner">
        <span className={`level level--${objective.level}`}>{LEVEL[objective.level]}</span>
        <h2 className="objective-head__title">{objective.title}</h2>
        {objective.status !== ObjectiveStatus.Active && <span className="objective-head__status">{objective.status}</span>}
        {owner && (
          <span className="objective-head__owner">
            <Avatar name={owner.name} color={colorFor(owner.name)} size="sm" detail="owner" />
            <span>{owner.name}</span>
          </span>
        )}
        <span className="objective-head__progress">
          <ProgressBar value={progress} expected={expected} label={`Progress of ${objective.title}, expected ${Math.round(expected * 100)}% by now`} />
          <span className="objective-head__pct">{pct}%</span>
        </span>
        {score === null || band === null ? (
          <span className="score score--none" title="Add a key result to score this objective">{NO_KEY_RESULTS}</span>
        ) : (
          <span className={`score score--${band}`} title={SCORE_BAND_ADVICE[band]}>
            <span className="visually-hidden">Score </span>
            {score.toFixed(2)}
            <span className="visually-hidden">: {SCORE_BAND_ADVICE[band]}</span>
          </span>
        )}
        <ChangedSince mark={changed} />
      </div>
    </div>
  )
})
