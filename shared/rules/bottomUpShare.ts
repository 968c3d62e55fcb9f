/** @module How many of a team's objectives in a cycle came bottom-up (L6). */
import { ObjectiveLevel, ObjectiveStatus, Origin } from '../model/index.ts'
import type { CycleId, Objective, TeamId, WorkspaceSnapshot } from '../model/index.ts'

export interface BottomUpShare {
  readonly bottomUp: number
  readonly total: number
  /** bottomUp / total, or null when the team has no objective in the cycle. */
  readonly share: number | null
}

/** The team an objective belongs to: its own `teamId`, else its owner's team. */
export function objectiveTeam(snapshot: WorkspaceSnapshot, objective: Objective): TeamId | null {
  if (objective.teamId !== null) return objective.teamId
  if (objective.ownerId === null) return null
  return snapshot.people.get(objective.ownerId)?.teamId ?? null
}

/** Whether an objective counts toward its team's bottom-up share: team or individual, not dropped. */
export function countsForTeam(objective: Objective): boolean {
  return (
    objective.status !== ObjectiveStatus.Dropped &&
    (objective.level === ObjectiveLevel.Team || objective.level === ObjectiveLevel.Individual)
  )
}

/**
 * The bottom-up share of a team's team- and individual-level objectives in a cycle (L6). Dropped
 * objectives are not counted: they are no longer part of the plan.
 */
export function bottomUpShare(snapshot: WorkspaceSnapshot, teamId: TeamId, cycleId: CycleId): BottomUpShare {
  let bottomUp = 0
  let total = 0
  for (const objective of snapshot.objectives.values()) {
    if (objective.cycleId !== cycleId || !countsForTeam(objective)) continue
    if (objectiveTeam(snapshot, objective) !== teamId) continue
    total += 1
    if (objective.origin === Origin.BottomUp) bottomUp += 1
  }
  return { bottomUp, total, share: total === 0 ? null : bottomUp / total }
}
