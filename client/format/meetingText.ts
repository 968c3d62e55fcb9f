/** @module Words and numbers of a meeting: kind names, the countdown, vote values. */
import { MeetingKind, VoteScale, unreachable } from '../../shared/model/index.ts'

/** What a meeting kind is called on screen. */
export const MEETING_KIND_LABEL: Readonly<Record<MeetingKind, string>> = {
  [MeetingKind.Draft]: 'Draft',
  [MeetingKind.Align]: 'Align',
  [MeetingKind.Weekly]: 'Weekly check-in',
  [MeetingKind.Review]: 'Review',
}

/** One line on what each kind of meeting is for (the start menu). */
export const MEETING_KIND_HINT: Readonly<Record<MeetingKind, string>> = {
  [MeetingKind.Draft]: 'Write the cycle’s OKRs together',
  [MeetingKind.Align]: 'Check the drafts, align and publish',
  [MeetingKind.Weekly]: 'Stalled key results first, then the rest',
  [MeetingKind.Review]: 'Score, praise, lessons',
}

/** Whole seconds as m:ss, rounding toward more time left (2.1 s left reads 0:03, as a countdown does). */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000 - 1e-9))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * The countdown of an item: "2:41" while time is left, "+0:12 over" after. Over-time counts whole
 * seconds past zero (0.4 s past reads +0:00 over).
 */
export function countdownText(remainingMs: number): string {
  if (remainingMs > 0) return clockText(remainingMs)
  return `+${clockText(Math.floor(-remainingMs / 1000) * 1000)} over`
}

/** The same as a sentence for assistive technology ("Time left 2:41", "Over time by 0:12"). */
export function countdownLabel(remainingMs: number): string {
  return remainingMs > 0 ? `Time left ${clockText(remainingMs)}` : `Over time by ${clockText(Math.floor(-remainingMs / 1000) * 1000)}`
}

/** Time spent on an item, m:ss. */
export function spentText(ms: number): string {
  return clockText(Math.floor(ms / 1000) * 1000)
}

/** A vote value as shown: confidence "7", score "0.7". */
export function voteText(scale: VoteScale, value: number): string {
  switch (scale) {
    case VoteScale.Confidence:
      return String(Math.round(value * 100) / 100)
    case VoteScale.Score:
      return value.toFixed(value * 10 === Math.round(value * 10) ? 1 : 2)
    default:
      return unreachable(scale, 'vote scale')
  }
}

/** The values a ballot may take: 0-10, or 0.0-1.0 in tenths. */
export function voteValues(scale: VoteScale): readonly number[] {
  return Array.from({ length: 11 }, (_, i) => (scale === VoteScale.Score ? i / 10 : i))
}
