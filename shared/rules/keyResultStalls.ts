/** @module The stall rules about one key result: silence, pace, confidence, trend, idle tasks. */
import type { StallSettings } from '../model/index.ts'
import { DAY_MS, cycleWindow, days, expectedProgress, wholeDays } from './cycleTime.ts'
import { activeDays, clamp01, percent } from './math.ts'
import { ProgressBasis, valueMeasure } from './progress.ts'
import type { KeyResultFacts } from './stallScope.ts'
import { Severity, StallRule } from './stallWarning.ts'
import type { StallWarning } from './stallWarning.ts'
import {
  CONFIDENCE_DROP,
  LOW_CONFIDENCE,
  PACE_GRACE,
  SILENCE_CRITICAL_FACTOR,
  TREND_CHECK_INS,
} from './thresholds.ts'

function krWarning(
  facts: KeyResultFacts,
  ruleId: StallRule,
  severity: Severity,
  reason: string,
): StallWarning {
  const id = facts.keyResult.id
  return { ruleId, severity, target: { kind: 'keyResult', id }, keyResultId: id, reason }
}

/**
 * S1: no check-in for `checkInDays` days. A KR that never had one is silent since the cycle
 * started, or since it was added if that was later: silence never counts as on track.
 */
export function noCheckInWarning(
  facts: KeyResultFacts,
  now: number,
  settings: StallSettings,
): StallWarning | null {
  if (!activeDays(settings.checkInDays)) return null
  // Done is done; and a KR measured by its cards reports through moves, which S9 watches.
  if (facts.progress.progress >= 1 || facts.progress.basis === ProgressBasis.Tasks) return null
  const last = facts.checkIns[facts.checkIns.length - 1]
  const cycleStart = cycleWindow(facts.cycle)?.start ?? facts.keyResult.createdAt
  const addedLater = facts.keyResult.createdAt > cycleStart
  const anchor = last?.at ?? (addedLater ? facts.keyResult.createdAt : cycleStart)
  const silence = now - anchor
  const limit = settings.checkInDays * DAY_MS
  if (silence < limit) return null
  const severity = silence >= SILENCE_CRITICAL_FACTOR * limit ? Severity.Critical : Severity.Warning
  const span = days(wholeDays(silence))
  const reason =
    last !== undefined
      ? `no check-in for ${span}`
      : `no check-in in the ${span} since ${addedLater ? 'it was added' : 'the cycle started'}`
  return krWarning(facts, StallRule.NoCheckIn, severity, reason)
}

/**
 * S2: progress behind the linear pace of the cycle (from the KR's creation when it was added
 * late). Only gradual progress is paced: binary milestones and unmeasurable KRs are skipped.
 */
export function paceWarning(
  facts: KeyResultFacts,
  now: number,
  settings: StallSettings,
): StallWarning | null {
  const { progress, basis } = facts.progress
  if (basis !== ProgressBasis.Value && basis !== ProgressBasis.Tasks) return null
  const created = facts.keyResult.createdAt
  const expected = expectedProgress(facts.cycle, now, created)
  if (expected < PACE_GRACE || progress >= 1) return null
  const pace = progress / expected
  const atRisk = pace < settings.paceAtRisk
  if (!atRisk && !(pace < settings.paceBehind)) return null
  const start = cycleWindow(facts.cycle)?.start ?? created
  const of = created > start ? 'of its time since it was added' : 'of the cycle'
  const reason = `${percent(progress)} done at ${percent(expected)} ${of} (${atRisk ? 'at risk' : 'behind'})`
  return krWarning(facts, StallRule.BehindPace, atRisk ? Severity.Critical : Severity.Warning, reason)
}

/** S3: the latest check-in's confidence is LOW_CONFIDENCE or lower. */
export function lowConfidenceWarning(facts: KeyResultFacts): StallWarning | null {
  const last = facts.checkIns[facts.checkIns.length - 1]
  if (last === undefined || !(last.confidence <= LOW_CONFIDENCE)) return null
  const reason = `confidence ${last.confidence} of 10 in the latest check-in`
  return krWarning(facts, StallRule.LowConfidence, Severity.Warning, reason)
}

/** S4: confidence fell by CONFIDENCE_DROP or more from the previous check-in to the latest. */
export function confidenceDropWarning(facts: KeyResultFacts): StallWarning | null {
  const n = facts.checkIns.length
  const last = facts.checkIns[n - 1]
  const previous = facts.checkIns[n - 2]
  if (last === undefined || previous === undefined) return null
  if (!(previous.confidence - last.confidence >= CONFIDENCE_DROP)) return null
  const reason = `confidence dropped from ${previous.confidence} to ${last.confidence}`
  return krWarning(facts, StallRule.ConfidenceDrop, Severity.Warning, reason)
}

/**
 * S5: over the last TREND_CHECK_INS check-ins the least-squares trend of raw progress is flat or
 * falling, and extrapolated to the cycle end it stays short of the target.
 */
export function flatTrendWarning(facts: KeyResultFacts): StallWarning | null {
  const measure = valueMeasure(facts.keyResult)
  const window = cycleWindow(facts.cycle)
  if (measure === null || window === null || facts.checkIns.length < TREND_CHECK_INS) return null
  const recent = facts.checkIns.slice(-TREND_CHECK_INS)
  const first = recent[0]
  if (first === undefined) return null
  // Measured from the first point, so equal values give exactly zero and no float-noise slope.
  const y0 = measure(first.value)
  const points = recent.map((c) => ({ x: c.at - first.at, y: measure(c.value) - y0 }))
  const xMean = points.reduce((s, p) => s + p.x, 0) / points.length
  const yMean = points.reduce((s, p) => s + p.y, 0) / points.length
  let sxx = 0
  let sxy = 0
  for (const p of points) {
    sxx += (p.x - xMean) ** 2
    sxy += (p.x - xMean) * (p.y - yMean)
  }
  const slope = sxx === 0 ? 0 : sxy / sxx
  const projected = y0 + yMean + slope * (window.end - first.at - xMean)
  if (slope > 0 || !(projected < 1)) return null
  const onTrend = percent(clamp01(projected))
  const reason =
    `flat or falling over the last ${TREND_CHECK_INS} check-ins: ` +
    `on this trend ${onTrend} by the cycle end`
  return krWarning(facts, StallRule.FlatTrend, Severity.Warning, reason)
}

/** S9: the KR has open tasks and none of them moved in `idleKeyResultDays` days. */
export function idleKeyResultWarning(
  facts: KeyResultFacts,
  now: number,
  settings: StallSettings,
): StallWarning | null {
  if (!activeDays(settings.idleKeyResultDays) || facts.openTasks.length === 0) return null
  const lastMove = facts.openTasks.reduce((latest, t) => Math.max(latest, t.movedAt), -Infinity)
  const idle = now - lastMove
  if (idle < settings.idleKeyResultDays * DAY_MS) return null
  const span = days(wholeDays(idle))
  const n = facts.openTasks.length
  const reason =
    n === 1
      ? `its only open task has not moved in ${span}`
      : `none of its ${n} open tasks moved in ${span}`
  return krWarning(facts, StallRule.IdleKeyResult, Severity.Warning, reason)
}
