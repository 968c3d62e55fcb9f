// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createCycle, createKeyResult, createObjective, snapshot } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import { CheckInDialog } from '../../../client/features/checkin/CheckInForm.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'
import { polyfillDialog } from '../okr/seed.ts'

beforeAll(polyfillDialog)
afterEach(cleanup)

function seed(s: Session) {
  createCycle(s, { id: 'cy', name: 'Q3', startDate: '2026-07-01', endDate: '2026-09-30' })
  createObjective(s, { id: 'o-1', cycleId: 'cy', title: 'Ship it' })
  createKeyResult(s, { id: 'kr-m', objectiveId: 'o-1', title: 'Offline mode in beta', kind: 'milestone', dueDate: '2026-09-01', weight: 100 })
}

describe('check-in dialog', () => {
  it('checks in a milestone as achieved with a confidence, and shows the new progress', () => {
    const onClose = vi.fn()
    const { doc } = renderWithWorkspace(<CheckInDialog keyResultId={'kr-m' as never} open onClose={onClose} />, { seed })
    const dialog = screen.getByRole('dialog', { name: 'Check in: Offline mode in beta' })
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Achieved' }))
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Confidence 9 of 10' }))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Check in' }))
    expect([...snapshot(doc).checkIns.values()]).toMatchObject([{ keyResultId: 'kr-m', value: 1, confidence: 9 }])
    expect(within(dialog).getByRole('status').textContent).toBe('Checked in. Progress 0% → 100%')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Close' }))
    expect(onClose).toHaveBeenCalled()
  })

  it('offers eleven confidence steps with accessible names, one of them chosen', () => {
    renderWithWorkspace(<CheckInDialog keyResultId={'kr-m' as never} open onClose={() => {}} />, { seed })
    const scale = screen.getByRole('radiogroup', { name: /Confidence/ })
    const steps = within(scale).getAllByRole('radio')
    expect(steps.map((s: HTMLElement) => s.getAttribute('aria-label'))).toEqual(Array.from({ length: 11 }, (_, n) => `Confidence ${n} of 10`))
    expect(steps.filter((s: HTMLElement) => s.getAttribute('aria-checked') === 'true')).toHaveLength(1)
  })
})
