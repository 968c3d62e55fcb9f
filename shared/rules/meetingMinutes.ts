/**
 * @module The minutes of a meeting as data: who was there, how long each agenda item took, what
 * changed on the board while it ran (from the checkpoints at its start and end), the votes
 * revealed, the decisions and the actions. Markdown and the Meetings view render it.
 */
import { AgendaItemKind, VoteRoundStatus } from '../model/index.ts'
import type { AgendaItem, CheckIn, KeyResultId, Meeting, Millis, PersonId, Praise, Task, VoteRound, WorkspaceSnapshot } from '../model/index.ts'
import { changesBetween } from './changesBetween.ts'
import type { KeyResultDelta, TaskDelta, WorkspaceChanges } from './changesBetween.ts'
import { keyResultsOf } from './objectiveProgress.ts'

export interface MinutesItem {
  readonly item: AgendaItem
  readonly spentMs: number
  /** Rounds revealed on the item. */
  readonly votes: readonly VoteRound[]
  /** Tasks recorded as actions (as they are at the end). */
  readonly actions: readonly Task[]
  /** What changed on the KRs the item is about while the meeting ran. */
  readonly keyResults: readonly KeyResultDelta[]
  readonly checkIns: readonly CheckIn[]
  readonly tasks: readonly TaskDelta[]
  /** An objective item's review notes as they were at the end, when either is written. */
  readonly review: ReviewNotes | null
}

/** "What went well / what to change", co-typed on an objective in the review. */
export interface ReviewNotes {
  readonly wentWell: string
  readonly toChange: string
}

export interface Minutes {
  readonly meeting: Meeting
  readonly startedAt: Millis
  readonly endedAt: Millis
  readonly durationMs: number
  readonly facilitatorName: string | null
  /** Everyone present at any time, by name, sorted. */
  readonly attendees: readonly string[]
  readonly items: readonly MinutesItem[]
  /** Praise given during the meeting, oldest first. */
  readonly praise: readonly Praise[]
  /** Everything that changed on the board between the meeting's start and end. */
  readonly changes: WorkspaceChanges
}

export interface MinutesInput {
  readonly meeting: Meeting
  readonly voteRounds: ReadonlyMap<string, VoteRound>
  /** The workspace when the meeting started and when it ended. */
  readonly before: WorkspaceSnapshot
  readonly after: WorkspaceSnapshot
  readonly endedAt: Millis
  readonly attendeeIds: ReadonlySet<PersonId>
}

/** The minutes of `meeting`, from the states at its start and end. */
export function meetingMinutes(input: MinutesInput): Minutes {
  const { meeting, before, after } = input
  const changes = changesBetween(before, after, meeting.startedAt, input.endedAt)
  const nameOf = (id: PersonId | null) => (id === null ? null : (after.people.get(id)?.name ?? before.people.get(id)?.name ?? null))
  const attendees = [...input.attendeeIds]
    .map((id) => nameOf(id))
    .filter((name): name is string => name !== null)
    .sort((a, b) => a.localeCompare(b))
  const items = meeting.agenda
    .filter((item) => !item.skipped || item.spentMs > 0)
    .map((item): MinutesItem => {
      const krs = keyResultsOfItem(after, item)
      return {
        item,
        spentMs: item.spentMs,
        votes: [...input.voteRounds.values()]
          .filter((r) => r.meetingId === meeting.id && r.itemId === item.id && r.status === VoteRoundStatus.Revealed)
          .sort((a, b) => a.openedAt - b.openedAt),
        actions: item.actionTaskIds.map((id) => after.tasks.get(id)).filter((t): t is Task => t !== undefined),
        keyResults: changes.keyResults.filter((k) => krs.has(k.id)),
        checkIns: changes.checkIns.filter((c) => krs.has(c.keyResultId)),
        tasks: changes.tasks.filter((t) => t.task.placement.keyResultId !== null && krs.has(t.task.placement.keyResultId)),
        review: reviewNotesOf(after, item),
      }
    })
  return {
    meeting,
    startedAt: meeting.startedAt,
    endedAt: input.endedAt,
    durationMs: Math.max(0, input.endedAt - meeting.startedAt),
    facilitatorName: nameOf(meeting.facilitatorId),
    attendees,
    items,
    praise: [...after.praise.values()]
      .filter((p) => p.meetingId === meeting.id)
      .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : 1)),
    changes,
  }
}

/** The review notes of an objective item, trimmed; null when the item is not about an objective or both are empty. */
function reviewNotesOf(snap: WorkspaceSnapshot, item: AgendaItem): ReviewNotes | null {
  if (item.subject.kind !== AgendaItemKind.Objective) return null
  const objective = snap.objectives.get(item.subject.objectiveId)
  const wentWell = objective?.wentWell.trim() ?? ''
  const toChange = objective?.toChange.trim() ?? ''
  return wentWell === '' && toChange === '' ? null : { wentWell, toChange }
}

/** The KRs an agenda item is about: its own, or its objective's. */
function keyResultsOfItem(snap: WorkspaceSnapshot, item: AgendaItem): ReadonlySet<KeyResultId> {
  switch (item.subject.kind) {
    case AgendaItemKind.KeyResult:
      return new Set([item.subject.keyResultId])
    case AgendaItemKind.Objective:
      return new Set(keyResultsOf(snap, item.subject.objectiveId).map((kr) => kr.id))
    default:
      return new Set()
  }
}
