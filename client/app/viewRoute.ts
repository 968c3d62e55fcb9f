/**
 * @module A workspace's view as an address, and back. The view, the open key result or the card in
 * focus are the path; the cycle and the filters are the query:
 *
 *   /w/:id/board  /w/:id/okrs  /w/:id/radar  /w/:id/insights   a view (`/w/:id` alone is the board)
 *   /w/:id/meetings  /w/:id/meetings/:meetingId past meetings, and one meeting's minutes
 *   /w/:id/activity  /w/:id/people/:personId   the workspace's activity, and one person's page
 *   /w/:id/history  /w/:id/history/:checkpointId the checkpoints, and the board and OKRs at one (read-only)
 *   /w/:id/kr/:krId?view=okrs|radar            a key result's panel, over the board (or that view)
 *   /w/:id/task/:taskId?kr=:krId               the board with a card revealed and focused
 *   ...&thread=task:ID|objective:ID             a task's or objective's conversation in the side panel
 *   ...&comment=:commentId                      a comment highlighted in the open panel's conversation
 *   ...&cycle=:cycleId&team=:teamId&owner=:personId&level=company|team|individual
 *
 * The token is never part of either: it comes in the fragment, which useWorkspaceAccess removes
 * once the token is stored, and nothing here writes a fragment. Unknown or malformed parameters
 * are dropped, so the next navigation cleans them out of the address.
 */
import { isId } from '../../shared/model/index.ts'
import type { CommentId, CycleId, KeyResultId, MeetingId, ObjectiveId, ObjectiveLevel, PersonId, TaskId, TeamId } from '../../shared/model/index.ts'
import { INITIAL_VIEW } from '../hooks/useView.ts'
import type { ThreadTarget, ViewName, ViewState } from '../hooks/useView.ts'
import { parseWorkspacePath } from './route.ts'
import type { ViewSegment } from './route.ts'

// A person's page is `people/:personId`; a key result opened over it opens over the board.
const SEGMENT: Readonly<Record<ViewName, ViewSegment>> = { board: 'board', tree: 'okrs', radar: 'radar', insights: 'insights', meetings: 'meetings', activity: 'activity', person: 'board', history: 'history' }
const VIEW: Readonly<Record<string, ViewName>> = { board: 'board', okrs: 'tree', radar: 'radar', insights: 'insights', meetings: 'meetings', activity: 'activity', history: 'history' }
const LEVELS: readonly string[] = ['company', 'team', 'individual']

/** A query parameter that holds a well-formed id, else null. */
function idParam<Id extends string>(query: URLSearchParams, key: string): Id | null {
  const value = query.get(key)
  return value !== null && isId(value) ? (value as Id) : null
}

/** `task:ID` or `objective:ID`, else null. */
function threadParam(query: URLSearchParams): ThreadTarget | null {
  const [kind, id, ...rest] = (query.get('thread') ?? '').split(':')
  if (rest.length > 0 || !isId(id)) return null
  return kind === 'task' ? { kind, id: id as TaskId } : kind === 'objective' ? { kind, id: id as ObjectiveId } : null
}

/** The view state an address shows (defaults for what it does not say). */
export function parseView(pathname: string, search: string): ViewState {
  const path = parseWorkspacePath(pathname)
  const query = new URLSearchParams(search)
  const level = query.get('level') ?? ''
  const state: ViewState = {
    ...INITIAL_VIEW,
    cycleId: idParam<CycleId>(query, 'cycle'),
    filters: {
      teamId: idParam<TeamId>(query, 'team'),
      ownerId: idParam<PersonId>(query, 'owner'),
      level: LEVELS.includes(level) ? (level as ObjectiveLevel) : null,
    },
    thread: threadParam(query),
    commentId: idParam<CommentId>(query, 'comment'),
  }
  switch (path?.kind) {
    case 'kr':
      return { ...state, view: VIEW[query.get('view') ?? ''] ?? 'board', keyResultId: path.id as KeyResultId }
    case 'task':
      return { ...state, focusTaskId: path.id as TaskId, keyResultId: idParam<KeyResultId>(query, 'kr') }
    case 'meeting':
      return { ...state, view: 'meetings', meetingId: path.id as MeetingId }
    case 'person':
      return { ...state, view: 'person', personId: path.id as PersonId }
    case 'checkpoint':
      return { ...state, view: 'history', checkpointId: path.id }
    case 'view':
      return { ...state, view: VIEW[path.view ?? 'board']! }
    case undefined:
      return state
  }
}

/**
 * The address (path and query, no fragment) of `state` in a workspace. A focused card wins over
 * the view: the card route always shows the board (the view reducer drops the focus on a view change).
 */
export function viewHref(workspaceId: string, state: ViewState): string {
  const query = new URLSearchParams()
  let path: string = SEGMENT[state.view]
  if (state.focusTaskId !== null) {
    path = `task/${state.focusTaskId}`
    if (state.keyResultId !== null) query.set('kr', state.keyResultId)
  } else if (state.keyResultId !== null) {
    path = `kr/${state.keyResultId}`
    if (state.view !== 'board') query.set('view', SEGMENT[state.view])
  } else if (state.view === 'meetings' && state.meetingId !== null) {
    path = `meetings/${state.meetingId}`
  } else if (state.view === 'person' && state.personId !== null) {
    path = `people/${state.personId}`
  } else if (state.view === 'history' && state.checkpointId !== null) {
    path = `history/${state.checkpointId}`
  }
  const { cycleId, filters, thread, commentId } = state
  if (thread !== null) query.set('thread', `${thread.kind}:${thread.id}`)
  if (commentId !== null && (thread !== null || state.keyResultId !== null)) query.set('comment', commentId)
  if (cycleId !== null) query.set('cycle', cycleId)
  if (filters.teamId !== null) query.set('team', filters.teamId)
  if (filters.ownerId !== null) query.set('owner', filters.ownerId)
  if (filters.level !== null) query.set('level', filters.level)
  const search = query.toString()
  return `/w/${workspaceId}/${path}${search ? `?${search}` : ''}`
}

/**
 * The link to share for a key result or a card: absolute, without filters, and without a token. A
 * link is not an access grant: whoever opens it uses the access this browser already has (people
 * share their own workspace link separately, from the Share dialog).
 */
export function shareLink(workspaceId: string, target: { readonly keyResultId: KeyResultId } | { readonly taskId: TaskId }): string {
  const state = 'taskId' in target ? { ...INITIAL_VIEW, focusTaskId: target.taskId } : { ...INITIAL_VIEW, keyResultId: target.keyResultId }
  return `${location.origin}${viewHref(workspaceId, state)}`
}
