/** @module The meeting timer: default timeboxes and what the countdown shows (M5, M6). */
import { MeetingKind, unreachable } from '../model/index.ts'
import type { MeetingTimer, Millis } from '../model/index.ts'
import { DEFAULT_TIMEBOX_MS, TIMER_WARNING_MS, WEEKLY_TIMEBOX_MS } from './thresholds.ts'

/** M5: three minutes an item in a weekly check-in, five in the other meetings. */
export function defaultTimebox(kind: MeetingKind): number {
  switch (kind) {
    case MeetingKind.Weekly:
      return WEEKLY_TIMEBOX_MS
    case MeetingKind.Draft:
    case MeetingKind.Align:
    case MeetingKind.Review:
      return DEFAULT_TIMEBOX_MS
    default:
      return unreachable(kind, 'meeting kind')
  }
}

export const TimerPhase = { Normal: 'normal', Warning: 'warning', Over: 'over' } as const
export type TimerPhase = (typeof TimerPhase)[keyof typeof TimerPhase]

export interface TimerReading {
  readonly elapsedMs: number
  /** Negative once over. */
  readonly remainingMs: number
  readonly phase: TimerPhase
  readonly running: boolean
}

/** M6: time counted on the item so far: what was counted, plus the run since `runningSince`. */
export function timerElapsed(timer: MeetingTimer, now: Millis): number {
  const run = timer.runningSince === null ? 0 : Math.max(0, now - timer.runningSince)
  return Math.max(0, timer.elapsedMs) + run
}

/**
 * M6: the countdown at `now` (server time): amber (`warning`) in the last `TIMER_WARNING_MS`,
 * red (`over`) from zero on.
 */
export function readTimer(timer: MeetingTimer, timeboxMs: number, now: Millis): TimerReading {
  const elapsedMs = timerElapsed(timer, now)
  const remainingMs = timeboxMs - elapsedMs
  const phase = remainingMs <= 0 ? TimerPhase.Over : remainingMs <= TIMER_WARNING_MS ? TimerPhase.Warning : TimerPhase.Normal
  return { elapsedMs, remainingMs, phase, running: timer.runningSince !== null }
}
