// @vitest-environment jsdom
/** The empty state of a cycle with no objectives, in the board and OKR views, per role. */
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createCycle, publishCycle, snapshot } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import { BoardView } from '../../../client/features/board/BoardView.tsx'
import { OkrTreeView } from '../../../client/features/okr/OkrTreeView.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

afterEach(cleanup)

const draftCycle = (s: Session) => {
  createCycle(s, { id: 'cy', name: 'Q2 2026', startDate: '2026-04-01', endDate: '2026-06-30' })
}
const view = { cycleId: 'cy' as never }
// The guide loads on demand (an empty cycle is rare): wait for it once, then query as usual. Its
// first import can take longer than findByRole's default second on a busy machine.
const guide = () => screen.getByRole('region', { name: 'Get Q2 2026 going in three steps' })
const guideLoaded = () => screen.findByRole('region', { name: 'Get Q2 2026 going in three steps' }, { timeout: 10_000 })

describe('first run', () => {
  it('explains the three steps and fills the cycle from a template in the board view', async () => {
    const { doc } = renderWithWorkspace(<BoardView />, { role: 'editor', seed: draftCycle, view })
    await guideLoaded()
    expect(within(guide()).getAllByRole('listitem')).toHaveLength(3)
    const templates = within(guide()).getByRole('group', { name: 'Start from a template' })
    const names = within(templates).getAllByRole('button').map((b) => b.querySelector('.first-run__name')?.textContent ?? b.textContent)
    expect(names).toEqual(['Company quarter', 'Product team', 'Sales team', 'draft your own in the OKRs tab'])

    fireEvent.click(within(templates).getByRole('button', { name: /^Product team/ }))

    expect(screen.queryByRole('region', { name: /three steps/ })).toBeNull()
    expect(screen.getByText('Make onboarding effortless')).toBeTruthy()
    expect(snapshot(doc).objectives.size).toBe(3)
  })

  it('shows the same start in the OKR view, and the objectives once applied', async () => {
    renderWithWorkspace(<OkrTreeView />, { role: 'owner', seed: draftCycle, view: { ...view, view: 'tree' } })
    await guideLoaded()
    fireEvent.click(within(guide()).getByRole('button', { name: /^Sales team/ }))
    expect(screen.getByRole('article', { name: 'Build a predictable pipeline' })).toBeTruthy()
  })

  it('gives viewers the explanation only', async () => {
    renderWithWorkspace(<OkrTreeView />, { role: 'viewer', seed: draftCycle, view })
    await guideLoaded()
    expect(within(guide()).getAllByRole('listitem')).toHaveLength(3)
    expect(within(guide()).queryByRole('button')).toBeNull()
    expect(guide().textContent).toMatch(/editors and owners draft the objectives/)
  })

  it('offers no template once the cycle is published', async () => {
    renderWithWorkspace(<BoardView />, {
      role: 'owner',
      seed: (s) => {
        draftCycle(s)
        publishCycle(s, 'cy' as never)
      },
      view,
    })
    await guideLoaded()
    expect(within(guide()).queryByRole('group', { name: 'Start from a template' })).toBeNull()
    expect(guide().textContent).toMatch(/only be added while a cycle is a draft/)
  })
})
