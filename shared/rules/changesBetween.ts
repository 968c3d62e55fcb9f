/**
 * @module What changed between two states of a workspace ("since last meeting", the history view,
 * the changes API): a diff of two model snapshots, each read with shared/doc's readers from a
 * stored checkpoint or the live document. Pure: both instants are parameters, since the stall
 * rules need them (a KR falls silent with time alone).
 */
import { ColumnKind } from '../model/index.ts'
import type {
  CheckIn,
  Cycle,
  CycleStatus,
  KeyResultId,
  Millis,
  Objective,
  Praise,
  Task,
  WorkspaceSnapshot,
} from '../model/index.ts'
import { checkInsOf, latestCheckIn } from './checkIns.ts'
import { compareStrings } from './math.ts'
import { keyResultProgress } from './progress.ts'
import { stallWarnings } from './stalls.ts'
import type { StallWarning } from './stallWarning.ts'

export const ChangeKind = { Added: 'added', Removed: 'removed', Changed: 'changed' } as const
export type ChangeKind = (typeof ChangeKind)[keyof typeof ChangeKind]

/** A key result that appeared, went, or moved: progress and confidence before and after. */
export interface KeyResultDelta {
  readonly id: KeyResultId
  readonly title: string
  readonly change: ChangeKind
  /** Progress 0..1 before (null when it did not exist) and after (null when it is gone). */
  readonly progressBefore: number | null
  readonly progressAfter: number | null
  readonly confidenceBefore: number | null
  readonly confidenceAfter: number | null
  /** Fields of the KR record that changed (title, target, weight...), for `changed`. */
  readonly fields: readonly string[]
  /** The score people gave it (the lead's, else the owner's self score; O3) before and after; null when unscored. */
  readonly scoreBefore: number | null
  readonly scoreAfter: number | null
}

export interface TaskDelta {
  readonly task: Task
  readonly change: ChangeKind
  /** For a moved card: where it was. */
  readonly from: Task['placement'] | null
  /** It reached a done column in between. */
  readonly done: boolean
  readonly fields: readonly string[]
}

export interface RecordDelta<T> {
  readonly record: T
  readonly change: ChangeKind
  readonly fields: readonly string[]
}

export interface CycleStatusChange {
  readonly cycle: Cycle
  readonly from: CycleStatus
  readonly to: CycleStatus
}

export interface WorkspaceChanges {
  readonly from: Millis
  readonly to: Millis
  /** KRs added, removed, or whose record, progress or confidence changed. */
  readonly keyResults: readonly KeyResultDelta[]
  readonly objectives: readonly RecordDelta<Objective>[]
  readonly tasks: readonly TaskDelta[]
  /** Check-ins taken in between (in the later state, not the earlier), oldest first. */
  readonly checkIns: readonly CheckIn[]
  /** Praise given in between, oldest first. */
  readonly praise: readonly Praise[]
  readonly stallsAppeared: readonly StallWarning[]
  readonly stallsCleared: readonly StallWarning[]
  readonly cycles: readonly CycleStatusChange[]
  readonly summary: ChangeSummary
}

/** The counts a banner shows: "4 KRs moved, 2 new stalls, 9 tasks done". */
export interface ChangeSummary {
  readonly keyResultsMoved: number
  readonly newStalls: number
  readonly stallsCleared: number
  readonly tasksDone: number
  readonly tasksAdded: number
  readonly checkIns: number
}

/** Progress changes smaller than this are float noise, not a move. */
const PROGRESS_EPSILON = 1e-9

/** Every change from `before` (at `from`) to `after` (at `to`); each list sorted by id. */
export function changesBetween(before: WorkspaceSnapshot, after: WorkspaceSnapshot, from: Millis, to: Millis): WorkspaceChanges {
  const keyResults = keyResultDeltas(before, after)
  const tasks = taskDeltas(before, after)
  const checkIns = [...after.checkIns.values()]
    .filter((c) => !before.checkIns.has(c.id))
    .sort((a, b) => a.at - b.at || compareStrings(a.id, b.id))
  const praise = [...after.praise.values()]
    .filter((p) => !before.praise.has(p.id))
    .sort((a, b) => a.at - b.at || compareStrings(a.id, b.id))
  const stallKey = (w: StallWarning) => `${w.ruleId}:${w.target.kind}:${w.target.id}`
  const was = new Map(stallWarnings(before, from).map((w) => [stallKey(w), w]))
  const now = new Map(stallWarnings(after, to).map((w) => [stallKey(w), w]))
  const stallsAppeared = [...now].filter(([key]) => !was.has(key)).map(([, w]) => w)
  const stallsCleared = [...was].filter(([key]) => !now.has(key)).map(([, w]) => w)
  const cycles: CycleStatusChange[] = []
  for (const cycle of after.cycles.values()) {
    const old = before.cycles.get(cycle.id)
    if (old !== undefined && old.status !== cycle.status) cycles.push({ cycle, from: old.status, to: cycle.status })
  }
  const moved = keyResults.filter((k) => k.change !== ChangeKind.Removed && k.progressBefore !== k.progressAfter)
  return {
    from,
    to,
    keyResults,
    objectives: recordDeltas(before.objectives, after.objectives),
    tasks,
    checkIns,
    praise,
    stallsAppeared,
    stallsCleared,
    cycles,
    summary: {
      keyResultsMoved: moved.length,
      newStalls: stallsAppeared.length,
      stallsCleared: stallsCleared.length,
      tasksDone: tasks.filter((t) => t.done).length,
      tasksAdded: tasks.filter((t) => t.change === ChangeKind.Added).length,
      checkIns: checkIns.length,
    },
  }
}

