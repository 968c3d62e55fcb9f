/** @module Meeting votes: which scale a meeting votes on, valid values, and a revealed round's figures (M7-M9). */
import { MeetingKind, VoteScale, unreachable } from '../model/index.ts'
import type { Ballot, PersonId } from '../model/index.ts'
import { DISCUSS_SPREAD_CONFIDENCE, DISCUSS_SPREAD_SCORE } from './thresholds.ts'

/** M7: align and weekly vote on confidence, review on the score; a draft meeting does not vote. */
export function voteScaleOf(kind: MeetingKind): VoteScale | null {
  switch (kind) {
    case MeetingKind.Align:
    case MeetingKind.Weekly:
      return VoteScale.Confidence
    case MeetingKind.Review:
      return VoteScale.Score
    case MeetingKind.Draft:
      return null
    default:
      return unreachable(kind, 'meeting kind')
  }
}

/** M7: a confidence is a whole number 0-10; a score is 0.0-1.0 in tenths. */
export function isVoteValue(scale: VoteScale, value: number): boolean {
  if (!Number.isFinite(value)) return false
  switch (scale) {
    case VoteScale.Confidence:
      return Number.isInteger(value) && value >= 0 && value <= 10
    case VoteScale.Score:
      return value >= 0 && value <= 1 && Math.abs(value * 10 - Math.round(value * 10)) < 1e-9
    default:
      return unreachable(scale, 'vote scale')
  }
}

export interface VoteFigures {
  readonly median: number
  readonly spread: number
  readonly discuss: boolean
}

/**
 * M8: the median (the mean of the two middle values for an even count), the spread (highest minus
 * lowest) and whether the spread asks for discussion (`DISCUSS_SPREAD_*` or more). Null without ballots.
 */
export function voteFigures(scale: VoteScale, ballots: readonly Ballot[]): VoteFigures | null {
  if (ballots.length === 0) return null
  const values = ballots.map((b) => b.value).sort((a, b) => a - b)
  const mid = Math.floor(values.length / 2)
  const median = values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2
  const spread = values[values.length - 1]! - values[0]!
  const threshold = scale === VoteScale.Score ? DISCUSS_SPREAD_SCORE : DISCUSS_SPREAD_CONFIDENCE
  // Tenths added in binary floating point fall a hair short (0.9 - 0.5 = 0.39999...).
  return { median: roundTo(median, 2), spread: roundTo(spread, 2), discuss: spread >= threshold - 1e-9 }
}

/** M8: the median as a check-in confidence: a whole number, halves rounded up. */
export function confidenceOf(median: number): number {
  return Math.min(10, Math.max(0, Math.round(median)))
}

/** M9: a round reveals itself once everyone present who may vote has voted (and someone is present). */
export function everyoneVoted(present: ReadonlySet<PersonId>, voterIds: readonly PersonId[]): boolean {
  if (present.size === 0) return false
  const voted = new Set(voterIds)
  for (const id of present) if (!voted.has(id)) return false
  return true
}

function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals
  return Math.round(value * f) / f
}
