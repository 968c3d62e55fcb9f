/**
 * @module The ViewActions behind ViewContext: one reducer, so the actions are stable functions and
 * a board re-renders only when the view state itself changed. A workspace page keeps the state in
 * the address (useAddressViewState), so every view is a link and Back and Forward move between
 * views; tests keep it in memory (useViewState). Both run the same reducer.
 */
import { useMemo, useReducer } from 'react'
import { INITIAL_VIEW } from '../hooks/useView.ts'
import type { Filters, ThreadTarget, ViewActions, ViewName, ViewState } from '../hooks/useView.ts'
import type { CommentId, CycleId, KeyResultId, PersonId, TaskId } from '../../shared/model/index.ts'
import { navigate, useHref } from './route.ts'
import { parseView, viewHref } from './viewRoute.ts'

type ViewEvent =
  | { readonly type: 'view'; readonly view: ViewName }
  | { readonly type: 'cycle'; readonly cycleId: CycleId | null }
  | { readonly type: 'filters'; readonly filters: Partial<Filters> }
  | { readonly type: 'keyResult'; readonly keyResultId: KeyResultId | null; readonly commentId: CommentId | null }
  | { readonly type: 'thread'; readonly thread: ThreadTarget | null; readonly commentId: CommentId | null }
  | { readonly type: 'focus'; readonly taskId: TaskId | null; readonly keyResultId: KeyResultId | null }
  | { readonly type: 'person'; readonly personId: PersonId }

export function viewReducer(state: ViewState, event: ViewEvent): ViewState {
  switch (event.type) {
    case 'view':
      // A focused card is a place on the board: leaving the board leaves it.
      // So is a meeting's minutes page: coming back to Meetings shows the list. A person's page and a checkpoint are left too.
      return state.view === event.view ? state : { ...state, view: event.view, focusTaskId: null, meetingId: null, personId: null, checkpointId: null }
    case 'cycle':
      // A key result of another cycle would dangle in the side panel: close it.
      return state.cycleId === event.cycleId ? state : { ...state, cycleId: event.cycleId, keyResultId: null }
    case 'filters':
      return { ...state, filters: { ...state.filters, ...event.filters } }
    case 'keyResult':
      // One side panel at a time: a key result's replaces a conversation's.
      return state.keyResultId === event.keyResultId && state.commentId === event.commentId && state.thread === null
        ? state
        : { ...state, keyResultId: event.keyResultId, thread: null, commentId: event.keyResultId === null ? null : event.commentId }
    case 'thread': {
      const { thread, commentId } = event
      if (thread === null) return { ...state, thread: null, commentId: null }
      // A task's conversation shows beside its card on the board.
      const card = thread.kind === 'task' ? { view: 'board' as const, focusTaskId: thread.id } : {}
      return { ...state, ...card, thread, commentId, keyResultId: null }
    }
    case 'focus':
      return {
        ...state,
        view: 'board',
        focusTaskId: event.taskId,
        keyResultId: event.keyResultId ?? state.keyResultId,
      }
    case 'person':
      // A page of its own: no card, minutes or key-result panel over it.
      return { ...state, view: 'person', personId: event.personId, focusTaskId: null, meetingId: null, keyResultId: null, thread: null, commentId: null }
  }
}

function actionsFor(dispatch: (event: ViewEvent) => void): ViewActions {
  return {
    setView: (view) => dispatch({ type: 'view', view }),
    setCycle: (cycleId) => dispatch({ type: 'cycle', cycleId }),
    setFilters: (filters) => dispatch({ type: 'filters', filters }),
    openKeyResult: (keyResultId, commentId) => dispatch({ type: 'keyResult', keyResultId, commentId: commentId ?? null }),
    openThread: (thread, commentId) => dispatch({ type: 'thread', thread, commentId: commentId ?? null }),
    focus: ({ taskId, keyResultId }) => dispatch({ type: 'focus', taskId: taskId ?? null, keyResultId: keyResultId ?? null }),
    openPerson: (personId) => dispatch({ type: 'person', personId }),
  }
}

/** A view state held in memory (tests, and anything not tied to the address), plus its actions. */
export function useViewState(initial: Partial<ViewState> = {}): ViewState & ViewActions {
  const [state, dispatch] = useReducer(viewReducer, initial, (patch) => ({
    ...INITIAL_VIEW,
    ...patch,
    filters: { ...INITIAL_VIEW.filters, ...patch.filters },
  }))
  const actions = useMemo(() => actionsFor(dispatch), [])
  return useMemo(() => ({ ...state, ...actions }), [state, actions])
}

/** The place a state shows (view, key result, card), without the cycle and filters that refine it. */
const placeOf = (state: ViewState): ViewState => ({ ...state, cycleId: null, filters: INITIAL_VIEW.filters })

/**
 * The view state of the address bar, plus actions that move it. An action reads the address when
 * it runs (two in one handler see each other) and writes the result back: a new place (another
 * view, a key result, a card) is a new history entry, so Back undoes it; new filters or another
 * cycle replace the entry, so three filter changes are not three Backs.
 */
export function useAddressViewState(workspaceId: string): ViewState & ViewActions {
  const href = useHref()
  const parsed = useMemo(() => {
    const q = href.indexOf('?')
    return q < 0 ? parseView(href, '') : parseView(href.slice(0, q), href.slice(q))
  }, [href])
  // The same filters object while the filters are the same: the board's model depends on it.
  const { teamId, ownerId, level } = parsed.filters
  const filters = useMemo((): Filters => ({ teamId, ownerId, level }), [teamId, ownerId, level])
  const actions = useMemo(
    () =>
      actionsFor((event) => {
        const current = parseView(location.pathname, location.search)
        const next = viewReducer(current, event)
        const href = viewHref(workspaceId, next)
        if (href === viewHref(workspaceId, current)) return
        navigate(href, { replace: viewHref(workspaceId, placeOf(next)) === viewHref(workspaceId, placeOf(current)) })
      }),
    [workspaceId],
  )
  return useMemo(() => ({ ...parsed, filters, ...actions }), [parsed, filters, actions])
}
