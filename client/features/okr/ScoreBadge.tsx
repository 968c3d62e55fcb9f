/** @module A 0..1 score with its band's colour and name; the band's advice is the tooltip. */
import { SCORE_BAND_ADVICE, scoreBand } from '../../../shared/rules/index.ts'
import { BAND_LABEL } from './labels.ts'

export function ScoreBadge({ score, source }: { score: number; source?: 'lead' | 'self' | 'progress' }) {
  const band = scoreBand(score)
  const shown = score.toFixed(2)
  const from = source === 'lead' ? ' (lead score)' : source === 'self' ? ' (self score)' : ''
  const advice = SCORE_BAND_ADVICE[band]
  return (
    <span className={`score score--${band}`} title={advice} aria-label={`Score ${shown}${from}, ${BAND_LABEL[band]}: ${advice}`} role="img">
      <span className="score__value">{shown}</span>
      <span className="score__band">{BAND_LABEL[band]}</span>
    </span>
  )
}
