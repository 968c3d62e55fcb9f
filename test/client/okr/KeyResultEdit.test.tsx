// @vitest-environment jsdom
import { cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { publishCycle, snapshot } from '../../../shared/doc/index.ts'
import { OkrTreeView } from '../../../client/features/okr/OkrTreeView.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'
import { draftTree, polyfillDialog } from './seed.ts'

beforeAll(polyfillDialog)
afterEach(cleanup)

const editTarget = () => {
  fireEvent.click(screen.getByRole('button', { name: 'Edit key result: Grow weekly active teams' }))
  const dialog = screen.getByRole('dialog', { name: 'Edit key result' })
  fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Target' }), { target: { value: '250' } })
  fireEvent.click(within(dialog).getByRole('button', { name: 'Save key result' }))
}

describe('editing key results', () => {
  it('asks for a reason after publishing, then saves the change and logs it', () => {
    const { doc } = renderWithWorkspace(<OkrTreeView />, { seed: (s) => (draftTree(s), publishCycle(s, 'cy' as never)) })
    editTarget()
    expect(snapshot(doc).keyResults.get('kr-teams' as never)?.target).toBe(300)
    const ask = screen.getByRole('dialog', { name: 'Why does this key result change?' })
    fireEvent.change(within(ask).getByRole('textbox', { name: 'Reason' }), { target: { value: 'Launch moved to next quarter' } })
    fireEvent.click(within(ask).getByRole('button', { name: 'Save with reason' }))
    expect(snapshot(doc).keyResults.get('kr-teams' as never)?.target).toBe(250)
    expect([...snapshot(doc).changeLog.values()]).toMatchObject([{ keyResultId: 'kr-teams', field: 'target', from: 300, to: 250, reason: 'Launch moved to next quarter' }])
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('changes nothing when the reason is cancelled', () => {
    const { doc } = renderWithWorkspace(<OkrTreeView />, { seed: (s) => (draftTree(s), publishCycle(s, 'cy' as never)) })
    editTarget()
    const ask = screen.getByRole('dialog', { name: 'Why does this key result change?' })
    fireEvent.click(within(ask).getByRole('button', { name: 'Cancel' }))
    expect(snapshot(doc).keyResults.get('kr-teams' as never)?.target).toBe(300)
    expect(snapshot(doc).changeLog.size).toBe(0)
    expect(screen.getByRole('dialog', { name: 'Edit key result' })).toBeTruthy()
  })

  it('saves a draft key result without asking', () => {
    const { doc } = renderWithWorkspace(<OkrTreeView />, { seed: draftTree })
    editTarget()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(snapshot(doc).keyResults.get('kr-teams' as never)?.target).toBe(250)
  })

  it('adds a range key result with its kind-specific fields, and refuses a range upside down', () => {
    const { doc } = renderWithWorkspace(<OkrTreeView />, { seed: draftTree })
    const card = screen.getByRole('article', { name: 'Make sync bulletproof' })
    fireEvent.click(within(card).getByRole('button', { name: 'Add key result to Make sync bulletproof' }))
    const dialog = screen.getByRole('dialog', { name: 'Add key result' })
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Key result' }), { target: { value: 'Keep sync time in range' } })
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Kind' }), { target: { value: 'range' } })
    expect(within(dialog).queryByRole('spinbutton', { name: 'Target' })).toBeNull()
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Low end' }), { target: { value: '90' } })
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'High end' }), { target: { value: '60' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add key result' }))
    expect(within(dialog).getByRole('alert').textContent).toBe('High end of the range must not be below low end of the range.')
    fireEvent.change(within(dialog).getByRole('spinbutton', { name: 'Low end' }), { target: { value: '30' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add key result' }))
    const added = [...snapshot(doc).keyResults.values()].find((k) => k.title === 'Keep sync time in range')
    expect(added).toMatchObject({ kind: 'range', rangeLow: 30, rangeHigh: 60, target: null, objectiveId: 'o-sync' })
  })
})
