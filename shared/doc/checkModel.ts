/** @module Checks the invariants every snapshot must hold, after any mix of concurrent edits. */
import type { ObjectiveId, WorkspaceSnapshot } from '../model/index.ts'

export interface ModelProblem {
  readonly id: string
  readonly problem: string
}

/** Every broken invariant of `snap`; an empty list means the model is valid. */
export function checkModel(snap: WorkspaceSnapshot): ModelProblem[] {
  const problems: ModelProblem[] = []
  const add = (id: string, problem: string): void => void problems.push({ id, problem })
  for (const o of snap.objectives.values()) {
    if (!snap.cycles.has(o.cycleId)) add(o.id, 'objective in a missing cycle')
    if (o.ownerId !== null && !snap.people.has(o.ownerId)) add(o.id, 'objective owned by a missing person')
    if (o.alignment?.kind === 'objective' && !snap.objectives.has(o.alignment.id)) add(o.id, 'aligned to a missing objective')
    if (o.alignment?.kind === 'keyResult' && !snap.keyResults.has(o.alignment.id)) add(o.id, 'aligned to a missing key result')
  }
  for (const k of snap.keyResults.values()) {
    if (!snap.objectives.has(k.objectiveId)) add(k.id, 'key result of a missing objective')
    if (!(k.weight >= 0)) add(k.id, 'negative weight')
  }
  for (const t of snap.tasks.values()) {
    const krId = t.placement.keyResultId
    const kr = krId === null ? undefined : snap.keyResults.get(krId)
    if (krId !== null && kr === undefined) add(t.id, 'task under a missing key result')
    if (kr !== undefined && snap.objectives.get(kr.objectiveId)?.cycleId !== t.cycleId) {
      add(t.id, 'task under a key result of another cycle')
    }
    if (snap.columns.size > 0 && !snap.columns.has(t.placement.columnId)) add(t.id, 'task in a missing column')
    if (!snap.cycles.has(t.cycleId)) add(t.id, 'task in a missing cycle')
  }
  for (const c of snap.checkIns.values()) if (!snap.keyResults.has(c.keyResultId)) add(c.id, 'check-in of a missing KR')
  for (const s of snap.scores.values()) if (!snap.keyResults.has(s.keyResultId)) add(s.keyResultId, 'score of a missing KR')
  for (const id of alignmentLoops(snap)) add(id, 'objective is its own ancestor')
  return problems
}

function alignmentLoops(snap: WorkspaceSnapshot): ObjectiveId[] {
  const parentOf = (id: ObjectiveId): ObjectiveId | undefined => {
    const a = snap.objectives.get(id)?.alignment
    if (!a) return undefined
    return a.kind === 'objective' ? a.id : snap.keyResults.get(a.id)?.objectiveId
  }
  const loops: ObjectiveId[] = []
  for (const id of snap.objectives.keys()) {
    const seen = new Set<ObjectiveId>()
    for (let at = parentOf(id); at !== undefined && !seen.has(at); at = parentOf(at)) {
      if (at === id) {
        loops.push(id)
        break
      }
      seen.add(at)
    }
  }
  return loops
}
