// @vitest-environment jsdom
/**
 * The view state of a workspace page lives in the address: what each action writes there, which
 * actions are a step for Back, and that the address never carries the token's fragment.
 */
import { act, cleanup, render } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useAddressViewState } from '../../../client/app/useViewState.ts'
import type { ViewActions, ViewState } from '../../../client/hooks/useView.ts'

let view: ViewState & ViewActions

function Probe() {
  view = useAddressViewState('ws-1')
  return null
}

const here = () => location.pathname + location.search
// Counted by spying: history.length says little once Back has left entries ahead of the current one.
let pushes: ReturnType<typeof vi.spyOn>
let replaces: ReturnType<typeof vi.spyOn>

/** history.back() and forward() are asynchronous: resolve on the popstate they cause. */
function traverse(step: -1 | 1): Promise<void> {
  return act(
    () =>
      new Promise<void>((resolve) => {
        window.addEventListener('popstate', () => resolve(), { once: true })
        history.go(step)
      }),
  )
}

beforeEach(() => {
  pushes = vi.spyOn(history, 'pushState')
  replaces = vi.spyOn(history, 'replaceState')
})

afterEach(() => {
  vi.restoreAllMocks()
  cleanup()
  history.replaceState(null, '', '/')
})

describe('the view in the address', () => {
  it('pushes a new place (view, key result, card) and replaces for new filters or another cycle', async () => {
    history.replaceState(null, '', '/w/ws-1')
    render(<Probe />)
    expect(view.view).toBe('board')
    replaces.mockClear()

    act(() => view.setView('tree'))
    expect(here()).toBe('/w/ws-1/okrs')
    act(() => view.openKeyResult('kr-1' as never))
    expect(here()).toBe('/w/ws-1/kr/kr-1?view=okrs')
    expect(view).toMatchObject({ view: 'tree', keyResultId: 'kr-1' })
    expect(pushes).toHaveBeenCalledTimes(2)
    // Another view under the open panel is a step too, though only its query changes.
    act(() => view.setView('radar'))
    expect(here()).toBe('/w/ws-1/kr/kr-1?view=radar')
    expect(pushes).toHaveBeenCalledTimes(3)
    await traverse(-1)
    expect(here()).toBe('/w/ws-1/kr/kr-1?view=okrs')

    act(() => view.setFilters({ level: 'team' }))
    act(() => view.setFilters({ teamId: 'growth' as never }))
    expect(here()).toBe('/w/ws-1/kr/kr-1?view=okrs&team=growth&level=team')
    expect(pushes).toHaveBeenCalledTimes(3)
    expect(replaces).toHaveBeenCalledTimes(2)

    // Back and Forward move between views, each entry with the filters it had.
    await traverse(-1)
    expect(here()).toBe('/w/ws-1/okrs')
    expect(view).toMatchObject({ view: 'tree', keyResultId: null, filters: { teamId: null, level: null } })
    await traverse(-1)
    expect(view.view).toBe('board')
    await traverse(1)
    await traverse(1)
    expect(view).toMatchObject({ view: 'tree', keyResultId: 'kr-1', filters: { teamId: 'growth', level: 'team' } })
  })

  it('makes two actions in one handler one step, and a no-op no step at all', () => {
    history.replaceState(null, '', '/w/ws-1/radar')
    render(<Probe />)
    replaces.mockClear()
    act(() => {
      // What the radar's "Open key result" does.
      view.focus({ keyResultId: 'kr-9' as never })
      view.openKeyResult('kr-9' as never)
    })
    expect(here()).toBe('/w/ws-1/kr/kr-9')
    act(() => view.setView('board'))
    expect(pushes).toHaveBeenCalledTimes(1)
    expect(replaces).not.toHaveBeenCalled()
    act(() => view.focus({ taskId: 't-3' as never }))
    expect(here()).toBe('/w/ws-1/task/t-3?kr=kr-9')
    expect(view).toMatchObject({ view: 'board', focusTaskId: 't-3', keyResultId: 'kr-9' })
  })

  it('never writes a fragment: a token still in the address is dropped by the first navigation', () => {
    history.replaceState(null, '', '/w/ws-1/board#token=secret')
    render(<Probe />)
    act(() => view.setView('radar'))
    expect(location.href).not.toContain('secret')
    expect(location.hash).toBe('')
    expect(here()).toBe('/w/ws-1/radar')
  })

  it('keeps the same filters object while the filters do not change', () => {
    history.replaceState(null, '', '/w/ws-1/board?team=growth')
    render(<Probe />)
    const before = view.filters
    act(() => view.openKeyResult('kr-1' as never))
    act(() => view.setView('radar'))
    expect(view.filters).toBe(before)
    act(() => view.setFilters({ level: 'company' }))
    expect(view.filters).not.toBe(before)
  })
})