function keyResultDeltas(before: WorkspaceSnapshot, after: WorkspaceSnapshot): KeyResultDelta[] {
  const ids = unionIds(before.keyResults, after.keyResults)
  const out: KeyResultDelta[] = []
  for (const id of ids) {
    const old = before.keyResults.get(id)
    const cur = after.keyResults.get(id)
    const progressBefore = old === undefined ? null : keyResultProgress(before, old).progress
    const progressAfter = cur === undefined ? null : keyResultProgress(after, cur).progress
    const confidenceBefore = old === undefined ? null : (latestCheckIn(checkInsOf(before, id))?.confidence ?? null)
    const confidenceAfter = cur === undefined ? null : (latestCheckIn(checkInsOf(after, id))?.confidence ?? null)
    const fields = old !== undefined && cur !== undefined ? changedFields(old, cur) : []
    const change = old === undefined ? ChangeKind.Added : cur === undefined ? ChangeKind.Removed : ChangeKind.Changed
    const progressMoved =
      progressBefore !== null && progressAfter !== null && Math.abs(progressBefore - progressAfter) > PROGRESS_EPSILON
    const scoreBefore = old === undefined ? null : givenScore(before, id)
    const scoreAfter = cur === undefined ? null : givenScore(after, id)
    if (change === ChangeKind.Changed && fields.length === 0 && !progressMoved && confidenceBefore === confidenceAfter && scoreBefore === scoreAfter) continue
    out.push({
      id,
      title: (cur ?? old)!.title,
      change,
      progressBefore,
      progressAfter: progressMoved || change !== ChangeKind.Changed ? progressAfter : progressBefore,
      confidenceBefore,
      confidenceAfter,
      fields,
      scoreBefore,
      scoreAfter,
    })
  }
  return out
}

function taskDeltas(before: WorkspaceSnapshot, after: WorkspaceSnapshot): TaskDelta[] {
  const isDone = (snap: WorkspaceSnapshot, t: Task) => snap.columns.get(t.placement.columnId)?.kind === ColumnKind.Done
  const out: TaskDelta[] = []
  for (const id of unionIds(before.tasks, after.tasks)) {
    const old = before.tasks.get(id)
    const cur = after.tasks.get(id)
    if (cur === undefined) {
      out.push({ task: old!, change: ChangeKind.Removed, from: old!.placement, done: false, fields: [] })
      continue
    }
    const done = isDone(after, cur) && (old === undefined || !isDone(before, old))
    if (old === undefined) {
      out.push({ task: cur, change: ChangeKind.Added, from: null, done, fields: [] })
      continue
    }
    const movedCell = old.placement.columnId !== cur.placement.columnId || old.placement.keyResultId !== cur.placement.keyResultId
    const fields = changedFields(old, cur).filter((f) => f !== 'placement' && f !== 'movedAt')
    if (!movedCell && fields.length === 0) continue
    out.push({ task: cur, change: ChangeKind.Changed, from: movedCell ? old.placement : null, done, fields: movedCell ? ['placement', ...fields] : fields })
  }
  return out
}

function recordDeltas<T extends { readonly id: string }>(before: ReadonlyMap<string, T>, after: ReadonlyMap<string, T>): RecordDelta<T>[] {
  const out: RecordDelta<T>[] = []
  for (const id of unionIds(before, after)) {
    const old = before.get(id)
    const cur = after.get(id)
    if (old === undefined) out.push({ record: cur!, change: ChangeKind.Added, fields: [] })
    else if (cur === undefined) out.push({ record: old, change: ChangeKind.Removed, fields: [] })
    else {
      const fields = changedFields(old, cur)
      if (fields.length > 0) out.push({ record: cur, change: ChangeKind.Changed, fields })
    }
  }
  return out
}

/** The score a person gave a KR: the lead's, else the owner's self score (O3 without its progress fallback). */
function givenScore(snap: WorkspaceSnapshot, id: KeyResultId): number | null {
  const scored = snap.scores.get(id)
  return scored?.leadScore ?? scored?.selfScore ?? null
}

/** Keys whose values differ (compared as JSON: records are plain values). */
function changedFields<T extends object>(a: T, b: T): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  const out: string[] = []
  for (const key of keys) {
    const x = (a as Record<string, unknown>)[key]
    const y = (b as Record<string, unknown>)[key]
    if (x !== y && JSON.stringify(x) !== JSON.stringify(y)) out.push(key)
  }
  return out.sort()
}

function unionIds<K extends string>(a: ReadonlyMap<K, unknown>, b: ReadonlyMap<K, unknown>): K[] {
  return [...new Set([...a.keys(), ...b.keys()])].sort(compareStrings)
}
