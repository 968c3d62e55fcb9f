/** @module How many key results fall in each score band (I7), for the review. */
import type { WorkspaceSnapshot } from '../../model/index.ts'
import { keyResultScore } from '../keyResultScore.ts'
import { ScoreSource } from '../keyResultScore.ts'
import { scoreBand } from '../scoreBand.ts'
import type { ScoreBand } from '../scoreBand.ts'
import type { InsightKeyResult } from './insightScope.ts'

export interface ScoreDistribution {
  /** Key results per band (B1-B5) of their O3 score. */
  readonly bands: Readonly<Record<ScoreBand, number>>
  /** How many of them carry a lead or self score; the rest count with their progress. */
  readonly scored: number
  readonly total: number
}

/** Each KR's O3 score banded (B1-B5) and counted (I7). */
export function scoreDistribution(snapshot: WorkspaceSnapshot, keyResults: readonly InsightKeyResult[]): ScoreDistribution {
  const bands: Record<ScoreBand, number> = { reconsider: 0, short: 0, stretch: 0, strong: 0, notAmbitious: 0 }
  let scored = 0
  for (const k of keyResults) {
    const { score, source } = keyResultScore(snapshot, k.keyResult, k.progress.progress)
    bands[scoreBand(score)] += 1
    if (source !== ScoreSource.Progress) scored += 1
  }
  return { bands, scored, total: keyResults.length }
}
