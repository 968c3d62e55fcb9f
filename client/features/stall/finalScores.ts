/**
 * @module The scores a closed cycle ended with, per objective and key result (O3, O4), ordered as
 * people read them: objectives by title, their key results by weight then title.
 */
import type { Cycle, KeyResultId, ObjectiveId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { objectiveProgress } from '../../../shared/rules/index.ts'
import type { ScoreSource } from '../../../shared/rules/index.ts'

export interface FinalKeyResult {
  readonly id: KeyResultId
  readonly title: string
  /** Normalised weight in the objective, 0..1 (O1). */
  readonly weight: number
  readonly score: number
  readonly source: ScoreSource
}

export interface FinalObjective {
  readonly id: ObjectiveId
  readonly title: string
  /** Null for an objective without key results: nothing to score (O2). */
  readonly score: number | null
  readonly keyResults: readonly FinalKeyResult[]
}

export function finalScores(snap: WorkspaceSnapshot, cycle: Cycle): FinalObjective[] {
  const out: FinalObjective[] = []
  for (const objective of snap.objectives.values()) {
    if (objective.cycleId !== cycle.id) continue
    const result = objectiveProgress(snap, objective.id)
    const keyResults = result.keyResults
      .map((c) => ({ id: c.keyResultId, title: snap.keyResults.get(c.keyResultId)?.title ?? '', weight: c.weight, score: c.score, source: c.scoreSource }))
      .sort((a, b) => b.weight - a.weight || a.title.localeCompare(b.title))
    out.push({ id: objective.id, title: objective.title, score: result.empty ? null : result.score, keyResults })
  }
  return out.sort((a, b) => a.title.localeCompare(b.title))
}

/** Equal when every objective and key result shows the same title and score. */
export function sameFinalScores(a: readonly FinalObjective[], b: readonly FinalObjective[]): boolean {
  return (
    a.length === b.length &&
    a.every((o, i) => {
      const p = b[i]
      return (
        p !== undefined &&
        o.id === p.id &&
        o.title === p.title &&
        o.score === p.score &&
        o.keyResults.length === p.keyResults.length &&
        o.keyResults.every((k, j) => {
          const q = p.keyResults[j]
          return q !== undefined && k.id === q.id && k.title === q.title && k.weight === q.weight && k.score === q.score && k.source === q.source
        })
      )
    })
  )
}
