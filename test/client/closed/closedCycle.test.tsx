// @vitest-environment jsdom
/**
 * A closed cycle as people see it: the board, the key-result panel and the radar say why cards and
 * check-ins are fixed and show the final scores; publish, close and reopen are the owner's, and the
 * Share dialog says so per role.
 */
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { checkIn, closeCycle, createCycle, createKeyResult, createObjective, publishCycle, reopenCycle, scoreKeyResult, snapshot } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import type { CycleId } from '../../../shared/model/index.ts'
import { BoardView } from '../../../client/features/board/BoardView.tsx'
import { KeyResultPanel } from '../../../client/features/krpanel/KeyResultPanel.tsx'
import { CyclePicker } from '../../../client/features/cycle/CyclePicker.tsx'
import { ShareDialog } from '../../../client/features/share/ShareDialog.tsx'
import { RadarView } from '../../../client/features/stall/RadarView.tsx'
import { polyfillDialog, renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'
import { NOW, seedBoard } from '../board/seedBoard.ts'

beforeAll(polyfillDialog)
beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }))
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

/** The board's quarter, checked in, scored in part, closed at noon on Sep 30 (the same day anywhere). */
const CLOSED_AT = Date.UTC(2026, 8, 30, 12)
function closedBoard(s: Session): void {
  seedBoard(s)
  checkIn(s, { keyResultId: 'kr-activation', value: 32, confidence: 6 })
  scoreKeyResult(s, { keyResultId: 'kr-teams', leadScore: 0.65 })
  const closer = { ...s, now: () => CLOSED_AT }
  closeCycle(closer, 'cy' as CycleId)
}
const view = { cycleId: 'cy' as never }
const NOTE = 'Cycle closed on Sep 30: scores and comments only'

describe('the board of a closed cycle', () => {
  it('says why cards are fixed, and offers no add, edit or drag', () => {
    renderWithWorkspace(<BoardView />, { seed: closedBoard, view, role: 'editor' })
    expect(screen.getByRole('note').textContent).toContain(NOTE)
    expect(screen.queryByRole('button', { name: /^Add task to/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /^Edit task/ })).toBeNull()
    const card = within(screen.getByRole('region', { name: 'To do · Raise activation' })).getByRole('button', { name: /^Task: Email nudges/ })
    expect(card.getAttribute('aria-roledescription')).toBe('task')
  })

  it('the lane offers "Score" instead of "Check in"', () => {
    renderWithWorkspace(<BoardView />, { seed: closedBoard, view, role: 'editor' })
    const lane = screen.getByRole('group', { name: 'Key result: Raise activation' })
    expect(within(lane).queryByRole('button', { name: 'Check in Raise activation' })).toBeNull()
    expect(within(lane).getByRole('button', { name: 'Score Raise activation' })).toBeTruthy()
  })

  it('an open cycle keeps every control', () => {
    renderWithWorkspace(<BoardView />, { seed: seedBoard, view, role: 'editor' })
    expect(screen.queryByRole('note')).toBeNull()
    expect(screen.getAllByRole('button', { name: /^Add task to/ }).length).toBeGreaterThan(0)
    expect(screen.getByRole('button', { name: 'Check in Raise activation' })).toBeTruthy()
  })
})

describe('the key-result panel of a closed cycle', () => {
  it('replaces the check-in form with the reason, and keeps the score form', () => {
    renderWithWorkspace(<KeyResultPanel />, { seed: closedBoard, view: { ...view, keyResultId: 'kr-activation' as never }, role: 'editor' })
    const panel = screen.getByRole('complementary', { name: 'Key result: Raise activation' })
    expect(within(panel).queryByRole('form', { name: /^Check in/ })).toBeNull()
    expect(within(panel).getByRole('note').textContent).toContain(NOTE)
    expect(within(panel).getByRole('heading', { name: /Score/ })).toBeTruthy()
  })

  it('lists a reopening of the cycle, with its reason, among the changes', () => {
    renderWithWorkspace(<KeyResultPanel />, {
      seed: (s) => {
        closedBoard(s)
        reopenCycle(s, 'cy' as CycleId, 'September numbers came late')
      },
      view: { ...view, keyResultId: 'kr-activation' as never },
    })
    const changes = screen.getByRole('region', { name: /^Changes after publishing/ })
    expect(within(changes).getByText('Cycle reopened')).toBeTruthy()
    expect(within(changes).getByText('“September numbers came late”')).toBeTruthy()
    expect(screen.queryByRole('note')).toBeNull()
    expect(screen.getByRole('form', { name: 'Check in: Raise activation' })).toBeTruthy()
  })
})

