// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { parseRoute, parseWorkspacePath } from '../../../client/app/route.ts'
import { viewReducer } from '../../../client/app/useViewState.ts'
import { parseView, shareLink, viewHref } from '../../../client/app/viewRoute.ts'
import { INITIAL_VIEW } from '../../../client/hooks/useView.ts'
import type { ViewState } from '../../../client/hooks/useView.ts'
import { tokenFromHash } from '../../../client/app/api.ts'
import { nextCycle, periodOf } from '../../../client/features/cycle/cycleDefaults.ts'

describe('routes', () => {
  it('maps paths to pages', () => {
    expect(parseRoute('/')).toEqual({ page: 'home' })
    expect(parseRoute('/w/abc123')).toEqual({ page: 'workspace', workspaceId: 'abc123' })
    expect(parseRoute('/w/abc123/')).toEqual({ page: 'workspace', workspaceId: 'abc123' })
    expect(parseRoute('/w/')).toEqual({ page: 'not-found' })
    expect(parseRoute('/nope')).toEqual({ page: 'not-found' })
  })

  it('maps every view path of a workspace to the workspace page', () => {
    for (const path of ['/w/abc/board', '/w/abc/okrs', '/w/abc/radar', '/w/abc/kr/kr-1', '/w/abc/task/T_9', '/w/abc/board/', '/w/abc/kr/kr-1/']) {
      expect(parseRoute(path), path).toEqual({ page: 'workspace', workspaceId: 'abc' })
    }
  })

  it('refuses unknown views, missing or malformed ids, and percent-escapes (ids never need them)', () => {
    for (const path of ['/w/abc/tree', '/w/abc/kr', '/w/abc/kr/', '/w/abc/task/a/b', '/w/abc/board/extra', '/w/a%20b', '/w/%E0%A4%A', '/w/abc/kr/a.b', `/w/${'x'.repeat(65)}`]) {
      expect(parseRoute(path), path).toEqual({ page: 'not-found' })
    }
  })

  it('names what a workspace path points at', () => {
    expect(parseWorkspacePath('/w/abc')).toEqual({ workspaceId: 'abc', kind: 'view', view: null })
    expect(parseWorkspacePath('/w/abc/okrs')).toEqual({ workspaceId: 'abc', kind: 'view', view: 'okrs' })
    expect(parseWorkspacePath('/w/abc/kr/kr-1')).toEqual({ workspaceId: 'abc', kind: 'kr', id: 'kr-1' })
    expect(parseWorkspacePath('/w/abc/task/t-1')).toEqual({ workspaceId: 'abc', kind: 'task', id: 't-1' })
    expect(parseWorkspacePath('/')).toBeNull()
  })

  it('reads the token from a link fragment', () => {
    expect(tokenFromHash('#token=abc.def')).toBe('abc.def')
    expect(tokenFromHash('')).toBeNull()
    expect(tokenFromHash('#token=')).toBeNull()
  })
})

const view = (patch: Partial<ViewState>): ViewState => ({ ...INITIAL_VIEW, ...patch, filters: { ...INITIAL_VIEW.filters, ...patch.filters } })
const at = (href: string): ViewState => {
  const url = new URL(href, 'http://rt.test')
  return parseView(url.pathname, url.search)
}

