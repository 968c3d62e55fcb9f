// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createCycle, snapshot } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import { CyclePicker } from '../../../client/features/cycle/CyclePicker.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

afterEach(cleanup)

const twoCycles = (s: Session) => {
  createCycle(s, { id: 'c-q1', name: 'Q1 2026', startDate: '2026-01-01', endDate: '2026-03-31' })
  createCycle(s, { id: 'c-q2', name: 'Q2 2026', startDate: '2026-04-01', endDate: '2026-06-30' })
}

describe('cycle picker', () => {
  it('lists the cycles newest first and shows the status of the one in view', () => {
    renderWithWorkspace(<CyclePicker />, { seed: twoCycles })
    const select = screen.getByRole('combobox', { name: 'Cycle' }) as HTMLSelectElement
    expect([...select.options].map((o) => o.text)).toEqual(['Q2 2026', 'Q1 2026'])
    expect(select.value).toBe('c-q2')
    expect(screen.getByText('Draft')).toBeTruthy()
    fireEvent.change(select, { target: { value: 'c-q1' } })
    expect(select.value).toBe('c-q1')
  })

  it('publishes the cycle after a confirmation, then offers to close it', () => {
    const { doc } = renderWithWorkspace(<CyclePicker />, { seed: twoCycles })
    fireEvent.click(screen.getByRole('button', { name: 'Publish cycle' }))
    const dialog = screen.getByRole('dialog', { name: 'Publish Q2 2026?' })
    expect(snapshot(doc).cycles.get('c-q2' as never)?.status).toBe('draft')
    fireEvent.click(within(dialog).getByRole('button', { name: 'Publish cycle' }))
    expect(snapshot(doc).cycles.get('c-q2' as never)?.status).toBe('published')
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByText('Published')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Close cycle' })).toBeTruthy()
  })

  it('cancelling the confirmation changes nothing', () => {
    const { doc } = renderWithWorkspace(<CyclePicker />, { seed: twoCycles })
    fireEvent.click(screen.getByRole('button', { name: 'Publish cycle' }))
    fireEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }))
    expect(snapshot(doc).cycles.get('c-q2' as never)?.status).toBe('draft')
  })

  it('creates a new draft cycle after the latest one and shows it', async () => {
    const { doc } = renderWithWorkspace(<CyclePicker />, { seed: twoCycles })
    fireEvent.click(screen.getByRole('button', { name: 'New cycle' }))
    const dialog = await screen.findByRole('dialog', { name: 'New cycle' })
    expect((within(dialog).getByRole('textbox', { name: 'Name' }) as HTMLInputElement).value).toMatch(/^Q\d \d{4}$/)
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Name' }), { target: { value: 'Autumn push' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create cycle' }))
    const created = [...snapshot(doc).cycles.values()].find((c) => c.name === 'Autumn push')
    expect(created?.status).toBe('draft')
    expect(created!.startDate > '2026-06-30').toBe(true)
    expect((screen.getByRole('combobox', { name: 'Cycle' }) as HTMLSelectElement).value).toBe(created!.id)
  })

  it('gives viewers the picker but no cycle actions', () => {
    renderWithWorkspace(<CyclePicker />, { seed: twoCycles, role: 'viewer' })
    expect(screen.getByRole('combobox', { name: 'Cycle' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Publish cycle' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'New cycle' })).toBeNull()
  })
})
