/** @module What the stall rules look at: published cycles, active objectives' KRs, their tasks. */
import { ColumnKind, CycleStatus, ObjectiveStatus } from '../model/index.ts'
import type {
  CheckIn,
  Column,
  Cycle,
  CycleId,
  KeyResult,
  KeyResultId,
  StallSettings,
  Task,
  WorkspaceSnapshot,
} from '../model/index.ts'
import { checkInsByKeyResult, checkInsOf } from './checkIns.ts'
import { compareStrings } from './math.ts'
import { measureProgress } from './progress.ts'
import type { KeyResultProgress } from './progress.ts'

/** Everything the key-result stall rules need about one KR, gathered once. */
export interface KeyResultFacts {
  readonly keyResult: KeyResult
  readonly cycle: Cycle
  /** Oldest first (P1). */
  readonly checkIns: readonly CheckIn[]
  readonly progress: KeyResultProgress
  /** Its tasks in a known column that is not done, for S9. */
  readonly openTasks: readonly Task[]
}

/** A task with the column it sits in. */
export interface PlacedTask {
  readonly task: Task
  readonly column: Column
}

export interface StallScope {
  readonly settings: StallSettings
  readonly cycles: ReadonlyMap<CycleId, Cycle>
  /** Evaluated key results, ordered by id. */
  readonly keyResults: readonly KeyResultFacts[]
  /** Evaluated tasks in a known column, ordered by id. */
  readonly tasks: readonly PlacedTask[]
}

export interface StallOptions {
  /** Only this cycle (nothing when it is not published). */
  readonly cycleId?: CycleId
}

/** Facts about one KR from a snapshot; a convenience for callers and tests that look at one KR. */
export function keyResultFacts(snapshot: WorkspaceSnapshot, kr: KeyResult, cycle: Cycle): KeyResultFacts {
  const tasks = [...snapshot.tasks.values()].filter((t) => t.placement.keyResultId === kr.id)
  return factsFrom(snapshot, kr, cycle, checkInsOf(snapshot, kr.id), tasks)
}

function factsFrom(
  snapshot: WorkspaceSnapshot,
  kr: KeyResult,
  cycle: Cycle,
  checkIns: readonly CheckIn[],
  tasks: readonly Task[],
): KeyResultFacts {
  const kindOf = (task: Task) => snapshot.columns.get(task.placement.columnId)?.kind
  const done = tasks.filter((t) => kindOf(t) === ColumnKind.Done).length
  const openTasks = tasks.filter((t) => {
    const kind = kindOf(t)
    return kind !== undefined && kind !== ColumnKind.Done
  })
  const progress = measureProgress(kr, checkIns, { done, total: tasks.length })
  return { keyResult: kr, cycle, checkIns, progress, openTasks }
}

/**
 * The part of a workspace the stall rules evaluate (see "Scope" in RULES.md): published cycles
 * only, KRs of active objectives only, and tasks of those cycles not tied to a KR left out.
 */
export function stallScope(snapshot: WorkspaceSnapshot, opts: StallOptions = {}): StallScope {
  const cycles = new Map<CycleId, Cycle>()
  for (const cycle of snapshot.cycles.values()) {
    if (cycle.status !== CycleStatus.Published) continue
    if (opts.cycleId !== undefined && cycle.id !== opts.cycleId) continue
    cycles.set(cycle.id, cycle)
  }

  const tasksByKr = new Map<KeyResultId, Task[]>()
  for (const task of snapshot.tasks.values()) {
    const krId = task.placement.keyResultId
    if (krId === null) continue
    const list = tasksByKr.get(krId)
    if (list) list.push(task)
    else tasksByKr.set(krId, [task])
  }
  const checkIns = checkInsByKeyResult(snapshot)

  const keyResults: KeyResultFacts[] = []
  for (const kr of snapshot.keyResults.values()) {
    const objective = snapshot.objectives.get(kr.objectiveId)
    if (objective === undefined || objective.status !== ObjectiveStatus.Active) continue
    const cycle = cycles.get(objective.cycleId)
    if (cycle === undefined) continue
    keyResults.push(factsFrom(snapshot, kr, cycle, checkIns.get(kr.id) ?? [], tasksByKr.get(kr.id) ?? []))
  }
  keyResults.sort((a, b) => compareStrings(a.keyResult.id, b.keyResult.id))

  const evaluated = new Set(keyResults.map((f) => f.keyResult.id))
  const tasks: PlacedTask[] = []
  for (const task of snapshot.tasks.values()) {
    if (!cycles.has(task.cycleId)) continue
    const krId = task.placement.keyResultId
    // A task under a KR that is out of scope (dropped objective, other cycle) is out with it.
    if (krId !== null && snapshot.keyResults.has(krId) && !evaluated.has(krId)) continue
    const column = snapshot.columns.get(task.placement.columnId)
    if (column === undefined) continue
    tasks.push({ task, column })
  }
  tasks.sort((a, b) => compareStrings(a.task.id, b.task.id))

  return { settings: snapshot.settings.stall, cycles, keyResults, tasks }
}
