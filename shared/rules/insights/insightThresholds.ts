/** @module The thresholds of the insights dashboard (I1-I8) as named constants; RULES.md gives their meaning. */

/** I3: fewer check-ins than this give no forecast (a line through two points says little). */
export const FORECAST_MIN_CHECK_INS = 3

/** I3: the forecast fits its line over at most this many of the latest check-ins. */
export const FORECAST_POINTS = 6

/** I4: a check-in is expected once every this many days. */
export const CHECK_IN_PERIOD_DAYS = 7

/** I4: a check-in this many days after the end of its week still counts, as late. */
export const LATE_GRACE_DAYS = 3

/** I6: a latest confidence at or above this (out of 10) is high. */
export const HIGH_CONFIDENCE = 7

/** I6: progress at or above this share of the expected pace is ahead of it. */
export const AHEAD_PACE = 1
