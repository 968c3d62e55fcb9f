/**
 * @module What this person is looking at: the view, the cycle, filters, and the open key-result
 * panel. Local to this browser tab (never synced), shared by the shell, the board and the panels.
 */
import { createContext, useContext } from 'react'
import type { CommentId, CycleId, KeyResultId, MeetingId, ObjectiveId, ObjectiveLevel, PersonId, TaskId, TeamId } from '../../shared/model/index.ts'

/** `activity` is the workspace's activity; `person` is one person's page (personId); `history` the checkpoints (checkpointId). */
export type ViewName = 'board' | 'tree' | 'radar' | 'insights' | 'meetings' | 'activity' | 'person' | 'history'

export interface Filters {
  readonly teamId: TeamId | null
  readonly ownerId: PersonId | null
  readonly level: ObjectiveLevel | null
}

/** A conversation the side panel shows (a key result's is in its own panel). */
export type ThreadTarget = { readonly kind: 'task'; readonly id: TaskId } | { readonly kind: 'objective'; readonly id: ObjectiveId }

export interface ViewState {
  readonly view: ViewName
  /** null: the current cycle (published, else the latest). */
  readonly cycleId: CycleId | null
  readonly filters: Filters
  /** The key result whose side panel is open. */
  readonly keyResultId: KeyResultId | null
  /** A card to scroll to and highlight (from the radar). */
  readonly focusTaskId: TaskId | null
  /** The past meeting whose minutes the Meetings view shows (null: the list). */
  readonly meetingId: MeetingId | null
  /** The person whose page the person view shows. */
  readonly personId: PersonId | null
  /** The checkpoint whose board and OKRs the history view shows (null: the list of checkpoints). */
  readonly checkpointId: string | null
  /** The task or objective whose conversation the side panel shows. */
  readonly thread: ThreadTarget | null
  /** A comment to scroll to and highlight in the open panel's conversation. */
  readonly commentId: CommentId | null
}

export interface ViewActions {
  setView(view: ViewName): void
  setCycle(cycleId: CycleId | null): void
  setFilters(filters: Partial<Filters>): void
  /** Opens a key result's panel (closing a conversation panel), a comment in it highlighted. */
  openKeyResult(keyResultId: KeyResultId | null, commentId?: CommentId | null): void
  /** Opens a task's or objective's conversation in the side panel (a task's card focused on the board), or closes it. */
  openThread(thread: ThreadTarget | null, commentId?: CommentId | null): void
  /** Switches to the board and highlights a card (or a key result's lane when taskId is null). */
  focus(target: { taskId?: TaskId; keyResultId?: KeyResultId }): void
  /** Shows a person's page. */
  openPerson(personId: PersonId): void
}

export const INITIAL_VIEW: ViewState = {
  view: 'board',
  cycleId: null,
  filters: { teamId: null, ownerId: null, level: null },
  keyResultId: null,
  focusTaskId: null,
  meetingId: null,
  personId: null,
  checkpointId: null,
  thread: null,
  commentId: null,
}

export const ViewContext = createContext<(ViewState & ViewActions) | null>(null)

export function useView(): ViewState & ViewActions {
  const view = useContext(ViewContext)
  if (view === null) throw new Error('useView() needs a <ViewContext.Provider> above it (see WorkspacePage)')
  return view
}
