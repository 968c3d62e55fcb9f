// @vitest-environment jsdom
/** The insights dashboard as an address: /w/:id/insights, with the cycle and the filters in the query. */
import { describe, expect, it } from 'vitest'
import { parseRoute, parseWorkspacePath } from '../../../client/app/route.ts'
import { parseView, viewHref } from '../../../client/app/viewRoute.ts'
import { INITIAL_VIEW } from '../../../client/hooks/useView.ts'

const at = (href: string) => {
  const url = new URL(href, 'http://rt.test')
  return parseView(url.pathname, url.search)
}

describe('insights address', () => {
  it('is a view of the workspace page', () => {
    expect(parseRoute('/w/abc/insights')).toEqual({ page: 'workspace', workspaceId: 'abc' })
    expect(parseWorkspacePath('/w/abc/insights/')).toEqual({ workspaceId: 'abc', kind: 'view', view: 'insights' })
    expect(parseRoute('/w/abc/insights/x')).toEqual({ page: 'not-found' })
  })

  it('reads the cycle and filters and writes them back', () => {
    expect(at('/w/ws/insights?cycle=c-1&team=t-1&owner=p-1')).toEqual({
      ...INITIAL_VIEW,
      view: 'insights',
      cycleId: 'c-1',
      filters: { teamId: 't-1', ownerId: 'p-1', level: null },
    })
    for (const href of ['/w/ws/insights', '/w/ws/insights?cycle=c-1&team=t-1&owner=p-1&level=team', '/w/ws/kr/kr-1?view=insights']) {
      expect(viewHref('ws', at(href)), href).toBe(href)
    }
  })
})
