// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { addComment, checkIn, createCycle, createKeyResult, createObjective, publishCycle, snapshot } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import { DAY_MS } from '../../../shared/rules/index.ts'
import { KeyResultPanel } from '../../../client/features/krpanel/KeyResultPanel.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'
import { iso, polyfillDialog } from '../okr/seed.ts'

beforeAll(polyfillDialog)
afterEach(cleanup)

const NOW = Date.now()

/** A published cycle around now with one increase KR (10 -> 50 visitors) and three check-ins. */
function seed(s: Session) {
  createCycle(s, { id: 'cy', name: 'Q now', startDate: iso(NOW - 40 * DAY_MS), endDate: iso(NOW + 50 * DAY_MS) })
  createObjective(s, { id: 'o-1', cycleId: 'cy', title: 'Grow the audience', level: 'company' })
  createKeyResult(s, { id: 'kr-1', objectiveId: 'o-1', title: 'Grow weekly visitors', kind: 'increase', start: 10, target: 50, unit: 'visitors', weight: 100 })
  publishCycle(s, 'cy' as never)
  checkIn(s, { keyResultId: 'kr-1', value: 14, confidence: 7, at: NOW - 20 * DAY_MS })
  checkIn(s, { keyResultId: 'kr-1', value: 18, confidence: 6, at: NOW - 10 * DAY_MS, note: 'Newsletter helped' })
  checkIn(s, { keyResultId: 'kr-1', value: 20, confidence: 6, at: NOW - 3 * DAY_MS })
  addComment(s, { target: { kind: 'keyResult', id: 'kr-1' }, body: 'Can we try a referral push?' })
}

const open = { view: { keyResultId: 'kr-1' as never } }

