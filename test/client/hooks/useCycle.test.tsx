// @vitest-environment jsdom
/**
 * The cycle in view: chosen, else the cycle of what a link points at (a card, a key result),
 * else the running one. A link to last quarter's key result must not open on this quarter's board.
 */
import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createCycle, createKeyResult, createObjective, createTask, publishCycle } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import type { ViewState } from '../../../client/hooks/useView.ts'
import { useCycle } from '../../../client/hooks/useCycle.ts'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const NOW = Date.now()

/** Last quarter (published, ended) with a KR and a card; this quarter (published, running). */
function seed(s: Session) {
  createCycle(s, { id: 'q-old', name: 'Last quarter', startDate: iso(NOW - 180 * DAY), endDate: iso(NOW - 90 * DAY) })
  createCycle(s, { id: 'q-now', name: 'This quarter', startDate: iso(NOW - 30 * DAY), endDate: iso(NOW + 60 * DAY) })
  createObjective(s, { id: 'o-old', cycleId: 'q-old', title: 'Old goal' })
  createKeyResult(s, { id: 'kr-old', objectiveId: 'o-old', title: 'Old KR', start: 0, target: 10, weight: 100 })
  createTask(s, { id: 't-old', cycleId: 'q-old', title: 'Old card', columnId: 'todo', keyResultId: 'kr-old' } as never)
  // Objectives are fixed once published: publish after they are in.
  publishCycle(s, 'q-old' as never)
  publishCycle(s, 'q-now' as never)
}

function CycleName() {
  return <output aria-label="cycle">{useCycle()?.name ?? '-'}</output>
}

const cycleFor = (view: Partial<ViewState>) => {
  const { unmount } = renderWithWorkspace(<CycleName />, { seed, view })
  const name = screen.getByRole('status', { name: 'cycle' }).textContent
  unmount()
  return name
}

describe('the cycle in view', () => {
  it('follows a linked key result or card to its own cycle when none is chosen', () => {
    expect(cycleFor({})).toBe('This quarter')
    expect(cycleFor({ keyResultId: 'kr-old' as never })).toBe('Last quarter')
    expect(cycleFor({ focusTaskId: 't-old' as never })).toBe('Last quarter')
  })

  it('keeps the chosen cycle, and ignores a link to something that is not there', () => {
    expect(cycleFor({ cycleId: 'q-now' as never, keyResultId: 'kr-old' as never })).toBe('This quarter')
    expect(cycleFor({ keyResultId: 'kr-gone' as never, focusTaskId: 't-gone' as never })).toBe('This quarter')
  })
})
