import { describe, expect, it } from 'vitest'
import { parseRoute } from '../../../client/app/route.ts'
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

  it('reads the token from a link fragment', () => {
    expect(tokenFromHash('#token=abc.def')).toBe('abc.def')
    expect(tokenFromHash('')).toBeNull()
    expect(tokenFromHash('#token=')).toBeNull()
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
