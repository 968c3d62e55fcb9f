/**
 * @module The ViewActions behind ViewContext: one reducer, so the actions are stable functions and
 * a board re-renders only when the view state itself changed.
 */
import { useMemo, useReducer } from 'react'
import { INITIAL_VIEW } from '../hooks/useView.ts'
import type { Filters, ViewActions, ViewName, ViewState } from '../hooks/useView.ts'
import type { CycleId, KeyResultId, TaskId } from '../../shared/model/index.ts'

type ViewEvent =
  | { readonly type: 'view'; readonly view: ViewName }
  | { readonly type: 'cycle'; readonly cycleId: CycleId | null }
  | { readonly type: 'filters'; readonly filters: Partial<Filters> }
  | { readonly type: 'keyResult'; readonly keyResultId: KeyResultId | null }
  | { readonly type: 'focus'; readonly taskId: TaskId | null; readonly keyResultId: KeyResultId | null }

export function viewReducer(state: ViewState, event: ViewEvent): ViewState {
  switch (event.type) {
    case 'view':
      return state.view === event.view ? state : { ...state, view: event.view }
    case 'cycle':
      // A key result of another cycle would dangle in the side panel: close it.
      return state.cycleId === event.cycleId ? state : { ...state, cycleId: event.cycleId, keyResultId: null }
    case 'filters':
      return { ...state, filters: { ...state.filters, ...event.filters } }
    case 'keyResult':
      return state.keyResultId === event.keyResultId ? state : { ...state, keyResultId: event.keyResultId }
    case 'focus':
      return {
        ...state,
        view: 'board',
        focusTaskId: event.taskId,
        keyResultId: event.keyResultId ?? state.keyResultId,
      }
  }
}

/** The view state of one tab, plus its actions, ready for <ViewContext.Provider value=...>. */
export function useViewState(initial: Partial<ViewState> = {}): ViewState & ViewActions {
  const [state, dispatch] = useReducer(viewReducer, initial, (patch) => ({
    ...INITIAL_VIEW,
    ...patch,
    filters: { ...INITIAL_VIEW.filters, ...patch.filters },
  }))
  const actions = useMemo<ViewActions>(
    () => ({
      setView: (view) => dispatch({ type: 'view', view }),
      setCycle: (cycleId) => dispatch({ type: 'cycle', cycleId }),
      setFilters: (filters) => dispatch({ type: 'filters', filters }),
      openKeyResult: (keyResultId) => dispatch({ type: 'keyResult', keyResultId }),
      focus: ({ taskId, keyResultId }) =>
        dispatch({ type: 'focus', taskId: taskId ?? null, keyResultId: keyResultId ?? null }),
    }),
    [],
  )
  return useMemo(() => ({ ...state, ...actions }), [state, actions])
}
