/**
 * @module A 0..1 score with its band's colour and name; the band's advice is the tooltip. An
 * objective with no key results has nothing to score (O2): it says "no KRs yet", not a red 0.00.
 */
import { SCORE_BAND_ADVICE, scoreBand } from '../../../shared/rules/index.ts'
import { BAND_LABEL, NO_KEY_RESULTS } from '../../format/labels.ts'

/** `score` null: no key results yet. */
export function ScoreBadge({ score, source }: { score: number | null; source?: 'lead' | 'self' | 'progress' }) {
  if (score === null) {
    return (
      <span className="score score--none" title="Add a key result to score this objective">
        {NO_KEY_RESULTS}
      </span>
    )
  }
  const band = scoreBand(score)
  const shown = score.toFixed(2)
  const from = source === 'lead' ? ' (lead score)' : source === 'self' ? ' (self score)' : ''
  const advice = SCORE_BAND_ADVICE[band]
  return (
    <span className={`score score--${band}`} title={advice} aria-label={`Score ${shown}${from}, ${BAND_LABEL[band]}: ${advice}`} role="img">
      {/* The space keeps "0.39 Reconsider" two words when the text is copied or read as text. */}
      <span className="score__value">{shown}</span>{' '}
      <span className="score__band">{BAND_LABEL[band]}</span>
    </span>
  )
}
