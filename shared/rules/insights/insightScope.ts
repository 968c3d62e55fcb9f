/** @module What the insights dashboard looks at: one cycle's objectives and key results, filtered, with their facts gathered once. */
import { ColumnKind, ObjectiveLevel, ObjectiveStatus } from '../../model/index.ts'
import type {
  CheckIn,
  Cycle,
  CycleId,
  KeyResult,
  KeyResultId,
  Objective,
  ObjectiveLevel as Level,
  PersonId,
  StallSettings,
  TeamId,
  WorkspaceSnapshot,
} from '../../model/index.ts'
import { objectiveTeam } from '../bottomUpShare.ts'
import { checkInsByKeyResult } from '../checkIns.ts'
import { cycleWindow } from '../cycleTime.ts'
import type { CycleWindow } from '../cycleTime.ts'
import { compareStrings } from '../math.ts'
import { measureProgress } from '../progress.ts'
import type { KeyResultProgress } from '../progress.ts'

/** The dashboard's filters (I8); null or absent: no filter. */
export interface InsightFilters {
  readonly teamId?: TeamId | null
  readonly ownerId?: PersonId | null
  readonly level?: Level | null
}

/** One key result in view with everything the insight rules read about it. */
export interface InsightKeyResult {
  readonly keyResult: KeyResult
  readonly objective: Objective
  readonly cycle: Cycle
  /** Its objective's team (its own, else its owner's). */
  readonly teamId: TeamId | null
  /** Oldest first (P1). */
  readonly checkIns: readonly CheckIn[]
  readonly progress: KeyResultProgress
  readonly tasksTotal: number
  /** When each of its done tasks reached done (`movedAt`), oldest first: its task progress over time. */
  readonly doneAt: readonly number[]
}

export interface InsightObjective {
  readonly objective: Objective
  readonly teamId: TeamId | null
  /** Every key result of the objective, ordered by id: its progress is the whole objective's (O2). */
  readonly all: readonly InsightKeyResult[]
  /** Those the filters let through (all of them without an owner filter). */
  readonly shown: readonly InsightKeyResult[]
}

export interface InsightScope {
  readonly cycle: Cycle
  readonly window: CycleWindow | null
  readonly settings: StallSettings
  /** In the OKR tree's order: company, team, individual, then oldest first, ties by id. */
  readonly objectives: readonly InsightObjective[]
  /** The shown key results of every objective, in objective order. */
  readonly keyResults: readonly InsightKeyResult[]
}

const LEVEL_ORDER: Readonly<Record<Level, number>> = {
  [ObjectiveLevel.Company]: 0,
  [ObjectiveLevel.Team]: 1,
  [ObjectiveLevel.Individual]: 2,
}

function compareObjectives(a: Objective, b: Objective): number {
  return LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.createdAt - b.createdAt || compareStrings(a.id, b.id)
}

/**
 * The objectives and key results of `cycleId` the dashboard shows (I8): dropped objectives are
 * left out; level and team filter objectives; an owner filter keeps the key results that person
 * owns, or all of an objective they own. Null when there is no such cycle.
 */
export function insightScope(snapshot: WorkspaceSnapshot, cycleId: CycleId, filters: InsightFilters = {}): InsightScope | null {
  const cycle = snapshot.cycles.get(cycleId)
  if (cycle === undefined) return null
  const { teamId = null, ownerId = null, level = null } = filters

  const objectives: Objective[] = []
  for (const o of snapshot.objectives.values()) {
    if (o.cycleId !== cycleId || o.status === ObjectiveStatus.Dropped) continue
    if (level !== null && o.level !== level) continue
    if (teamId !== null && objectiveTeam(snapshot, o) !== teamId) continue
    objectives.push(o)
  }
  objectives.sort(compareObjectives)
  const wanted = new Set(objectives.map((o) => o.id))

  const krsOf = new Map<string, KeyResult[]>()
  for (const kr of snapshot.keyResults.values()) {
    if (!wanted.has(kr.objectiveId)) continue
    const list = krsOf.get(kr.objectiveId)
    if (list) list.push(kr)
    else krsOf.set(kr.objectiveId, [kr])
  }
  const krIds = new Set([...krsOf.values()].flat().map((kr) => kr.id))
  const tasks = new Map<KeyResultId, { total: number; doneAt: number[] }>()
  for (const task of snapshot.tasks.values()) {
    const krId = task.placement.keyResultId
    if (krId === null || !krIds.has(krId)) continue
    const tally = tasks.get(krId) ?? { total: 0, doneAt: [] }
    tally.total += 1
    if (snapshot.columns.get(task.placement.columnId)?.kind === ColumnKind.Done) tally.doneAt.push(task.movedAt)
    tasks.set(krId, tally)
  }
  const checkIns = checkInsByKeyResult(snapshot)

  const result: InsightObjective[] = []
  for (const objective of objectives) {
    const team = objectiveTeam(snapshot, objective)
    const krs = (krsOf.get(objective.id) ?? []).sort((a, b) => compareStrings(a.id, b.id))
    const all = krs.map((keyResult): InsightKeyResult => {
      const tally = tasks.get(keyResult.id) ?? { total: 0, doneAt: [] }
      const list = checkIns.get(keyResult.id) ?? []
      const progress = measureProgress(keyResult, list, { done: tally.doneAt.length, total: tally.total })
      const doneAt = [...tally.doneAt].sort((a, b) => a - b)
      return { keyResult, objective, cycle, teamId: team, checkIns: list, progress, tasksTotal: tally.total, doneAt }
    })
    const ownsObjective = ownerId === null || objective.ownerId === ownerId
    const shown = ownsObjective ? all : all.filter((k) => k.keyResult.ownerId === ownerId)
    if (!ownsObjective && shown.length === 0) continue
    result.push({ objective, teamId: team, all, shown })
  }
  return {
    cycle,
    window: cycleWindow(cycle),
    settings: snapshot.settings.stall,
    objectives: result,
    keyResults: result.flatMap((o) => o.shown),
  }
}
