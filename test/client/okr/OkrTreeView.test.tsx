// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { publishCycle, snapshot, updateKeyResult } from '../../../shared/doc/index.ts'
import { OkrTreeView } from '../../../client/features/okr/OkrTreeView.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'
import { draftTree, polyfillDialog } from './seed.ts'

beforeAll(polyfillDialog)
afterEach(cleanup)

const objective = (title: string) => screen.getByRole('article', { name: title })

describe('OKR tree', () => {
  it('nests children under their parent objective and under the parent key result they take on', () => {
    renderWithWorkspace(<OkrTreeView />, { seed: draftTree })
    const company = screen.getByRole('region', { name: 'Company objectives' })
    const underCompany = within(company).getByRole('list', { name: 'Aligned to Become the tool teams love' })
    expect(within(underCompany).getByRole('article', { name: 'Make drafting effortless' })).toBeTruthy()
    const underTeam = within(underCompany).getByRole('list', { name: 'Aligned to Make drafting effortless' })
    expect(within(underTeam).getByRole('article', { name: 'Make sync bulletproof' })).toBeTruthy()
    const viaKr = within(underCompany).getByRole('list', { name: 'Aligned to key result: Grow weekly active teams' })
    expect(within(viaKr).getByRole('article', { name: 'Turn trials into teams' })).toBeTruthy()
    // An unaligned objective is a root at its own level, not inside the company tree.
    expect(within(company).queryByRole('article', { name: 'Redesign first run' })).toBeNull()
    const individuals = screen.getByRole('region', { name: 'Individual objectives' })
    expect(within(individuals).getByRole('article', { name: 'Redesign first run' })).toBeTruthy()
  })

  it('[L6] shows each team’s bottom-up share with a hint below 50%', () => {
    renderWithWorkspace(<OkrTreeView />, { seed: draftTree })
    const product = screen.getByRole('listitem', { name: 'Product: 2 of 2 objectives bottom-up' })
    expect(within(product).getByText('100%')).toBeTruthy()
    expect(within(product).queryByRole('note')).toBeNull()
    const growth = screen.getByRole('listitem', { name: 'Growth: 0 of 2 objectives bottom-up' })
    expect(within(growth).getByRole('note').textContent).toMatch(/Only 0% of Growth's objectives .* are bottom-up \(0 of 2\)/)
  })

  it('[L3] shows the weights hint on the objective and in the summary, live as weights change', () => {
    const { session } = renderWithWorkspace(<OkrTreeView />, { seed: draftTree })
    const hint = 'Key-result weights sum to 90%, not 100%.'
    expect(within(objective('Become the tool teams love')).getByText(hint)).toBeTruthy()
    expect(screen.getAllByText(hint)).toHaveLength(2)
    act(() => updateKeyResult(session, 'kr-churn' as never, { weight: 40 }))
    expect(screen.queryByText(hint)).toBeNull()
  })

  it('co-types a title: an input is written as the edit it was, and shows who else is typing there', () => {
    const { doc, addPeer } = renderWithWorkspace(<OkrTreeView />, { seed: draftTree })
    const title = within(objective('Make sync bulletproof')).getByRole('textbox', { name: 'Objective title' })
    fireEvent.focus(title)
    fireEvent.input(title, { target: { value: 'Make sync unbreakable' } })
    expect(snapshot(doc).objectives.get('o-sync' as never)?.title).toBe('Make sync unbreakable')
    act(() => void addPeer({ name: 'Ana Kowalski', color: '#e5484d' }, { kind: 'editing', target: 'objective:o-sync:title' }))
    const card = objective('Make sync unbreakable')
    expect(within(card).getByText('Ana Kowalski')).toBeTruthy()
    expect(within(card).getByText('is typing')).toBeTruthy()
  })

  it('shares an emptied title as typed (retyping must not fight the others) and says it needs one', () => {
    const { doc } = renderWithWorkspace(<OkrTreeView />, { seed: draftTree })
    const title = within(objective('Make sync bulletproof')).getByRole('textbox', { name: 'Objective title' })
    fireEvent.input(title, { target: { value: '' } })
    expect(screen.getByRole('alert').textContent).toBe('A title is needed: others see it empty until you type one.')
    expect(snapshot(doc).objectives.get('o-sync' as never)?.title).toBe('')
  })

  it('adds an objective aligned to a parent key result', () => {
    const { doc } = renderWithWorkspace(<OkrTreeView />, { seed: draftTree })
    fireEvent.click(screen.getByRole('button', { name: 'Add objective' }))
    const dialog = screen.getByRole('dialog', { name: 'Add objective' })
    fireEvent.change(within(dialog).getByRole('textbox', { name: 'Objective' }), { target: { value: 'Cut churn in onboarding' } })
    fireEvent.change(within(dialog).getByRole('combobox', { name: 'Aligned to' }), { target: { value: 'keyResult:kr-churn' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add objective' }))
    const added = [...snapshot(doc).objectives.values()].find((o) => o.title === 'Cut churn in onboarding')
    expect(added?.alignment).toEqual({ kind: 'keyResult', id: 'kr-churn' })
    expect(within(screen.getByRole('list', { name: 'Aligned to key result: Keep churn low' })).getByRole('article', { name: 'Cut churn in onboarding' })).toBeTruthy()
  })

  it('fixes objectives once the cycle is published', () => {
    renderWithWorkspace(<OkrTreeView />, { seed: (s) => (draftTree(s), publishCycle(s, 'cy' as never)) })
    expect((screen.getByRole('button', { name: 'Add objective' }) as HTMLButtonElement).disabled).toBe(true)
    const title = within(objective('Make sync bulletproof')).getByRole('textbox', { name: 'Objective title' }) as HTMLInputElement
    expect(title.disabled).toBe(true)
  })

  it('applies the view filters, keeping a non-matching parent faded for its alignment', () => {
    renderWithWorkspace(<OkrTreeView />, { seed: draftTree, view: { filters: { teamId: 't-growth' as never, ownerId: null, level: null } } })
    expect(screen.getByRole('status').textContent).toMatch(/^2 of 5 objectives match the filters/)
    expect(objective('Turn trials into teams')).toBeTruthy()
    expect(objective('Redesign first run')).toBeTruthy()
    expect(objective('Become the tool teams love').className).toContain('okr-card--context')
    expect(screen.queryByRole('article', { name: 'Make drafting effortless' })).toBeNull()
  })

  it('shows titles as text to viewers, without editing controls', () => {
    renderWithWorkspace(<OkrTreeView />, { seed: draftTree, role: 'viewer' })
    expect(screen.queryByRole('textbox')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Add objective' })).toBeNull()
    expect(screen.getByRole('heading', { name: 'Make sync bulletproof' })).toBeTruthy()
  })
})
