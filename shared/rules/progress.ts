/** @module Progress of one key result, per kind (P1-P6): clamped, raw, and the value behind it. */
import { ColumnKind, KeyResultKind, unreachable } from '../model/index.ts'
import type { CheckIn, KeyResult, KeyResultId, WorkspaceSnapshot } from '../model/index.ts'
import { checkInsOf, latestCheckIn } from './checkIns.ts'
import { clamp01 } from './math.ts'
import { MILESTONE_ACHIEVED } from './thresholds.ts'

/** What a key result's progress was measured from. */
export const ProgressBasis = {
  /** Check-in values against start/target or a range (increase, decrease, count, range). */
  Value: 'value',
  /** Share of its tasks in a done column (task-driven; milestone or baseline with tasks). */
  Tasks: 'tasks',
  /** Done or not (milestone, baseline). */
  Binary: 'binary',
  /** The KR lacks what its kind needs (no target, no range, no tasks). */
  None: 'none',
} as const
export type ProgressBasis = (typeof ProgressBasis)[keyof typeof ProgressBasis]

export interface KeyResultProgress {
  /** 0..1, what scores and pace use. */
  readonly progress: number
  /** The unclamped ratio (past target > 1, behind start < 0); null when nothing could be measured. */
  readonly raw: number | null
  /** Value of the latest check-in, for display; null without check-ins. */
  readonly current: number | null
  readonly basis: ProgressBasis
  readonly tasksDone: number
  readonly tasksTotal: number
}

/** How many of a key result's tasks there are and how many sit in a done column (P6). */
export interface TaskTally {
  readonly done: number
  readonly total: number
}

/** Count the tasks under a key result; a task in an unknown column is not done. */
export function taskTally(snapshot: WorkspaceSnapshot, keyResultId: KeyResultId): TaskTally {
  let done = 0
  let total = 0
  for (const task of snapshot.tasks.values()) {
    if (task.placement.keyResultId !== keyResultId) continue
    total += 1
    if (snapshot.columns.get(task.placement.columnId)?.kind === ColumnKind.Done) done += 1
  }
  return { done, total }
}

const finite = (x: number | null): x is number => x !== null && Number.isFinite(x)

/**
 * The function turning a check-in value into raw progress for value-based kinds (P2-P4), or null
 * when the kind is not value-based or the KR lacks the numbers it needs.
 */
export function valueMeasure(kr: KeyResult): ((value: number) => number) | null {
  switch (kr.kind) {
    case KeyResultKind.Increase:
    case KeyResultKind.Count: {
      // A count starts from nothing unless told otherwise; an increase must say where it starts.
      const start = kr.kind === KeyResultKind.Count ? (kr.start ?? 0) : kr.start
      const target = kr.target
      if (!finite(start) || !finite(target)) return null
      if (target === start) return (value) => (value >= target ? 1 : 0)
      return (value) => (value - start) / (target - start)
    }
    case KeyResultKind.Decrease: {
      const { start, target } = kr
      if (!finite(start) || !finite(target)) return null
      if (target === start) return (value) => (value <= target ? 1 : 0)
      return (value) => (start - value) / (start - target)
    }
    case KeyResultKind.Range: {
      if (!finite(kr.rangeLow) || !finite(kr.rangeHigh)) return null
      const low = Math.min(kr.rangeLow, kr.rangeHigh)
      const high = Math.max(kr.rangeLow, kr.rangeHigh)
      const width = high - low
      return (value) => {
        if (value >= low && value <= high) return 1
        if (width === 0) return 0
        const distance = value < low ? low - value : value - high
        return 1 - distance / width
      }
    }
    case KeyResultKind.Milestone:
    case KeyResultKind.Baseline:
    case KeyResultKind.TaskDriven:
      return null
    default:
      return unreachable(kr.kind, 'key-result kind')
  }
}

/** Raw progress of one value for a value-based KR (P2-P4); null when it cannot be measured. */
export function valueProgress(kr: KeyResult, value: number): number | null {
  const measure = valueMeasure(kr)
  return measure === null ? null : measure(value)
}

/**
 * Progress from already gathered facts: the KR's check-ins (oldest first) and its task tally.
 * `keyResultProgress` reads those from a snapshot; the stall rules pass what they gathered once.
 */
export function measureProgress(
  kr: KeyResult,
  checkIns: readonly CheckIn[],
  tally: TaskTally,
): KeyResultProgress {
  const current = latestCheckIn(checkIns)?.value ?? null
  const result = (raw: number | null, basis: ProgressBasis): KeyResultProgress => ({
    progress: raw === null ? 0 : clamp01(raw),
    raw,
    current,
    basis,
    tasksDone: tally.done,
    tasksTotal: tally.total,
  })
  const taskShare = tally.total > 0 ? tally.done / tally.total : null

  switch (kr.kind) {
    case KeyResultKind.Increase:
    case KeyResultKind.Count:
    case KeyResultKind.Decrease:
    case KeyResultKind.Range: {
      const measure = valueMeasure(kr)
      if (measure === null) return result(null, ProgressBasis.None)
      return result(current === null ? null : measure(current), ProgressBasis.Value)
    }
    case KeyResultKind.Milestone:
    case KeyResultKind.Baseline:
      if (current !== null && current >= MILESTONE_ACHIEVED) return result(1, ProgressBasis.Binary)
      if (taskShare !== null) return result(taskShare, ProgressBasis.Tasks)
      return result(current === null ? null : 0, ProgressBasis.Binary)
    case KeyResultKind.TaskDriven:
      return result(taskShare, taskShare === null ? ProgressBasis.None : ProgressBasis.Tasks)
    default:
      return unreachable(kr.kind, 'key-result kind')
  }
}

/** Progress of a key result in a workspace (P1-P6); see RULES.md for every boundary. */
export function keyResultProgress(snapshot: WorkspaceSnapshot, kr: KeyResult): KeyResultProgress {
  return measureProgress(kr, checkInsOf(snapshot, kr.id), taskTally(snapshot, kr.id))
}