describe('key result panel', () => {
  it('renders nothing while no key result is open', () => {
    const { container } = renderWithWorkspace(<KeyResultPanel />, { seed })
    expect(container.innerHTML).toBe('')
  })

  it('co-types the key result title: an input is shared as the edit it was, a trailing space kept', () => {
    const { doc } = renderWithWorkspace(<KeyResultPanel />, { seed, ...open })
    const title = screen.getByRole('textbox', { name: 'Key result title' })
    expect((title as HTMLTextAreaElement).value).toBe('Grow weekly visitors')
    fireEvent.input(title, { target: { value: 'Grow weekly visitors ' } })
    expect(snapshot(doc).keyResults.get('kr-1' as never)?.title).toBe('Grow weekly visitors ')
  })

  it('is a complementary region named after the key result, with its facts, history and comments', async () => {
    renderWithWorkspace(<KeyResultPanel />, { seed, ...open })
    const panel = screen.getByRole('complementary', { name: 'Key result: Grow weekly visitors' })
    expect(within(panel).getByText('Increase to a target')).toBeTruthy()
    expect(within(panel).getByText('10 visitors → 50 visitors')).toBeTruthy()
    expect(within(panel).getByText('25%')).toBeTruthy()
    const chart = within(panel).getByRole('img', { name: /3 check-ins, from 14 visitors on .* to 20 visitors on .*Expected by now: .*target 50 visitors/ })
    expect(chart.querySelectorAll('circle')).toHaveLength(3)
    const history = within(panel).getByRole('list', { name: 'Latest check-ins' })
    expect(within(history).getAllByRole('listitem')).toHaveLength(3)
    expect(within(history).getByText('Newsletter helped')).toBeTruthy()
    // The thread loads lazily.
    expect(await within(panel).findByText('Can we try a referral push?', {}, { timeout: 10_000 })).toBeTruthy()
  })

  it('focuses the check-in value when it opens, so the board’s "Check in" is two clicks', () => {
    renderWithWorkspace(<KeyResultPanel />, { seed, ...open })
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Current value (visitors)' }))
  })

  it('checks in and shows the new progress right after', () => {
    const { doc } = renderWithWorkspace(<KeyResultPanel />, { seed, ...open })
    fireEvent.change(screen.getByRole('textbox', { name: 'Current value (visitors)' }), { target: { value: '30' } })
    fireEvent.click(screen.getByRole('radio', { name: 'Confidence 8 of 10' }))
    fireEvent.change(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Referral push worked' } })
    fireEvent.click(screen.getByRole('button', { name: 'Check in' }))
    const latest = [...snapshot(doc).checkIns.values()].sort((a, b) => a.at - b.at).at(-1)
    expect(latest).toMatchObject({ keyResultId: 'kr-1', value: 30, confidence: 8, note: 'Referral push worked' })
    // Announced: the result line is a status (the panel has others, e.g. "Copy link"'s).
    expect(screen.getByText('Checked in. Progress 25% → 50%').getAttribute('role')).toBe('status')
    expect(screen.getByText('50%')).toBeTruthy()
    expect(screen.getByRole('img', { name: /4 check-ins/ })).toBeTruthy()
  })

  it('refuses a value that is not a number, with a message, and records nothing', () => {
    const { doc } = renderWithWorkspace(<KeyResultPanel />, { seed, ...open })
    fireEvent.change(screen.getByRole('textbox', { name: 'Current value (visitors)' }), { target: { value: 'lots' } })
    fireEvent.click(screen.getByRole('button', { name: 'Check in' }))
    expect(screen.getByRole('alert').textContent).toMatch(/Enter the current value as a number/)
    expect(snapshot(doc).checkIns.size).toBe(3)
  })

  it('adds a comment and closes', async () => {
    const { doc } = renderWithWorkspace(<KeyResultPanel />, { seed, ...open })
    fireEvent.change(await screen.findByRole('combobox', { name: 'Comment on Grow weekly visitors' }, { timeout: 10_000 }), { target: { value: 'On it' } })
    fireEvent.click(screen.getByRole('button', { name: 'Comment' }))
    expect([...snapshot(doc).comments.values()].map((c) => c.body)).toContain('On it')
    expect(screen.getByText('On it')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Close key result panel' }))
    expect(screen.queryByRole('complementary')).toBeNull()
  })

  it('scores the key result once the cycle is published', () => {
    const { doc } = renderWithWorkspace(<KeyResultPanel />, { seed, ...open })
    fireEvent.change(screen.getByRole('textbox', { name: 'Lead score (0–1)' }), { target: { value: '0.65' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save scores' }))
    expect(snapshot(doc).scores.get('kr-1' as never)?.leadScore).toBe(0.65)
    expect(screen.getByRole('img', { name: /Score 0.65 \(lead score\), Stretch/ })).toBeTruthy()
  })
})

describe('key result panel: Copy link', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('copies the key result\'s link: no token, no filters, and says so', async () => {
    const writeText = vi.fn(async (_text: string) => undefined)
    vi.stubGlobal('navigator', { ...navigator, clipboard: { writeText } })
    renderWithWorkspace(<KeyResultPanel />, { seed, view: { keyResultId: 'kr-1' as never, filters: { teamId: 't-1' as never, ownerId: null, level: null } } })
    fireEvent.click(screen.getByRole('button', { name: 'Copy link to this key result' }))
    await waitFor(() => expect(screen.getByText('Link copied').getAttribute('role')).toBe('status'))
    expect(writeText).toHaveBeenCalledWith(`${location.origin}/w/ws-test/kr/kr-1`)
  })

  it('shows the link, selected, where the page may not write the clipboard', async () => {
    vi.stubGlobal('navigator', { ...navigator, clipboard: undefined })
    renderWithWorkspace(<KeyResultPanel />, { seed, ...open })
    fireEvent.click(screen.getByRole('button', { name: 'Copy link to this key result' }))
    const field = await screen.findByRole('textbox', { name: 'Link: press Ctrl+C to copy it' })
    expect((field as HTMLInputElement).value).toBe(`${location.origin}/w/ws-test/kr/kr-1`)
    expect(document.activeElement).toBe(field)
  })
})
