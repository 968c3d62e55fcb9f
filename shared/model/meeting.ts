/**
 * @module A live meeting of the OKR practice (roundtable, consensus, progress, review) as plain
 * readonly values: its agenda, the item on screen, the timer, and the vote rounds the server runs.
 * Times are epoch milliseconds of the server's clock (clients correct theirs by a learned offset).
 */
import type {
  AgendaItemId,
  CycleId,
  KeyResultId,
  MeetingId,
  ObjectiveId,
  PersonId,
  TaskId,
  TeamId,
  VoteRoundId,
} from './ids.ts'
import type { Millis } from './records.ts'

/** The four meetings that drive a cycle. */
export const MeetingKind = {
  /** The roundtable: draft the cycle's OKRs together. */
  Draft: 'draft',
  /** Consensus: align the drafts and publish. */
  Align: 'align',
  /** Progress: the weekly check-in. */
  Weekly: 'weekly',
  /** Review: score, praise, lessons. */
  Review: 'review',
} as const
export type MeetingKind = (typeof MeetingKind)[keyof typeof MeetingKind]

export const MeetingStatus = { Running: 'running', Ended: 'ended' } as const
export type MeetingStatus = (typeof MeetingStatus)[keyof typeof MeetingStatus]

/** What an agenda item puts on the table. */
export const AgendaItemKind = {
  Objective: 'objective',
  KeyResult: 'keyResult',
  /** The writing hints (lint rules) that fire for the cycle. */
  WritingHints: 'writingHints',
  /** One team's bottom-up share. */
  TeamShare: 'teamShare',
  /** Objectives that align to nothing. */
  Unaligned: 'unaligned',
  Publish: 'publish',
  /** "What we learned", the review's last item. */
  Learned: 'learned',
  /** "Since last meeting": what changed on the board since the previous meeting ended. */
  SinceLastMeeting: 'sinceLastMeeting',
  /** An item the facilitator added by hand. */
  Custom: 'custom',
} as const
export type AgendaItemKind = (typeof AgendaItemKind)[keyof typeof AgendaItemKind]

/** What an agenda item is about: the record its view link opens, when it has one. */
export type AgendaSubject =
  | { readonly kind: typeof AgendaItemKind.Objective; readonly objectiveId: ObjectiveId }
  | { readonly kind: typeof AgendaItemKind.KeyResult; readonly keyResultId: KeyResultId }
  | { readonly kind: typeof AgendaItemKind.TeamShare; readonly teamId: TeamId | null }
  | {
      readonly kind:
        | typeof AgendaItemKind.WritingHints
        | typeof AgendaItemKind.Unaligned
        | typeof AgendaItemKind.Publish
        | typeof AgendaItemKind.Learned
        | typeof AgendaItemKind.SinceLastMeeting
        | typeof AgendaItemKind.Custom
    }

export interface AgendaItem {
  readonly id: AgendaItemId
  readonly subject: AgendaSubject
  /** The title shown in the agenda (a custom item's text; else what the builder wrote). */
  readonly title: string
  /** Why it is on the agenda (a stalled KR's reasons), or ''. */
  readonly note: string
  readonly rank: string
  readonly timeboxMs: number
  /** Time spent on it before the timer last started on it. */
  readonly spentMs: number
  readonly skipped: boolean
  /** The decision recorded on it (co-typed). */
  readonly decision: string
  /** Tasks created on it as actions, in the order they were added. */
  readonly actionTaskIds: readonly TaskId[]
}

/** The countdown of the current item, written as one value. */
export interface MeetingTimer {
  readonly itemId: AgendaItemId | null
  /** When it last started running (server clock), or null while paused. */
  readonly runningSince: Millis | null
  /** Time counted on the item before `runningSince`. */
  readonly elapsedMs: number
}

export interface Meeting {
  readonly id: MeetingId
  readonly kind: MeetingKind
  readonly cycleId: CycleId
  readonly status: MeetingStatus
  readonly facilitatorId: PersonId | null
  readonly startedBy: PersonId | null
  readonly startedAt: Millis
  readonly endedAt: Millis | null
  /** In agenda order (rank, then id). */
  readonly agenda: readonly AgendaItem[]
  readonly currentItemId: AgendaItemId | null
  readonly timer: MeetingTimer
  /** Everyone the server saw in the meeting at any time (from presence), first seen first. */
  readonly attendeeIds: readonly PersonId[]
}

/** What a vote asks: confidence 0-10 (align, weekly) or a score 0.0-1.0 (review). */
export const VoteScale = { Confidence: 'confidence', Score: 'score' } as const
export type VoteScale = (typeof VoteScale)[keyof typeof VoteScale]

export const VoteRoundStatus = { Open: 'open', Revealed: 'revealed', Closed: 'closed' } as const
export type VoteRoundStatus = (typeof VoteRoundStatus)[keyof typeof VoteRoundStatus]

export interface Ballot {
  readonly personId: PersonId
  readonly value: number
}

/** Everything a round shows once it is revealed, written by the server at once. */
export interface VoteResult {
  readonly ballots: readonly Ballot[]
  readonly median: number
  readonly spread: number
  /** The spread is wide enough that the room should talk it through (rule M3). */
  readonly discuss: boolean
  readonly revealedAt: Millis
}

/**
 * A vote round on one key result. Only the server writes rounds: while open, the document holds
 * who has voted and never what.
 */
export interface VoteRound {
  readonly id: VoteRoundId
  readonly meetingId: MeetingId
  readonly itemId: AgendaItemId
  readonly keyResultId: KeyResultId
  readonly scale: VoteScale
  readonly status: VoteRoundStatus
  readonly openedBy: PersonId
  readonly openedAt: Millis
  readonly voterIds: readonly PersonId[]
  readonly result: VoteResult | null
  /** What was done with the result: the check-in or score it became, if any. */
  readonly recordedAt: Millis | null
}

/** The meeting part of a workspace: the current (or last) meeting and its vote rounds. */
export interface MeetingState {
  readonly meeting: Meeting | null
  readonly voteRounds: ReadonlyMap<VoteRoundId, VoteRound>
}
