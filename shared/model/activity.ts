/**
 * @module Activity: who did what to which record, and when. Kept by the server outside the
 * document (a bounded log), so the document never grows with it; read per record and per workspace.
 */
import type { KeyResultId, PersonId } from './ids.ts'
import type { Millis } from './records.ts'

export const ActivityKind = {
  Created: 'created',
  Deleted: 'deleted',
  /** Fields of a record changed (not a co-typed text: see TextEdited). */
  Edited: 'edited',
  /** A co-typed text (title, description, review note); one entry per editing spell. */
  TextEdited: 'text-edited',
  /** A card changed column or key result. */
  Moved: 'moved',
  /** A card reached a done column. */
  Done: 'done',
  CheckedIn: 'checked-in',
  StatusChanged: 'status-changed',
  Scored: 'scored',
  Commented: 'commented',
  Praised: 'praised',
} as const
export type ActivityKind = (typeof ActivityKind)[keyof typeof ActivityKind]

export const ActivityTargetKind = {
  Cycle: 'cycle',
  Objective: 'objective',
  KeyResult: 'keyResult',
  Task: 'task',
  Person: 'person',
} as const
export type ActivityTargetKind = (typeof ActivityTargetKind)[keyof typeof ActivityTargetKind]

/** One thing that happened, as a transaction shows it (before the server adds who and when). */
export interface ActivityDraft {
  readonly kind: ActivityKind
  readonly target: { readonly kind: ActivityTargetKind; readonly id: string }
  /** The key result it concerns (a card's or a check-in's), so a KR's activity lists them too. */
  readonly keyResultId: KeyResultId | null
  /** Fields or texts that changed, or the new value's words ("Doing", "published"; a check-in "40 → 55 at 7/10", or "55 at 7/10" for the first or an unchanged value). */
  readonly detail: string
}

export interface Activity extends ActivityDraft {
  readonly at: Millis
  readonly personId: PersonId | null
}
