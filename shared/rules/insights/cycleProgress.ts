/** @module Each objective's progress against the cycle's pace, and the cycle's overall progress (I1). */
import type { KeyResultId, ObjectiveId, StallSettings } from '../../model/index.ts'
import { cycleElapsedShare, expectedProgress } from '../cycleTime.ts'
import { normalisedWeights } from '../objectiveProgress.ts'
import { ProgressBasis } from '../progress.ts'
import { PACE_GRACE } from '../thresholds.ts'
import type { InsightKeyResult, InsightScope } from './insightScope.ts'

/** Where progress stands against the expected pace. */
export const PaceStatus = {
  /** Too early to judge: less than PACE_GRACE of the time has passed. */
  Early: 'early',
  /** Done (progress 1). */
  Done: 'done',
  OnPace: 'onPace',
  Behind: 'behind',
  AtRisk: 'atRisk',
  /** Done or not (a milestone without tasks), or nothing to measure: not paced. */
  NotPaced: 'notPaced',
} as const
export type PaceStatus = (typeof PaceStatus)[keyof typeof PaceStatus]

/** `progress / expected` judged as S2 judges it, with the workspace's thresholds. */
export function paceStatus(progress: number, expected: number, settings: StallSettings): PaceStatus {
  if (progress >= 1) return PaceStatus.Done
  if (expected < PACE_GRACE) return PaceStatus.Early
  const pace = progress / expected
  if (pace < settings.paceAtRisk) return PaceStatus.AtRisk
  if (pace < settings.paceBehind) return PaceStatus.Behind
  return PaceStatus.OnPace
}

export interface KeyResultPace {
  readonly keyResultId: KeyResultId
  readonly title: string
  readonly kind: InsightKeyResult['keyResult']['kind']
  readonly ownerId: string | null
  /** Normalised weight within its objective (O1). */
  readonly weight: number
  readonly progress: number
  /** The linear pace from its start (P7, from its creation when added late). */
  readonly expected: number
  readonly status: PaceStatus
}

export interface ObjectivePace {
  readonly objectiveId: ObjectiveId
  readonly title: string
  readonly level: string
  readonly teamId: string | null
  readonly ownerId: string | null
  /** Weighted progress of all its key results (O2). */
  readonly progress: number
  /** The cycle's elapsed share: the pace marker (P7). */
  readonly expected: number
  readonly status: PaceStatus
  /** The key results in view. */
  readonly keyResults: readonly KeyResultPace[]
}

export interface CycleProgress {
  /** Mean of the objectives' progress (each counts once); null when no objective has a key result. */
  readonly progress: number | null
  readonly expected: number
  readonly status: PaceStatus | null
  readonly objectives: readonly ObjectivePace[]
}

/** A KR's pace (I1): gradual progress (value or tasks basis) is paced as S2 paces it; the rest is not. */
export function keyResultPace(k: InsightKeyResult, weight: number, now: number, settings: StallSettings): KeyResultPace {
  const { progress, basis } = k.progress
  const expected = expectedProgress(k.cycle, now, k.keyResult.createdAt)
  const paced = basis === ProgressBasis.Value || basis === ProgressBasis.Tasks || progress >= 1
  return {
    keyResultId: k.keyResult.id,
    title: k.keyResult.title,
    kind: k.keyResult.kind,
    ownerId: k.keyResult.ownerId,
    weight,
    progress,
    expected,
    status: paced ? paceStatus(progress, expected, settings) : PaceStatus.NotPaced,
  }
}

/** Progress of every objective in view against the cycle's pace, and the cycle's overall progress (I1). */
export function cycleProgress(scope: InsightScope, now: number): CycleProgress {
  const expected = cycleElapsedShare(scope.cycle, now)
  const objectives = scope.objectives.map((o): ObjectivePace => {
    const weights = normalisedWeights(o.all.map((k) => k.keyResult.weight))
    const weightOf = new Map(o.all.map((k, i) => [k.keyResult.id, weights[i] ?? 0]))
    const progress = o.all.reduce((sum, k, i) => sum + (weights[i] ?? 0) * k.progress.progress, 0)
    return {
      objectiveId: o.objective.id,
      title: o.objective.title,
      level: o.objective.level,
      teamId: o.teamId,
      ownerId: o.objective.ownerId,
      progress,
      expected,
      status: o.all.length === 0 ? PaceStatus.NotPaced : paceStatus(progress, expected, scope.settings),
      keyResults: o.shown.map((k) => keyResultPace(k, weightOf.get(k.keyResult.id) ?? 0, now, scope.settings)),
    }
  })
  const measured = objectives.filter((_, i) => (scope.objectives[i]?.all.length ?? 0) > 0)
  const progress = measured.length === 0 ? null : measured.reduce((s, o) => s + o.progress, 0) / measured.length
  return { progress, expected, status: progress === null ? null : paceStatus(progress, expected, scope.settings), objectives }
}
