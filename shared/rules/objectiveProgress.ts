/** @module An objective's progress and score as weighted means of its key results (O1, O2, O4). */
import type { KeyResult, KeyResultId, ObjectiveId, WorkspaceSnapshot } from '../model/index.ts'
import { keyResultScore } from './keyResultScore.ts'
import type { ScoreSource } from './keyResultScore.ts'
import { compareStrings } from './math.ts'
import { keyResultProgress } from './progress.ts'

/**
 * Weights as shares summing to 1 (O1): a negative or non-finite weight counts as 0; when all are 0
 * every KR weighs the same, so an objective drafted without weights still has a meaningful score.
 */
export function normalisedWeights(weights: readonly number[]): readonly number[] {
  const clean = weights.map((w) => (Number.isFinite(w) && w > 0 ? w : 0))
  const total = clean.reduce((sum, w) => sum + w, 0)
  if (total > 0) return clean.map((w) => w / total)
  return clean.map(() => 1 / clean.length)
}

export interface KeyResultContribution {
  readonly keyResultId: KeyResultId
  /** Normalised weight, 0..1 (O1). */
  readonly weight: number
  readonly progress: number
  readonly score: number
  readonly scoreSource: ScoreSource
}

export interface ObjectiveProgress {
  /** Weighted mean of KR progress, 0..1 (O2). */
  readonly progress: number
  /** Weighted mean of KR scores, 0..1 (O4). */
  readonly score: number
  /** True when the objective has no key results (or does not exist). */
  readonly empty: boolean
  /** One entry per key result, ordered by KR id. */
  readonly keyResults: readonly KeyResultContribution[]
}

/** The key results of an objective, ordered by id so sums come out the same everywhere. */
export function keyResultsOf(snapshot: WorkspaceSnapshot, objectiveId: ObjectiveId): readonly KeyResult[] {
  const mine: KeyResult[] = []
  for (const kr of snapshot.keyResults.values()) {
    if (kr.objectiveId === objectiveId) mine.push(kr)
  }
  return mine.sort((a, b) => compareStrings(a.id, b.id))
}

/** Progress and score of an objective (O2, O4); an objective without KRs is 0 and `empty`. */
export function objectiveProgress(snapshot: WorkspaceSnapshot, objectiveId: ObjectiveId): ObjectiveProgress {
  const krs = keyResultsOf(snapshot, objectiveId)
  if (krs.length === 0) return { progress: 0, score: 0, empty: true, keyResults: [] }
  const weights = normalisedWeights(krs.map((kr) => kr.weight))
  const keyResults = krs.map((kr, i): KeyResultContribution => {
    const { progress } = keyResultProgress(snapshot, kr)
    const { score, source } = keyResultScore(snapshot, kr, progress)
    return { keyResultId: kr.id, weight: weights[i] ?? 0, progress, score, scoreSource: source }
  })
  return {
    progress: keyResults.reduce((sum, c) => sum + c.weight * c.progress, 0),
    score: keyResults.reduce((sum, c) => sum + c.weight * c.score, 0),
    empty: false,
    keyResults,
  }
}
