// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createCycle, createKeyResult, createObjective, publishCycle, snapshot } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import type { KeyResultId } from '../../../shared/model/index.ts'
import { KeyboardOverlays } from '../../../client/features/palette/index.ts'
import { currentOverlay } from '../../../client/features/palette/paletteStore.ts'
import { useView } from '../../../client/hooks/useView.ts'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

afterEach(cleanup)

let krId: KeyResultId
function seed(s: Session) {
  const cycleId = createCycle(s, { name: 'Now', startDate: '2020-01-01', endDate: '2099-12-31' })
  const objectiveId = createObjective(s, { cycleId, title: 'Delight new customers' })
  krId = createKeyResult(s, { objectiveId, title: 'Raise activation to 40%', start: 20, target: 40, weight: 60 })
  createKeyResult(s, { objectiveId, title: 'Cut churn below 3%', start: 5, target: 3, weight: 40 })
  publishCycle(s, cycleId)
}

/** Shows the view state so tests can read what a choice did. */
function ViewProbe() {
  const v = useView()
  return <output data-testid="view">{JSON.stringify({ view: v.view, kr: v.keyResultId, task: v.focusTaskId })}</output>
}
const viewState = () => JSON.parse(screen.getByTestId('view').textContent!) as { view: string; kr: string | null; task: string | null }

function setup() {
  return renderWithWorkspace(
    <>
      <input aria-label="Some field" />
      <ViewProbe />
      <KeyboardOverlays />
    </>,
    { seed },
  )
}

/** Sends a keydown; true when nothing took it (not default-prevented). */
const press = (init: KeyboardEventInit, target: EventTarget = document.body) => {
  let free = true
  act(() => {
    free = target.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init }))
  })
  return free
}
const combobox = () => screen.getByRole('combobox', { name: /^Find an objective/ })
/** The palette and the shortcuts list load on first use: wait for them. */
const shown = (role: string, name: string | RegExp) => screen.findByRole(role, { name })
const openPalette = async (init: KeyboardEventInit = { key: 'k', ctrlKey: true }, target?: EventTarget) => {
  press(init, target)
  return shown('combobox', /^Find an objective/)
}
const options = () => within(screen.getByRole('listbox')).getAllByRole('option')
const selected = () => options().find((o) => o.getAttribute('aria-selected') === 'true')

describe('command palette', () => {
  it('opens with Ctrl+K and Cmd+K, and lists the commands before anything is typed', async () => {
    setup()
    expect(screen.queryByRole('combobox')).toBeNull()
    await openPalette()
    expect(options().map((o) => o.textContent)).toContain('Go to OKRsCommand')
    press({ key: 'k', ctrlKey: true })
    expect(screen.queryByRole('combobox')).toBeNull()
    await openPalette({ key: 'k', metaKey: true })
  })

  it('filters as I type and moves the active option with the arrow keys (aria-activedescendant)', async () => {
    setup()
    await openPalette()
    fireEvent.change(combobox(), { target: { value: 'rais' } })
    expect(options().map((o) => o.querySelector('.palette__title')!.textContent)).toEqual(['Raise activation to 40%'])
    fireEvent.change(combobox(), { target: { value: 'a' } })
    const first = selected()!
    expect(combobox().getAttribute('aria-activedescendant')).toBe(first.id)
    fireEvent.keyDown(combobox(), { key: 'ArrowDown' })
    expect(selected()).toBe(options()[1])
    expect(combobox().getAttribute('aria-activedescendant')).toBe(options()[1]!.id)
    fireEvent.keyDown(combobox(), { key: 'ArrowUp' })
    fireEvent.keyDown(combobox(), { key: 'ArrowUp' })
    expect(selected()).toBe(options().at(-1))
  })

  it('Enter on a key result opens its panel and closes the palette', async () => {
    setup()
    await openPalette()
    fireEvent.change(combobox(), { target: { value: 'activation' } })
    fireEvent.keyDown(combobox(), { key: 'Enter' })
    expect(screen.queryByRole('combobox')).toBeNull()
    expect(viewState()).toMatchObject({ view: 'board', kr: krId })
  })

  it('runs a command: "Go to Stall radar"', async () => {
    setup()
    await openPalette()
    fireEvent.change(combobox(), { target: { value: 'stall rad' } })
    fireEvent.keyDown(combobox(), { key: 'Enter' })
    expect(viewState().view).toBe('radar')
  })

  it('"New task under" the open key result asks for a title, creates the card there and focuses it', async () => {
    const { doc } = setup()
    await openPalette()
    fireEvent.change(combobox(), { target: { value: 'activation' } })
    fireEvent.keyDown(combobox(), { key: 'Enter' })
    await openPalette()
    fireEvent.change(combobox(), { target: { value: 'new task' } })
    fireEvent.keyDown(combobox(), { key: 'Enter' })
    const field = await shown('textbox', 'Title of the new task under Raise activation to 40%')
    fireEvent.change(field, { target: { value: 'Email trial users' } })
    fireEvent.submit(field)
    const task = [...snapshot(doc).tasks.values()].find((t) => t.title === 'Email trial users')!
    expect(task.placement.keyResultId).toBe(krId)
    expect(viewState()).toMatchObject({ view: 'board', task: task.id })
    expect(screen.queryByRole('dialog')).toBeNull()
  })

  it('"?" lists the shortcuts, but not while typing in a field; Ctrl+K works from a field', async () => {
    setup()
    const field = screen.getByRole('textbox', { name: 'Some field' })
    expect(press({ key: '?' }, field)).toBe(true)
    expect(currentOverlay()).toBe('none')
    press({ key: '?' })
    await shown('dialog', 'Keyboard shortcuts')
    fireEvent.click(screen.getByRole('button', { name: 'Close' }))
    expect(screen.queryByRole('dialog')).toBeNull()
    await openPalette({ key: 'k', ctrlKey: true }, field)
  })
})
