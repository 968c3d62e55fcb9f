// @vitest-environment jsdom
/** The workspace's activity and a person's page as addresses: /w/:id/activity, /w/:id/people/:personId. */
import { describe, expect, it } from 'vitest'
import { parseRoute, parseWorkspacePath } from '../../../client/app/route.ts'
import { viewReducer } from '../../../client/app/useViewState.ts'
import { parseView, viewHref } from '../../../client/app/viewRoute.ts'
import { INITIAL_VIEW } from '../../../client/hooks/useView.ts'
import type { KeyResultId, PersonId } from '../../../shared/model/index.ts'

const at = (href: string) => {
  const url = new URL(href, 'http://rt.test')
  return parseView(url.pathname, url.search)
}

describe('activity and people addresses', () => {
  it('maps the activity view and a person\'s page to the workspace page, and refuses malformed ones', () => {
    for (const path of ['/w/abc/activity', '/w/abc/activity/', '/w/abc/people/p-1', '/w/abc/people/p-1/']) {
      expect(parseRoute(path), path).toEqual({ page: 'workspace', workspaceId: 'abc' })
    }
    for (const path of ['/w/abc/people', '/w/abc/people/', '/w/abc/people/a.b', '/w/abc/people/p-1/extra', '/w/abc/person/p-1', '/w/abc/activity/x']) {
      expect(parseRoute(path), path).toEqual({ page: 'not-found' })
    }
    expect(parseWorkspacePath('/w/abc/activity')).toEqual({ workspaceId: 'abc', kind: 'view', view: 'activity' })
    expect(parseWorkspacePath('/w/abc/people/p-1')).toEqual({ workspaceId: 'abc', kind: 'person', id: 'p-1' })
  })

  it('reads the view and the person, and writes them back with the cycle and filters', () => {
    expect(at('/w/ws/activity')).toEqual({ ...INITIAL_VIEW, view: 'activity' })
    expect(at('/w/ws/people/p-1?cycle=c-1')).toEqual({ ...INITIAL_VIEW, view: 'person', personId: 'p-1', cycleId: 'c-1' })
    for (const href of ['/w/ws/activity', '/w/ws/activity?team=t-1', '/w/ws/people/p-1', '/w/ws/people/p-1?cycle=c-1&owner=p-2', '/w/ws/kr/kr-1?view=activity']) {
      expect(viewHref('ws', at(href)), href).toBe(href)
    }
    // A person means nothing on another view; a person's view without one is the board.
    expect(viewHref('ws', { ...INITIAL_VIEW, view: 'tree', personId: 'p-1' as PersonId })).toBe('/w/ws/okrs')
    expect(viewHref('ws', { ...INITIAL_VIEW, view: 'person' })).toBe('/w/ws/board')
  })

  it('opens a person\'s page alone (no card, minutes or panel over it) and leaves it for another view', () => {
    const panel = { ...INITIAL_VIEW, keyResultId: 'kr-1' as KeyResultId, focusTaskId: 't-1' as never }
    const page = viewReducer(panel, { type: 'person', personId: 'p-1' as PersonId })
    expect(page).toEqual({ ...INITIAL_VIEW, view: 'person', personId: 'p-1' })
    expect(viewHref('ws', page)).toBe('/w/ws/people/p-1')
    const board = viewReducer(page, { type: 'view', view: 'board' })
    expect(board.personId).toBeNull()
    expect(viewHref('ws', board)).toBe('/w/ws/board')
  })
})
