// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createCycle, createKeyResult, createObjective, openSession, publishCycle } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import type { KeyResultId } from '../../../shared/model/index.ts'
import { ActiveView } from '../../../client/app/ActiveView.tsx'
import { ViewTabs, countTooltip } from '../../../client/features/shell/ViewTabs.tsx'
import { useView } from '../../../client/hooks/useView.ts'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

vi.mock('../../../client/features/board/BoardView.tsx', () => import('../helpers/viewMocks.tsx').then((m) => m.boardModule))
vi.mock('../../../client/features/okr/OkrTreeView.tsx', () => import('../helpers/viewMocks.tsx').then((m) => m.treeModule))
vi.mock('../../../client/features/stall/RadarView.tsx', () => import('../helpers/viewMocks.tsx').then((m) => m.radarModule))

afterEach(cleanup)

const DAY = 86_400_000
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/** A running cycle that started 30 days ago, with one key result nobody has checked in since. */
function stalledCycle(s: Session) {
  const now = s.now() + 30 * DAY
  const cycleId = createCycle(s, { name: 'This quarter', startDate: iso(now - 30 * DAY), endDate: iso(now + 60 * DAY) })
  const objectiveId = createObjective(s, { cycleId, title: 'Delight new customers' })
  createKeyResult(s, { objectiveId, title: 'Raise activation to 40%', start: 20, target: 40, weight: 100 })
  publishCycle(s, cycleId)
}

function FocusButton() {
  const { focus } = useView()
  return (
    <button type="button" onClick={() => focus({ keyResultId: 'kr-1' as KeyResultId })}>
      Show on board
    </button>
  )
}

describe('view switching', () => {
  it('switches the main area with the tabs', async () => {
    renderWithWorkspace(
      <>
        <ViewTabs />
        <ActiveView />
      </>,
    )
    const board = screen.getByRole('tab', { name: 'Board' })
    expect(board.getAttribute('aria-selected')).toBe('true')
    expect(screen.getByRole('tabpanel', { name: 'Board' }).textContent).toBe('Board view')

    fireEvent.click(screen.getByRole('tab', { name: 'OKRs' }))
    expect(screen.getByRole('tab', { name: 'OKRs' }).getAttribute('aria-selected')).toBe('true')
    expect(board.getAttribute('aria-selected')).toBe('false')
    // The tree and the radar are lazy chunks: wait for them to load.
    expect((await screen.findByText('OKR tree view')).closest('[role=tabpanel]')).toBe(screen.getByRole('tabpanel', { name: 'OKRs' }))

    fireEvent.click(screen.getByRole('tab', { name: 'Stall radar' }))
    expect(await screen.findByText('Radar view')).toBeTruthy()
    expect(screen.getByRole('tabpanel').textContent).toBe('Radar view')
  })

  it('moves between tabs with the arrow keys', () => {
    renderWithWorkspace(<ViewTabs />, { view: { view: 'meetings' } })
    const meetings = screen.getByRole('tab', { name: 'Meetings' })
    fireEvent.keyDown(meetings, { key: 'ArrowRight' })
    expect(screen.getByRole('tab', { name: 'Board' }).getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Board' }))
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' })
    expect(meetings.getAttribute('aria-selected')).toBe('true')
  })

  it('counts the stall warnings that need attention on the radar tab', () => {
    const { doc } = renderWithWorkspace(<ViewTabs />)
    const radar = screen.getByRole('tab', { name: 'Stall radar' })
    expect(radar.getAttribute('aria-describedby')).toBeNull()
    // Written 30 days ago by someone else, so the key result has been silent for a month.
    act(() => stalledCycle(openSession(doc, { now: () => Date.now() - 30 * DAY })))
    const description = document.getElementById(radar.getAttribute('aria-describedby')!)
    // S1 (no check-in for a month) and S2 (behind pace): both need attention.
    expect(description?.textContent).toBe('2 stall warnings need attention')
    expect(screen.getByRole('tab', { name: 'Stall radar' })).toBe(radar)
    // The badge's meaning is visible: the tooltip says what it counts, and what it leaves out.
    expect(radar.getAttribute('title')).toBe('2 stall warnings need attention (critical or warning).')
  })

  it('says in the tooltip that info rows are listed on the radar but not counted', () => {
    expect(countTooltip({ attention: 15, info: 5 })).toBe('15 stall warnings need attention (critical or warning); the radar also lists 5 for information.')
    expect(countTooltip({ attention: 1, info: 0 })).toBe('1 stall warning needs attention (critical or warning).')
  })

  it('focus() from anywhere brings the board forward', () => {
    renderWithWorkspace(
      <>
        <ViewTabs />
        <FocusButton />
        <ActiveView />
      </>,
      { view: { view: 'radar' } },
    )
    fireEvent.click(screen.getByRole('button', { name: 'Show on board' }))
    expect(screen.getByRole('tab', { name: 'Board' }).getAttribute('aria-selected')).toBe('true')
    expect(screen.getByText('Board view')).toBeTruthy()
  })
})
