// @vitest-environment jsdom
/** Small words and numbers of the OKR views: score badge text, "no KRs yet", expected-by-now rounding. */
import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { CheckIn, Cycle, KeyResult } from '../../../shared/model/index.ts'
import { expectedProgress } from '../../../shared/rules/index.ts'
import { chartSummary } from '../../../client/features/krpanel/chartSummary.ts'
import { ScoreBadge } from '../../../client/features/okr/ScoreBadge.tsx'
import { keyResultDecimals, roundTo } from '../../../client/format/numbers.ts'

afterEach(cleanup)

const DAY = 86_400_000
const cycle = { id: 'c1', name: 'Q1', kind: 'quarter', startDate: '2025-01-01', endDate: '2025-03-31', status: 'published', publishedAt: 0, closedAt: null, reopenings: [] } as unknown as Cycle
const START = Date.parse('2025-01-01T00:00:00Z')

function kr(fields: Partial<KeyResult>): KeyResult {
  return {
    id: 'kr1', objectiveId: 'o1', title: 'Teams onboarded', kind: 'increase', unit: 'teams', start: 120, target: 300,
    rangeLow: null, rangeHigh: null, dueDate: null, weight: 100, ownerId: null, createdAt: START - DAY, ...fields,
  } as KeyResult
}

describe('ScoreBadge', () => {
  it('reads "0.39 Reconsider" as two words, not "0.39Reconsider"', () => {
    render(<ScoreBadge score={0.39} />)
    const badge = screen.getByRole('img', { name: /^Score 0\.39, Reconsider/ })
    expect(badge.textContent).toBe('0.39 Reconsider')
  })

  it('says "no KRs yet" for an objective without key results, not a red 0.00', () => {
    const { container } = render(<ScoreBadge score={null} />)
    expect(container.textContent).toBe('no KRs yet')
    expect(container.querySelector('.score--reconsider')).toBeNull()
  })
})

describe('expected by now, in the key result\'s precision', () => {
  it('knows how many decimals a key result is written with', () => {
    expect(keyResultDecimals(kr({}))).toBe(0)
    expect(keyResultDecimals(kr({ start: 4.5, target: 3 }))).toBe(1)
    expect(keyResultDecimals(kr({ start: 0.125, target: 1 }))).toBe(2)
    // Check-ins written with a decimal make the KR a one-decimal one (9% -> 14%, checked in at 9.8%).
    expect(keyResultDecimals(kr({ start: 9, target: 14 }), [9, 9.8])).toBe(1)
    expect(roundTo(241.5, 0)).toBe(242)
    expect(roundTo(-2.45, 1)).toBe(-2.5)
  })

  it('writes "Expected by now: 209 teams", not 209.3, for a KR of whole teams', () => {
    // 2025-02-14 15:00: a share of the cycle that makes the expected count fractional.
    const now = Date.parse('2025-02-14T15:00:00Z')
    const expected = 120 + 180 * expectedProgress(cycle, now, START - DAY)
    expect(Number.isInteger(expected)).toBe(false)
    const text = chartSummary(kr({}), cycle, [] as CheckIn[], now)
    expect(text).toContain(`Expected by now: ${Math.round(expected)} teams;`)
    expect(text).not.toMatch(/Expected by now: \d+\.\d/)
  })

  it('keeps one decimal for a KR written with one', () => {
    const now = Date.parse('2025-02-14T15:00:00Z')
    const text = chartSummary(kr({ start: 4.5, target: 3, unit: '%' }), cycle, [] as CheckIn[], now)
    expect(text).toMatch(/Expected by now: \d(\.\d)?%;/)
  })
})
