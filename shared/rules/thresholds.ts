/** @module Every threshold of the OKR rules as a named constant; RULES.md gives their meaning. */
import type { StallSettings } from '../model/index.ts'

/** Stall thresholds a workspace starts with (S1, S2, S6, S9); each workspace may tune them. */
export const DEFAULT_STALL_SETTINGS: StallSettings = {
  checkInDays: 7,
  paceAtRisk: 0.75,
  paceBehind: 0.95,
  staleTaskDays: 5,
  idleKeyResultDays: 10,
}

/** S2: pace is judged only once this share of the KR's time has passed; early days are noise. */
export const PACE_GRACE = 0.1

/** S1: silence this many times `checkInDays` long turns the warning critical. */
export const SILENCE_CRITICAL_FACTOR = 2

/** S3: a latest confidence at or below this (out of 10) is low. */
export const LOW_CONFIDENCE = 3

/** S4: a fall of at least this many points between the last two check-ins is a drop. */
export const CONFIDENCE_DROP = 3

/** S5: how many of the latest check-ins make the trend. */
export const TREND_CHECK_INS = 3

/** P5: a milestone or baseline check-in value at or above this means achieved. */
export const MILESTONE_ACHIEVED = 1

/** B1-B5: band edges of a 0..1 score. */
export const SCORE_CONTINUE = 0.4
export const SCORE_STRETCH_LOW = 0.6
export const SCORE_STRETCH_HIGH = 0.7

/** B1-B5: scores are rounded to this many decimals before banding, to drop float noise. */
export const SCORE_DECIMALS = 9

/** L1: most objectives one owner should carry in a cycle. */
export const MAX_OBJECTIVES_PER_OWNER = 5

/** L2: most key results one objective should have. */
export const MAX_KEY_RESULTS_PER_OBJECTIVE = 5

/** L3: key-result weights of an objective should sum to this, in percent. */
export const WEIGHT_TOTAL = 100

/** L3: allowed distance from WEIGHT_TOTAL, in percentage points: float error, not sloppiness. */
export const WEIGHT_TOLERANCE = 0.001

/** L6: a team's bottom-up share below this gets a hint (the practice aims for about 0.6). */
export const BOTTOM_UP_MIN_SHARE = 0.5

/** M5: an item's timebox in a weekly check-in. */
export const WEEKLY_TIMEBOX_MS = 180_000
/** M5: an item's timebox in the draft, align and review meetings. */
export const DEFAULT_TIMEBOX_MS = 300_000
/** M6: the countdown turns amber this long before the end. */
export const TIMER_WARNING_MS = 30_000
/** M8: a confidence vote this spread (highest minus lowest) or more marks the KR "discuss". */
export const DISCUSS_SPREAD_CONFIDENCE = 4
/** M8: a score vote this spread or more marks the KR "discuss". */
export const DISCUSS_SPREAD_SCORE = 0.4