describe('view addresses', () => {
  it('reads the view, the key result, the card, the cycle and the filters from the address', () => {
    expect(at('/w/ws/board')).toEqual(INITIAL_VIEW)
    expect(at('/w/ws')).toEqual(INITIAL_VIEW)
    expect(at('/w/ws/okrs')).toEqual(view({ view: 'tree' }))
    expect(at('/w/ws/radar')).toEqual(view({ view: 'radar' }))
    expect(at('/w/ws/kr/kr-1')).toEqual(view({ keyResultId: 'kr-1' as never }))
    expect(at('/w/ws/kr/kr-1?view=okrs')).toEqual(view({ view: 'tree', keyResultId: 'kr-1' as never }))
    expect(at('/w/ws/task/t-1')).toEqual(view({ focusTaskId: 't-1' as never }))
    expect(at('/w/ws/task/t-1?kr=kr-1')).toEqual(view({ focusTaskId: 't-1' as never, keyResultId: 'kr-1' as never }))
    expect(at('/w/ws/okrs?cycle=q3&team=growth&owner=p-1&level=team')).toEqual(
      view({ view: 'tree', cycleId: 'q3' as never, filters: { teamId: 'growth' as never, ownerId: 'p-1' as never, level: 'team' } }),
    )
  })

  it('ignores what it does not understand: unknown or malformed parameters, a view over a view', () => {
    expect(at('/w/ws/board?level=galaxy&team=a%20b&owner=&cycle=../x&token=secret&utm=1')).toEqual(INITIAL_VIEW)
    expect(at('/w/ws/okrs?view=radar')).toEqual(view({ view: 'tree' }))
    expect(at('/w/ws/kr/kr-1?view=tree')).toEqual(view({ keyResultId: 'kr-1' as never }))
    expect(at('/nowhere?team=a')).toEqual(view({ filters: { teamId: 'a' as never, ownerId: null, level: null } }))
  })

  it('writes one canonical address per view state, and reads it back to the same state', () => {
    const states: ViewState[] = [
      INITIAL_VIEW,
      view({ view: 'tree' }),
      view({ view: 'radar', cycleId: 'q2' as never }),
      view({ keyResultId: 'kr-1' as never }),
      view({ view: 'radar', keyResultId: 'kr-1' as never, filters: { level: 'company' } as never }),
      view({ focusTaskId: 't-1' as never }),
      view({ focusTaskId: 't-1' as never, keyResultId: 'kr-2' as never, cycleId: 'c' as never }),
      view({ filters: { teamId: 'tm' as never, ownerId: 'p' as never, level: 'individual' } }),
    ]
    const hrefs = states.map((s) => viewHref('ws', s))
    expect(hrefs).toEqual([
      '/w/ws/board',
      '/w/ws/okrs',
      '/w/ws/radar?cycle=q2',
      '/w/ws/kr/kr-1',
      '/w/ws/kr/kr-1?view=radar&level=company',
      '/w/ws/task/t-1',
      '/w/ws/task/t-1?kr=kr-2&cycle=c',
      '/w/ws/board?team=tm&owner=p&level=individual',
    ])
    hrefs.forEach((href, i) => {
      expect(at(href), href).toEqual(states[i])
      expect(viewHref('ws', at(href))).toBe(href)
    })
  })

  it('shares a key result or a card as an absolute link without token or filters', () => {
    expect(shareLink('ws', { keyResultId: 'kr-1' as never })).toBe(`${location.origin}/w/ws/kr/kr-1`)
    expect(shareLink('ws', { taskId: 't-1' as never })).toBe(`${location.origin}/w/ws/task/t-1`)
  })

  it('drops a focused card when the view changes, so every state has an address', () => {
    const onCard = view({ focusTaskId: 't-1' as never, keyResultId: 'kr-1' as never })
    expect(viewReducer(onCard, { type: 'view', view: 'tree' })).toEqual(view({ view: 'tree', keyResultId: 'kr-1' as never }))
    expect(viewReducer(onCard, { type: 'view', view: 'board' })).toBe(onCard)
  })
})

describe('history addresses', () => {
  const checkpoint = '000001764662400000-meeting-end-m_1'

  it('reads the list of checkpoints and one checkpoint from the address', () => {
    expect(parseWorkspacePath('/w/abc/history')).toEqual({ workspaceId: 'abc', kind: 'view', view: 'history' })
    expect(parseWorkspacePath(`/w/abc/history/${checkpoint}`)).toEqual({ workspaceId: 'abc', kind: 'checkpoint', id: checkpoint })
    expect(parseRoute(`/w/abc/history/${checkpoint}/`)).toEqual({ page: 'workspace', workspaceId: 'abc' })
    expect(at('/w/ws/history')).toEqual(view({ view: 'history' }))
    expect(at(`/w/ws/history/${checkpoint}?cycle=q3`)).toEqual(view({ view: 'history', checkpointId: checkpoint, cycleId: 'q3' as never }))
  })

  it('refuses a malformed checkpoint id', () => {
    for (const path of ['/w/abc/history/a.b', '/w/abc/history/a/b', `/w/abc/history/${'x'.repeat(121)}`, '/w/abc/history/a%20b']) {
      expect(parseRoute(path), path).toEqual({ page: 'not-found' })
    }
  })

  it('writes the history addresses and reads them back', () => {
    const states = [view({ view: 'history' }), view({ view: 'history', checkpointId: checkpoint, filters: { teamId: 'tm' as never, ownerId: null, level: null } })]
    const hrefs = states.map((s) => viewHref('ws', s))
    expect(hrefs).toEqual(['/w/ws/history', `/w/ws/history/${checkpoint}?team=tm`])
    hrefs.forEach((href, i) => expect(at(href), href).toEqual(states[i]))
  })

  it('leaves the checkpoint when the view changes, and shows the list when coming back', () => {
    const past = view({ view: 'history', checkpointId: checkpoint })
    const board = viewReducer(past, { type: 'view', view: 'board' })
    expect(board).toEqual(view({}))
    expect(viewReducer(board, { type: 'view', view: 'history' })).toEqual(view({ view: 'history' }))
  })
})

describe('new cycle defaults', () => {
  it('takes the period right after the latest cycle, or the current one', () => {
    const now = Date.UTC(2026, 4, 10)
    expect(periodOf('quarter', new Date(now))).toEqual({ kind: 'quarter', name: 'Q2 2026', startDate: '2026-04-01', endDate: '2026-06-30' })
    expect(nextCycle([], 'quarter', now).name).toBe('Q2 2026')
    const q2 = { endDate: '2026-06-30' } as never
    expect(nextCycle([q2], 'quarter', now)).toMatchObject({ name: 'Q3 2026', startDate: '2026-07-01', endDate: '2026-09-30' })
    expect(nextCycle([q2], 'month', now)).toMatchObject({ name: 'July 2026', startDate: '2026-07-01', endDate: '2026-07-31' })
  })
})