describe('the radar of a closed cycle', () => {
  it('shows the final scores per objective and key result, never "healthy"', () => {
    renderWithWorkspace(<RadarView />, { seed: closedBoard, view: { ...view, view: 'radar' } })
    expect(screen.queryByText(/healthy/i)).toBeNull()
    expect(screen.getByRole('note').textContent).toContain(NOTE)
    const company = screen.getByRole('article', { name: 'Objective: Become the tool teams love' })
    expect(within(company).getAllByText('0.65')).toHaveLength(2)
    expect(within(company).getByText(/lead score/)).toBeTruthy()
    const team = screen.getByRole('article', { name: 'Objective: Turn trials into teams' })
    // Raise activation: 32 on 20 -> 40 is 0.60 measured; Cut onboarding: no check-in, 0.
    expect(within(team).getByRole('button', { name: 'Raise activation' }).closest('li')?.textContent).toContain('0.60')
    expect(within(team).getByText('0.36')).toBeTruthy()
    expect(within(team).getAllByText(/from progress, not scored/)).toHaveLength(2)
    expect(screen.queryByRole('button', { name: /Critical/ })).toBeNull()
  })

  it('a closed cycle without check-ins still says how it ended, not that the board is healthy', () => {
    renderWithWorkspace(<RadarView />, {
      seed: (s) => {
        createCycle(s, { id: 'q', name: 'Q4', startDate: '2026-07-01', endDate: '2026-09-30' })
        createObjective(s, { id: 'o', cycleId: 'q', title: 'Ship it' })
        createKeyResult(s, { id: 'k', objectiveId: 'o', title: 'Launch', start: 0, target: 10, weight: 100 })
        publishCycle(s, 'q' as CycleId)
        closeCycle(s, 'q' as CycleId)
      },
      view: { cycleId: 'q' as never, view: 'radar' },
    })
    expect(screen.queryByText(/healthy/i)).toBeNull()
    expect(screen.getByRole('heading', { name: 'Final scores' })).toBeTruthy()
    expect(within(screen.getByRole('article', { name: 'Objective: Ship it' })).getAllByText('Reconsider')).toHaveLength(2)
  })
})

describe('cycle actions', () => {
  it('are hidden from editors, who may still start a new cycle', () => {
    renderWithWorkspace(<CyclePicker />, { seed: (s) => seedBoard(s, { draft: true }), view, role: 'editor' })
    expect(screen.queryByRole('button', { name: 'Publish cycle' })).toBeNull()
    expect(screen.getByRole('button', { name: 'New cycle' })).toBeTruthy()
  })

  it('editors see no close or reopen either', () => {
    renderWithWorkspace(<CyclePicker />, { seed: closedBoard, view, role: 'editor' })
    expect(screen.queryByRole('button', { name: 'Reopen cycle' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Close cycle' })).toBeNull()
  })

  it('the owner reopens a closed cycle only with a reason, which is logged', () => {
    const { doc } = renderWithWorkspace(<CyclePicker />, { seed: closedBoard, view })
    fireEvent.click(screen.getByRole('button', { name: 'Reopen cycle' }))
    const dialog = screen.getByRole('dialog', { name: 'Reopen Q3 2026?' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen cycle' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('Say why the cycle is reopened')
    expect(snapshot(doc).cycles.get('cy' as CycleId)?.status).toBe('closed')
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Why reopen it?' }), { target: { value: 'September numbers came late' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reopen cycle' }))
    const cycle = snapshot(doc).cycles.get('cy' as CycleId)
    expect(cycle?.status).toBe('published')
    expect(cycle?.reopenings.map((r) => r.reason)).toEqual(['September numbers came late'])
    expect(screen.getByRole('button', { name: 'Close cycle' })).toBeTruthy()
  })
})

describe('share dialog wording', () => {
  it('an editor reads what the link allows and what only owners do', () => {
    renderWithWorkspace(<ShareDialog onClose={() => {}} />, { role: 'editor' })
    const dialog = screen.getByRole('dialog')
    expect(dialog.textContent).toContain('Can edit OKRs, move cards and check in. Cannot publish, close or reopen cycles, or manage links.')
    expect(dialog.textContent).not.toContain('publishes')
  })

  it('a viewer reads that the link changes nothing', () => {
    renderWithWorkspace(<ShareDialog onClose={() => {}} />, { role: 'viewer' })
    expect(screen.getByRole('dialog').textContent).toContain('Can see everything, change nothing.')
  })

  it('the owner sees each link with what it allows', () => {
    renderWithWorkspace(<ShareDialog onClose={() => {}} />, { role: 'owner' })
    const text = screen.getByRole('dialog').textContent ?? ''
    expect(text).toContain('publishes, closes and reopens cycles and manages these links')
  })
})
