/** @module Which band a 0..1 score falls in, and what the band asks of the team (B1-B5). */
import {
  SCORE_CONTINUE,
  SCORE_DECIMALS,
  SCORE_STRETCH_HIGH,
  SCORE_STRETCH_LOW,
} from './thresholds.ts'

export const ScoreBand = {
  /** B1, below 0.4: ask whether to continue. */
  Reconsider: 'reconsider',
  /** B2, 0.4 up to 0.6: progress, short of the stretch zone. */
  Short: 'short',
  /** B3, 0.6 to 0.7 inclusive: the healthy stretch zone. */
  Stretch: 'stretch',
  /** B4, above 0.7 and below 1. */
  Strong: 'strong',
  /** B5, 1: probably not ambitious enough. */
  NotAmbitious: 'notAmbitious',
} as const
export type ScoreBand = (typeof ScoreBand)[keyof typeof ScoreBand]

/** What each band says, in the words of the review meeting. */
export const SCORE_BAND_ADVICE: Readonly<Record<ScoreBand, string>> = {
  reconsider: 'Below 0.4: ask whether to continue this objective.',
  short: 'Progress made, short of the 0.6-0.7 stretch zone.',
  stretch: 'In the healthy 0.6-0.7 stretch zone.',
  strong: 'Above the stretch zone.',
  notAmbitious: 'Fully achieved: probably not ambitious enough.',
}

const SCALE = 10 ** SCORE_DECIMALS

/**
 * The band of a score (B1-B5). The score is rounded to SCORE_DECIMALS first so a weighted mean of
 * 0.7000000000000001 stays in the stretch zone; NaN counts as 0.
 */
export function scoreBand(score: number): ScoreBand {
  const s = Number.isNaN(score) ? 0 : Math.round(score * SCALE) / SCALE
  if (s < SCORE_CONTINUE) return ScoreBand.Reconsider
  if (s < SCORE_STRETCH_LOW) return ScoreBand.Short
  if (s <= SCORE_STRETCH_HIGH) return ScoreBand.Stretch
  if (s < 1) return ScoreBand.Strong
  return ScoreBand.NotAmbitious
}
