/** @module Confidence over the cycle: each KR's trend, the spread of latest confidences, and where confidence and pace disagree (I6). */
import type { KeyResultId } from '../../model/index.ts'
import { LOW_CONFIDENCE } from '../thresholds.ts'
import type { KeyResultPace } from './cycleProgress.ts'
import type { InsightKeyResult } from './insightScope.ts'
import { AHEAD_PACE, HIGH_CONFIDENCE } from './insightThresholds.ts'
import { PACE_GRACE } from '../thresholds.ts'

export const ConfidenceLevel = { Low: 'low', Medium: 'medium', High: 'high', None: 'none' } as const
export type ConfidenceLevel = (typeof ConfidenceLevel)[keyof typeof ConfidenceLevel]

/** 0-LOW_CONFIDENCE low, HIGH_CONFIDENCE-10 high, medium between; no check-in: none. */
export function confidenceLevel(confidence: number | null): ConfidenceLevel {
  if (confidence === null) return ConfidenceLevel.None
  if (confidence <= LOW_CONFIDENCE) return ConfidenceLevel.Low
  if (confidence >= HIGH_CONFIDENCE) return ConfidenceLevel.High
  return ConfidenceLevel.Medium
}

export interface ConfidenceTrend {
  readonly keyResultId: KeyResultId
  readonly title: string
  readonly points: ReadonlyArray<{ readonly at: number; readonly confidence: number }>
  readonly latest: number | null
  /** Latest minus first confidence of the cycle; null without check-ins. */
  readonly change: number | null
}

export const Disagreement = {
  /** High confidence while at risk: is the plan realistic? */
  ConfidentButBehind: 'confidentButBehind',
  /** Low confidence while ahead of pace: what worries the owner? */
  WorriedButAhead: 'worriedButAhead',
} as const
export type Disagreement = (typeof Disagreement)[keyof typeof Disagreement]

export interface ConfidenceDisagreement {
  readonly keyResultId: KeyResultId
  readonly title: string
  readonly kind: Disagreement
  readonly confidence: number
  readonly progress: number
  readonly expected: number
  /** "confidence 8 of 10 at 20% done, 60% expected". */
  readonly text: string
}

export interface ConfidenceInsights {
  readonly trends: readonly ConfidenceTrend[]
  /** How many KRs' latest confidence is low, medium, high, or missing. */
  readonly distribution: Readonly<Record<ConfidenceLevel, number>>
  readonly disagreements: readonly ConfidenceDisagreement[]
}

/**
 * Confidence insights (I6). A KR disagrees when its latest confidence is HIGH_CONFIDENCE or more
 * and its pace is below the workspace's `paceAtRisk`, or LOW_CONFIDENCE or less and its progress
 * is at least AHEAD_PACE of the expected pace. Only paced KRs count (S2's: value or tasks basis),
 * and not in the first PACE_GRACE of their time.
 */
export function confidenceInsights(keyResults: readonly InsightKeyResult[], paces: ReadonlyMap<KeyResultId, KeyResultPace>, paceAtRisk: number): ConfidenceInsights {
  const distribution: Record<ConfidenceLevel, number> = { low: 0, medium: 0, high: 0, none: 0 }
  const trends: ConfidenceTrend[] = []
  const disagreements: ConfidenceDisagreement[] = []
  for (const k of keyResults) {
    const points = k.checkIns.map((c) => ({ at: c.at, confidence: c.confidence }))
    const latest = points[points.length - 1]?.confidence ?? null
    const first = points[0]?.confidence ?? null
    distribution[confidenceLevel(latest)] += 1
    trends.push({ keyResultId: k.keyResult.id, title: k.keyResult.title, points, latest, change: latest === null || first === null ? null : latest - first })
    const pace = paces.get(k.keyResult.id)
    if (latest === null || pace === undefined || pace.status === 'notPaced' || pace.expected < PACE_GRACE) continue
    const ratio = pace.progress / pace.expected
    const level = confidenceLevel(latest)
    const kind =
      level === ConfidenceLevel.High && ratio < paceAtRisk ? Disagreement.ConfidentButBehind
      : level === ConfidenceLevel.Low && ratio >= AHEAD_PACE ? Disagreement.WorriedButAhead
      : null
    if (kind === null) continue
    const text = `confidence ${latest} of 10 at ${Math.round(pace.progress * 100)}% done, ${Math.round(pace.expected * 100)}% expected`
    disagreements.push({ keyResultId: k.keyResult.id, title: k.keyResult.title, kind, confidence: latest, progress: pace.progress, expected: pace.expected, text })
  }
  return { trends, distribution, disagreements }
}
