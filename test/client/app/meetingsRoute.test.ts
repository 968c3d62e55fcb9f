// @vitest-environment jsdom
/** The Meetings view as an address: /w/:id/meetings lists past meetings, /w/:id/meetings/:meetingId shows one's minutes. */
import { describe, expect, it } from 'vitest'
import { parseRoute, parseWorkspacePath } from '../../../client/app/route.ts'
import { viewReducer } from '../../../client/app/useViewState.ts'
import { parseView, viewHref } from '../../../client/app/viewRoute.ts'
import { INITIAL_VIEW } from '../../../client/hooks/useView.ts'

const at = (href: string) => {
  const url = new URL(href, 'http://rt.test')
  return parseView(url.pathname, url.search)
}

describe('meetings addresses', () => {
  it('maps the list and a meeting to the workspace page', () => {
    for (const path of ['/w/abc/meetings', '/w/abc/meetings/', '/w/abc/meetings/m-1', '/w/abc/meetings/m-1/']) {
      expect(parseRoute(path), path).toEqual({ page: 'workspace', workspaceId: 'abc' })
    }
    for (const path of ['/w/abc/meetings/a.b', '/w/abc/meetings/m-1/minutes', '/w/abc/meeting/m-1']) {
      expect(parseRoute(path), path).toEqual({ page: 'not-found' })
    }
    expect(parseWorkspacePath('/w/abc/meetings')).toEqual({ workspaceId: 'abc', kind: 'view', view: 'meetings' })
    expect(parseWorkspacePath('/w/abc/meetings/m-1')).toEqual({ workspaceId: 'abc', kind: 'meeting', id: 'm-1' })
  })

  it('reads the view and the meeting, and writes them back', () => {
    expect(at('/w/ws/meetings')).toEqual({ ...INITIAL_VIEW, view: 'meetings' })
    expect(at('/w/ws/meetings/m-1?cycle=c-1')).toEqual({ ...INITIAL_VIEW, view: 'meetings', meetingId: 'm-1', cycleId: 'c-1' })
    for (const href of ['/w/ws/meetings', '/w/ws/meetings/m-1', '/w/ws/meetings/m-1?cycle=c-1', '/w/ws/kr/kr-1?view=meetings']) {
      expect(viewHref('ws', at(href)), href).toBe(href)
    }
    // A meeting id means nothing on another view.
    expect(viewHref('ws', { ...INITIAL_VIEW, view: 'board', meetingId: 'm-1' as never })).toBe('/w/ws/board')
  })

  it('shows the list again when someone comes back to Meetings from another view', () => {
    const minutes = { ...INITIAL_VIEW, view: 'meetings' as const, meetingId: 'm-1' as never }
    expect(viewReducer(minutes, { type: 'view', view: 'meetings' })).toBe(minutes)
    const board = viewReducer(minutes, { type: 'view', view: 'board' })
    expect(board.meetingId).toBeNull()
    expect(viewReducer(board, { type: 'view', view: 'meetings' }).meetingId).toBeNull()
  })
})
