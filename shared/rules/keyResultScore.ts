/** @module The score a key result counts with when its objective is scored (O3). */
import type { KeyResult, WorkspaceSnapshot } from '../model/index.ts'
import { clamp01 } from './math.ts'
import { keyResultProgress } from './progress.ts'

/** Where a key result's score came from. */
export const ScoreSource = { Lead: 'lead', Self: 'self', Progress: 'progress' } as const
export type ScoreSource = (typeof ScoreSource)[keyof typeof ScoreSource]

export interface KeyResultScore {
  /** 0..1 */
  readonly score: number
  readonly source: ScoreSource
}

/**
 * The lead's score if given, else the owner's self score, else measured progress (O3). The lead
 * has the last word in the review meeting; until anyone scores, progress stands in. A given score
 * is clamped to 0..1 and a non-finite one counts as not given.
 */
export function keyResultScore(
  snapshot: WorkspaceSnapshot,
  kr: KeyResult,
  progress: number = keyResultProgress(snapshot, kr).progress,
): KeyResultScore {
  const scored = snapshot.scores.get(kr.id)
  const lead = scored?.leadScore ?? null
  if (lead !== null && Number.isFinite(lead)) return { score: clamp01(lead), source: ScoreSource.Lead }
  const self = scored?.selfScore ?? null
  if (self !== null && Number.isFinite(self)) return { score: clamp01(self), source: ScoreSource.Self }
  return { score: clamp01(progress), source: ScoreSource.Progress }
}
