/** @module An objective's review figures as the meeting panel shows them: its score rolled up from its KRs' scores by weight (O4), each KR's part. */
import type { ObjectiveId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { objectiveProgress } from '../../../shared/rules/index.ts'
import type { ScoreSource } from '../../../shared/rules/index.ts'

export interface ReviewKeyResult {
  readonly id: string
  readonly title: string
  /** Normalised weight, 0..1. */
  readonly weight: number
  readonly score: number
  readonly source: ScoreSource
}

export interface ObjectiveReview {
  /** Null when the objective has no key results (nothing to score). */
  readonly score: number | null
  readonly keyResults: readonly ReviewKeyResult[]
}

/** The objective's rolled-up score and the KR scores it is made of, in the tree's order. */
export function objectiveReview(snap: WorkspaceSnapshot, objectiveId: ObjectiveId): ObjectiveReview {
  const progress = objectiveProgress(snap, objectiveId)
  return {
    score: progress.empty ? null : progress.score,
    keyResults: progress.keyResults.map((c) => ({
      id: c.keyResultId,
      title: snap.keyResults.get(c.keyResultId)?.title ?? 'A key result',
      weight: c.weight,
      score: c.score,
      source: c.scoreSource,
    })),
  }
}

/** Same figures (so the panel re-renders only when a score, weight or title moves). */
export function sameReview(a: ObjectiveReview, b: ObjectiveReview): boolean {
  return (
    a.score === b.score &&
    a.keyResults.length === b.keyResults.length &&
    a.keyResults.every((k, i) => {
      const o = b.keyResults[i]!
      return k.id === o.id && k.title === o.title && k.weight === o.weight && k.score === o.score && k.source === o.source
    })
  )
}
