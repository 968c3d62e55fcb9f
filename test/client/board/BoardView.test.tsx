// @vitest-environment jsdom
/** The board rendered from a seeded doc: lanes, cards, inline create, roles, WIP limits, keyboard drag. */
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { snapshot, updateColumn } from '../../../shared/doc/index.ts'
import { BoardView } from '../../../client/features/board/BoardView.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'
import { polyfillDialog } from '../okr/seed.ts'
import { NOW, seedBoard } from './seedBoard.ts'

beforeAll(polyfillDialog)
// The board reads the wall clock (useNow): pin the date mid-cycle, keep real timers for dnd-kit.
beforeEach(() => vi.useFakeTimers({ now: NOW, toFake: ['Date'] }))
afterEach(() => {
  cleanup()
  vi.useRealTimers()
})

const view = { cycleId: 'cy' as never }
const cardIn = (cell: string, title: string) => within(screen.getByRole('region', { name: cell })).getByRole('button', { name: new RegExp(`^Task: ${title}`) })
/** The whole card around its title button: meta line, peer ring, menu. */
const wholeCard = (cell: string, title: string) => cardIn(cell, title).closest<HTMLElement>('.card')!

describe('board view', () => {
  it('renders objectives in level order, a lane per key result, the unlinked lane and the cards in their cells', () => {
    renderWithWorkspace(<BoardView />, { seed: seedBoard, view })
    const objectives = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)
    expect(objectives).toEqual(['Become the tool teams love', 'Turn trials into teams', 'Make sync bulletproof'])
    const lane = screen.getByRole('group', { name: 'Key result: Raise activation' })
    expect(within(lane).getByRole('button', { name: 'Raise activation' })).toBeTruthy()
    expect(cardIn('To do · Raise activation', 'Email nudges').getAttribute('aria-label')).toBe('Task: Email nudges, To do')
    expect(cardIn('Doing · Raise activation', 'A/B test pricing')).toBeTruthy()
    expect(cardIn('To do · Unlinked', 'Tidy the backlog')).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Unlinked tasks' })).toBeTruthy()
  })

  it("shows a card's assignee, labels and an overdue due date in words", () => {
    renderWithWorkspace(<BoardView />, { seed: seedBoard, view })
    const card = cardIn('Doing · Raise activation', 'A/B test pricing')
    const whole = wholeCard('Doing · Raise activation', 'A/B test pricing')
    expect(within(whole).getByRole('img', { name: 'Ana Kowalski, assignee' })).toBeTruthy()
    expect(within(whole).getByText('pricing')).toBeTruthy()
    expect(whole.textContent).toContain('overdue')
    expect(card.getAttribute('aria-description')).toMatch(/assigned to Ana Kowalski; due Aug 1, overdue/)
    // The button holds only the title (its name says it all); no control sits inside it.
    expect(card.textContent).toBe('A/B test pricing')
    expect(card.querySelector('button, input, [tabindex]')).toBeNull()
    expect(within(whole).getByRole('button', { name: 'Edit task A/B test pricing' })).toBeTruthy()
  })

  it('moves keyboard focus to a card jumped to from the radar, not just a faint outline', () => {
    const scrolled: Element[] = []
    const original = Element.prototype.scrollIntoView
    // jsdom lays nothing out: record the scroll instead of doing it.
    Element.prototype.scrollIntoView = function scrollIntoView(this: Element) {
      scrolled.push(this)
    }
    try {
      renderWithWorkspace(<BoardView />, { seed: seedBoard, view: { ...view, focusTaskId: 'tk-ab' as never } })
      const card = cardIn('Doing · Raise activation', 'A/B test pricing')
      expect(document.activeElement).toBe(card)
      expect(wholeCard('Doing · Raise activation', 'A/B test pricing').className).toContain('card--focused')
      expect(scrolled).toContain(wholeCard('Doing · Raise activation', 'A/B test pricing'))
    } finally {
      Element.prototype.scrollIntoView = original
    }
  })

  it('adds a task inline at the bottom of a cell with createTask', () => {
    const { doc } = renderWithWorkspace(<BoardView />, { seed: seedBoard, view })
    fireEvent.click(screen.getByRole('button', { name: 'Add task to Doing · Cut onboarding time' }))
    const input = screen.getByRole('textbox', { name: 'New task in Doing · Cut onboarding time' })
    fireEvent.change(input, { target: { value: 'Shorter sign-up form' } })
    fireEvent.keyDown(input, { key: 'Enter' })
    const created = [...snapshot(doc).tasks.values()].find((t) => t.title === 'Shorter sign-up form')
    expect(created?.placement).toMatchObject({ columnId: 'doing', keyResultId: 'kr-onboarding' })
    expect(cardIn('Doing · Cut onboarding time', 'Shorter sign-up form')).toBeTruthy()
  })

  it('shows the refusal of a command inline instead of crashing (a KR in a published cycle needs a reason)', async () => {
    renderWithWorkspace(<BoardView />, { seed: seedBoard, view })
    fireEvent.click(screen.getByRole('button', { name: 'Add key result to Make sync bulletproof' }))
    // The form loads when first opened.
    const form = await screen.findByRole('form', { name: 'New key result for Make sync bulletproof' }, { timeout: 10_000 })
    fireEvent.change(within(form).getByLabelText('Key result'), { target: { value: 'Zero data loss' } })
    fireEvent.click(within(form).getByRole('button', { name: 'Add key result' }))
    expect(within(form).getByRole('alert').textContent).toMatch(/reason/i)
  })

  it("rings a card someone else is editing or dragging, with their name", () => {
    const { addPeer } = renderWithWorkspace(<BoardView />, { seed: seedBoard, view })
    act(() => {
      addPeer({ name: 'Leo Martins', color: '#46a758' }, { kind: 'editing', target: 'task:tk-email' })
      addPeer({ name: 'Ana Kowalski', color: '#e5484d' }, { kind: 'dragging', taskId: 'tk-ab' })
    })
    expect(wholeCard('To do · Raise activation', 'Email nudges').textContent).toContain('Leo Martins is editing')
    expect(wholeCard('Doing · Raise activation', 'A/B test pricing').textContent).toContain('Ana Kowalski is moving this')
    expect(wholeCard('To do · Raise activation', 'Product tour').querySelector('.card__peer')).toBeNull()
  })

  it('edits a card from its menu: assignee and labels in one update, then deletes it after confirming', async () => {
    const { doc } = renderWithWorkspace(<BoardView />, { seed: seedBoard, view })
    fireEvent.click(screen.getByRole('button', { name: 'Edit task Email nudges' }))
    // The card menu is a lazy chunk (with the card's activity): its first import can take over findByRole's default second on a busy machine.
    const dialog = await screen.findByRole('dialog', { name: 'Edit task' }, { timeout: 10_000 })
    fireEvent.change(within(dialog).getByLabelText('Assignee'), { target: { value: 'p-leo' } })
    fireEvent.change(within(dialog).getByLabelText('Labels'), { target: { value: 'email, growth' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(snapshot(doc).tasks.get('tk-email' as never)).toMatchObject({ assigneeId: 'p-leo', labels: ['email', 'growth'] })
    fireEvent.click(screen.getByRole('button', { name: 'Edit task Email nudges' }))
    const again = screen.getByRole('dialog', { name: 'Edit task' })
    fireEvent.click(within(again).getByRole('button', { name: 'Delete task' }))
    fireEvent.click(within(again).getByRole('button', { name: 'Yes, delete' }))
    expect(snapshot(doc).tasks.has('tk-email' as never)).toBe(false)
  })

  it('gives viewers no edit affordances and no dragging', () => {
    renderWithWorkspace(<BoardView />, { seed: seedBoard, view, role: 'viewer' })
    expect(screen.queryByRole('button', { name: /^Add task/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /^Add key result/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /^Check in/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /^Edit task/ })).toBeNull()
    expect(screen.queryByRole('button', { name: /^Column settings/ })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Add column' })).toBeNull()
    expect(cardIn('To do · Raise activation', 'Email nudges').getAttribute('aria-disabled')).toBe('true')
  })

  it('flags a column over its WIP limit in words', () => {
    const { session } = renderWithWorkspace(<BoardView />, { seed: seedBoard, view })
    act(() => updateColumn(session, 'todo' as never, { wipLimit: 2 }))
    const header = screen.getByText('Over limit').closest('.col-head') as HTMLElement
    expect(header.textContent).toContain('3 / 2')
    expect(within(header).getByText('3 cards, WIP limit 2, over the limit')).toBeTruthy()
  })

  it('moves a card to the next column with the keyboard: space, arrow right, space', async () => {
    // jsdom lays nothing out: give every element its own rect, so a keyboard move changes coordinates.
    const seen = new WeakMap<Element, number>()
    let count = 0
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
      if (!seen.has(this)) seen.set(this, ++count)
      const n = (seen.get(this) ?? 0) * 10
      return { x: n, y: n, top: n, left: n, width: 100, height: 8, right: n + 100, bottom: n + 8, toJSON: () => ({}) } as DOMRect
    })
    const { doc } = renderWithWorkspace(<BoardView />, { seed: seedBoard, view })
    const card = cardIn('To do · Raise activation', 'Product tour')
    // dnd-kit listens for the keys after activation on a timer: let it run between presses.
    const press = async (target: Element | Document, code: string) =>
      act(async () => {
        fireEvent.keyDown(target, { code, key: code === 'Space' ? ' ' : code })
        await new Promise((resolve) => setTimeout(resolve, 10))
      })
    card.focus()
    await press(card, 'Space')
    await press(document, 'ArrowRight')
    await press(document, 'Space')
    expect(snapshot(doc).tasks.get('tk-tour' as never)?.placement).toMatchObject({ columnId: 'doing', keyResultId: 'kr-activation' })
    // It was second in To do; Doing holds one card, so it goes to the end there.
    expect(within(screen.getByRole('region', { name: 'Doing · Raise activation' })).getAllByRole('button', { name: /^Task: / }).map((b) => b.getAttribute('aria-label'))).toEqual([
      'Task: A/B test pricing, Doing',
      'Task: Product tour, Doing',
    ])
    vi.restoreAllMocks()
  })
})
