/**
 * @module What the radar shows for a closed cycle: no stall can happen any more, so instead of
 * warnings (or a misleading "healthy") it lists the scores the cycle closed with, per objective
 * and key result, each with its band (B1-B5) and where the score came from.
 */
import { useCallback } from 'react'
import type { Cycle, KeyResultId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { SCORE_BAND_ADVICE, scoreBand } from '../../../shared/rules/index.ts'
import type { ScoreBand, ScoreSource } from '../../../shared/rules/index.ts'
import { closedCycleNote } from '../../format/closedCycle.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import { Icon } from '../../ui/Icon.tsx'
import { finalScores, sameFinalScores } from './finalScores.ts'

const BAND: Readonly<Record<ScoreBand, string>> = {
  reconsider: 'Reconsider',
  short: 'Short',
  stretch: 'Stretch',
  strong: 'Strong',
  notAmbitious: 'Not ambitious',
}

const SOURCE: Readonly<Record<ScoreSource, string>> = {
  lead: 'lead score',
  self: 'self score',
  progress: 'from progress, not scored',
}

function FinalScore({ score, source }: { score: number; source?: ScoreSource }) {
  const band = scoreBand(score)
  const shown = score.toFixed(2)
  return (
    <span className={`final-score final-score--${band}`} title={SCORE_BAND_ADVICE[band]}>
      <span className="final-score__value">{shown}</span> <span className="final-score__band">{BAND[band]}</span>
      {source !== undefined && <span className="final-score__source"> · {SOURCE[source]}</span>}
    </span>
  )
}

export function FinalScores({ cycle }: { cycle: Cycle }) {
  const { openKeyResult } = useView()
  const select = useCallback((snap: WorkspaceSnapshot) => finalScores(snap, cycle), [cycle])
  const objectives = useSnapshot(select, sameFinalScores)
  return (
    <section className="final-scores" aria-labelledby="final-scores-title">
      <p className="final-scores__note" role="note">
        <Icon name="lock" size={14} /> {closedCycleNote(cycle)}. Stall warnings end with the cycle; these are the scores
        it closed with.
      </p>
      <h2 id="final-scores-title" className="final-scores__title">Final scores</h2>
      {objectives.length === 0 && <p className="radar__filtered">This cycle closed without objectives.</p>}
      {objectives.map((o) => (
        <article key={o.id} className="final-objective" aria-label={`Objective: ${o.title}`}>
          <header className="final-objective__head">
            <h3>{o.title}</h3>
            {o.score === null ? <span className="final-score final-score--none">no key results</span> : <FinalScore score={o.score} />}
          </header>
          <ul className="final-krs">
            {o.keyResults.map((k) => (
              <li key={k.id} className="final-kr">
                <button type="button" className="final-kr__title" onClick={() => openKeyResult(k.id as KeyResultId)}>
                  {k.title}
                </button>
                <span className="final-kr__weight">{Math.round(k.weight * 100)}%</span>
                <FinalScore score={k.score} source={k.source} />
              </li>
            ))}
          </ul>
        </article>
      ))}
    </section>
  )
}
