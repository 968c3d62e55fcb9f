/**
 * @module The records of one workspace as plain, readonly values: what `snapshot(doc)` returns and
 * what the rules read. Times are epoch milliseconds; calendar dates are `YYYY-MM-DD` strings (UTC).
 */
import type {
  ChangeId,
  CheckInId,
  ColumnId,
  CommentId,
  CycleId,
  KeyResultId,
  MeetingId,
  ObjectiveId,
  PersonId,
  PraiseId,
  TaskId,
  TeamId,
} from './ids.ts'
import type {
  ColumnKind,
  CycleKind,
  CycleStatus,
  KeyResultKind,
  ObjectiveLevel,
  ObjectiveStatus,
  Origin,
  TargetKind,
} from './enums.ts'

/** Epoch milliseconds. */
export type Millis = number
/** A calendar date, `YYYY-MM-DD`, read as UTC. */
export type IsoDate = string

/** Thresholds of the stall rules; each workspace may tune them (see shared/rules/RULES.md). */
export interface StallSettings {
  /** S1: days without a check-in before a KR counts as silent. */
  readonly checkInDays: number
  /** S2: actual/expected pace below this is "at risk". */
  readonly paceAtRisk: number
  /** S2: actual/expected pace below this (and not at risk) is "behind". */
  readonly paceBehind: number
  /** S6: days a task may sit untouched in a doing or blocked column. */
  readonly staleTaskDays: number
  /** S9: days a KR's open tasks may all sit still. */
  readonly idleKeyResultDays: number
}

export interface WorkspaceSettings {
  readonly name: string
  readonly stall: StallSettings
}

export interface Cycle {
  readonly id: CycleId
  readonly name: string
  readonly kind: CycleKind
  readonly startDate: IsoDate
  readonly endDate: IsoDate
  readonly status: CycleStatus
  readonly publishedAt: Millis | null
  readonly closedAt: Millis | null
  /** Its reopenings after a close, oldest first; only the latest few are kept. */
  readonly reopenings: readonly CycleReopening[]
}

/** An owner reopened a closed cycle (closed -> published), saying why. */
export interface CycleReopening {
  readonly id: ChangeId
  readonly reason: string
  readonly authorId: PersonId | null
  readonly at: Millis
  /** When the cycle had been closed. */
  readonly closedAt: Millis | null
}

export interface Team {
  readonly id: TeamId
  readonly name: string
}

export interface Person {
  readonly id: PersonId
  readonly name: string
  readonly teamId: TeamId | null
}

/** A child objective aligns to a parent objective, or takes a parent key result as its objective. */
export type Alignment =
  | { readonly kind: 'objective'; readonly id: ObjectiveId }
  | { readonly kind: 'keyResult'; readonly id: KeyResultId }

export interface Objective {
  readonly id: ObjectiveId
  readonly title: string
  readonly description: string
  /** Review notes, co-typed in the review meeting: what went well, what to change. */
  readonly wentWell: string
  readonly toChange: string
  readonly level: ObjectiveLevel
  readonly ownerId: PersonId | null
  readonly teamId: TeamId | null
  readonly cycleId: CycleId
  readonly alignment: Alignment | null
  readonly origin: Origin
  readonly status: ObjectiveStatus
  readonly createdAt: Millis
}

export interface KeyResult {
  readonly id: KeyResultId
  readonly objectiveId: ObjectiveId
  readonly title: string
  readonly kind: KeyResultKind
  readonly unit: string
  /** The value at the start of the cycle (increase, decrease, count). */
  readonly start: number | null
  /** The value to reach (increase, decrease, count). */
  readonly target: number | null
  /** The band to stay within (range). */
  readonly rangeLow: number | null
  readonly rangeHigh: number | null
  readonly dueDate: IsoDate | null
  /** Share of the objective, in percent; weights of an objective's KRs should sum to 100. */
  readonly weight: number
  readonly ownerId: PersonId | null
  readonly createdAt: Millis
}

/** Where a card sits: written as one value so concurrent drags leave it in exactly one place. */
export interface Placement {
  readonly columnId: ColumnId
  /** null: not (or no longer) under a key result; shown in the cycle's "unlinked" lane. */
  readonly keyResultId: KeyResultId | null
  /** Fractional index; ties are broken by task id. */
  readonly rank: string
}

export interface Task {
  readonly id: TaskId
  readonly cycleId: CycleId
  readonly title: string
  readonly assigneeId: PersonId | null
  readonly dueDate: IsoDate | null
  readonly labels: readonly string[]
  readonly placement: Placement
  readonly createdAt: Millis
  /** When the card last changed column or key result: the only activity that ages it. */
  readonly movedAt: Millis
  /** Why it missed its due date, once someone has said. */
  readonly missedReason: string | null
}

export interface Column {
  readonly id: ColumnId
  readonly name: string
  readonly kind: ColumnKind
  /** Most cards the column should hold; null for no limit. */
  readonly wipLimit: number | null
  /** Fractional index; ties are broken by column id. */
  readonly order: string
}

/** Append-only: a check-in is never edited. */
export interface CheckIn {
  readonly id: CheckInId
  readonly keyResultId: KeyResultId
  readonly value: number
  /** 0 (no chance) to 10 (certain). */
  readonly confidence: number
  readonly note: string
  readonly authorId: PersonId | null
  readonly at: Millis
}

export interface CommentTarget {
  readonly kind: TargetKind
  readonly id: string
}

export interface Comment {
  readonly id: CommentId
  readonly target: CommentTarget
  /** The top-level comment this one replies to (replies go one level deep); null at the top. */
  readonly parentId: CommentId | null
  /** Markdown-lite text; a mention is the token `@[personId]` (shared/doc/commentBody.ts). */
  readonly body: string
  /** Everyone the body mentions, kept beside it so a reader need not parse the body. */
  readonly mentions: readonly PersonId[]
  readonly authorId: PersonId | null
  readonly at: Millis
  readonly editedAt: Millis | null
  /** Deleted while it had replies: the body is gone, the place in the thread stays. */
  readonly deletedAt: Millis | null
}

/** End-of-cycle scoring of one key result, 0..1. */
export interface Score {
  readonly keyResultId: KeyResultId
  readonly selfScore: number | null
  readonly leadScore: number | null
  readonly note: string
}

/** "Thank someone": a line of praise addressed to a person (listed on their page and in the minutes). */
export interface Praise {
  readonly id: PraiseId
  readonly toPersonId: PersonId
  readonly fromPersonId: PersonId | null
  readonly text: string
  readonly at: Millis
  /** The meeting it was given in, if any. */
  readonly meetingId: MeetingId | null
}

/** A key-result edit made after its cycle was published. */
export interface KeyResultChange {
  readonly id: ChangeId
  readonly keyResultId: KeyResultId
  readonly field: string
  readonly from: string | number | null
  readonly to: string | number | null
  readonly reason: string
  readonly authorId: PersonId | null
  readonly at: Millis
}
