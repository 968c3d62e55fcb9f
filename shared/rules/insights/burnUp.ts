/** @module Burn-up lines: a key result's or an objective's actual course against the course expected of it (I2). */
import { KeyResultKind, unreachable } from '../../model/index.ts'
import type { KeyResultId, ObjectiveId } from '../../model/index.ts'
import { DAY_MS, dayEnd } from '../cycleTime.ts'
import type { CycleWindow } from '../cycleTime.ts'
import { clamp01 } from '../math.ts'
import { normalisedWeights } from '../objectiveProgress.ts'
import { valueMeasure } from '../progress.ts'
import { MILESTONE_ACHIEVED } from '../thresholds.ts'
import type { TimeValue } from './forecast.ts'
import type { InsightKeyResult, InsightObjective } from './insightScope.ts'

/** What is expected of a key result over the cycle. */
export type ExpectedCourse =
  /** From the start value to the target (increase, decrease, count; task-driven in progress 0..1). */
  | { readonly kind: 'line'; readonly points: readonly [TimeValue, TimeValue] }
  /** Inside `[low, high]` the whole cycle (range). */
  | { readonly kind: 'band'; readonly low: number; readonly high: number; readonly from: number; readonly to: number }
  /** 0 until the due date, 1 from it (milestone, baseline; in progress 0..1). */
  | { readonly kind: 'steps'; readonly points: readonly TimeValue[] }
  /** The KR lacks what its kind needs. */
  | { readonly kind: 'none' }

export interface KeyResultBurnUp {
  readonly keyResultId: KeyResultId
  /** `value`: the KR's own unit (check-in values); `progress`: 0..1. */
  readonly unit: 'value' | 'progress'
  readonly actual: readonly TimeValue[]
  readonly expected: ExpectedCourse
}

export interface ObjectiveBurnUp {
  readonly objectiveId: ObjectiveId
  /** Weighted progress (O2) at each week's end and at now, 0..1. */
  readonly actual: readonly TimeValue[]
  /** The cycle's linear pace, 0 at its start to 1 at its end (P7). */
  readonly expected: readonly [TimeValue, TimeValue]
}

/** How many of `sorted` are at or before `t`. */
function countUpTo(sorted: readonly number[], t: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (sorted[mid]! <= t) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * A KR's progress 0..1 at time `t` from what is dated: its latest check-in by then (P2-P5) and its
 * tasks done by then (a done card's last move is when it reached done; P6 over time).
 */
export function progressAt(k: InsightKeyResult, t: number): number {
  let last = -1
  for (let i = k.checkIns.length - 1; i >= 0; i--) {
    if (k.checkIns[i]!.at <= t) {
      last = i
      break
    }
  }
  const value = last < 0 ? null : k.checkIns[last]!.value
  const measure = valueMeasure(k.keyResult)
  if (measure !== null) return value === null ? 0 : clamp01(measure(value))
  const taskShare = k.tasksTotal > 0 ? countUpTo(k.doneAt, t) / k.tasksTotal : 0
  if (k.keyResult.kind === KeyResultKind.TaskDriven) return taskShare
  if (value !== null && value >= MILESTONE_ACHIEVED) return 1
  return taskShare
}

function expectedCourse(k: InsightKeyResult, window: CycleWindow): ExpectedCourse {
  const kr = k.keyResult
  const from = Math.min(Math.max(window.start, kr.createdAt), window.end)
  switch (kr.kind) {
    case KeyResultKind.Increase:
    case KeyResultKind.Count:
    case KeyResultKind.Decrease: {
      const start = kr.kind === KeyResultKind.Count ? (kr.start ?? 0) : kr.start
      if (start === null || kr.target === null || valueMeasure(kr) === null) return { kind: 'none' }
      return { kind: 'line', points: [{ at: from, value: start }, { at: window.end, value: kr.target }] }
    }
    case KeyResultKind.Range: {
      if (kr.rangeLow === null || kr.rangeHigh === null || valueMeasure(kr) === null) return { kind: 'none' }
      return { kind: 'band', low: Math.min(kr.rangeLow, kr.rangeHigh), high: Math.max(kr.rangeLow, kr.rangeHigh), from: window.start, to: window.end }
    }
    case KeyResultKind.Milestone:
    case KeyResultKind.Baseline: {
      const due = Math.min(Math.max(dayEnd(kr.dueDate) ?? window.end, from), window.end)
      return { kind: 'steps', points: [{ at: from, value: 0 }, { at: due, value: 0 }, { at: due, value: 1 }, { at: window.end, value: 1 }] }
    }
    case KeyResultKind.TaskDriven:
      return { kind: 'line', points: [{ at: from, value: 0 }, { at: window.end, value: 1 }] }
    default:
      return unreachable(kr.kind, 'key-result kind')
  }
}

/**
 * A KR's burn-up (I2): value KRs show their check-in values against the line from start to target
 * (or the range's band); milestones, baselines and task-driven KRs show progress 0..1 at each dated
 * event (check-in, card done) against the due-date step or the linear pace.
 */
export function keyResultBurnUp(k: InsightKeyResult, window: CycleWindow, now: number): KeyResultBurnUp {
  const expected = expectedCourse(k, window)
  if (valueMeasure(k.keyResult) !== null) {
    return { keyResultId: k.keyResult.id, unit: 'value', actual: k.checkIns.map((c) => ({ at: c.at, value: c.value })), expected }
  }
  const times = [...new Set([...k.checkIns.map((c) => c.at), ...k.doneAt])].filter((t) => t <= now).sort((a, b) => a - b)
  const until = Math.min(now, window.end)
  const actual = [window.start, ...times.filter((t) => t > window.start), ...(until > window.start ? [until] : [])].map((at) => ({ at, value: progressAt(k, at) }))
  return { keyResultId: k.keyResult.id, unit: 'progress', actual: dedupe(actual), expected }
}

/** Drops a point equal in time to the one before it (the later wins). */
function dedupe(points: readonly TimeValue[]): TimeValue[] {
  const out: TimeValue[] = []
  for (const p of points) {
    if (out.length > 0 && out[out.length - 1]!.at === p.at) out[out.length - 1] = p
    else out.push(p)
  }
  return out
}

/**
 * An objective's burn-up (I2): its weighted progress (O1, O2) from its KRs' progress at the start,
 * at the end of each week of the cycle up to now, and at now; against the cycle's linear pace.
 */
export function objectiveBurnUp(o: InsightObjective, window: CycleWindow, now: number): ObjectiveBurnUp {
  const weights = normalisedWeights(o.all.map((k) => k.keyResult.weight))
  const until = Math.min(now, window.end)
  const times: number[] = []
  for (let t = window.start; t < until; t += 7 * DAY_MS) times.push(t)
  if (until >= window.start) times.push(until)
  const actual = times.map((at) => ({ at, value: o.all.reduce((sum, k, i) => sum + (weights[i] ?? 0) * progressAt(k, at), 0) }))
  return {
    objectiveId: o.objective.id,
    actual,
    expected: [{ at: window.start, value: 0 }, { at: window.end, value: 1 }],
  }
}
