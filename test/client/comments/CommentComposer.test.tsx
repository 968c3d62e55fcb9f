// @vitest-environment jsdom
/** The @ picker from the keyboard: it filters as I type, arrows move, Enter picks, Escape closes; the body stores the id. */
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createPerson } from '../../../shared/doc/index.ts'
import { CommentComposer } from '../../../client/features/comments/CommentComposer.tsx'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

afterEach(cleanup)

const seed = (s: Parameters<typeof createPerson>[0]) => {
  createPerson(s, { id: 'p-ben', name: 'Ben Ng' })
  createPerson(s, { id: 'p-bea', name: 'Bea Adams' })
  createPerson(s, { id: 'p-cy', name: 'Cy' })
}

function type(box: HTMLTextAreaElement, value: string) {
  fireEvent.change(box, { target: { value } })
  box.setSelectionRange(value.length, value.length)
  fireEvent.select(box)
}

describe('comment box', () => {
  it('picks a person with arrows and Enter, and sends their id', () => {
    const onSubmit = vi.fn(() => true)
    renderWithWorkspace(<CommentComposer label="Comment" submitLabel="Send" onSubmit={onSubmit} />, { seed })
    const box = screen.getByRole('combobox', { name: 'Comment' }) as HTMLTextAreaElement
    type(box, 'Hi @b')
    const list = screen.getByRole('listbox', { name: 'People to mention' })
    expect(box.getAttribute('aria-expanded')).toBe('true')
    expect([...list.querySelectorAll('[role=option]')].map((o) => o.textContent)).toEqual(['Bea Adams', 'Ben Ng'])
    expect(screen.getByRole('option', { name: 'Bea Adams' }).getAttribute('aria-selected')).toBe('true')
    fireEvent.keyDown(box, { key: 'ArrowDown' })
    expect(box.getAttribute('aria-activedescendant')).toBe(screen.getByRole('option', { name: 'Ben Ng' }).id)
    fireEvent.keyDown(box, { key: 'Enter' })
    expect(box.value).toBe('Hi @Ben Ng ')
    expect(screen.queryByRole('listbox')).toBeNull()
    type(box, 'Hi @Ben Ng thanks')
    expect(screen.queryByRole('listbox')).toBeNull()
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true })
    expect(onSubmit).toHaveBeenCalledWith('Hi @[p-ben] thanks')
    expect(box.value).toBe('')
  })

  it('filters as I type and closes on Escape without sending', () => {
    const onSubmit = vi.fn(() => true)
    renderWithWorkspace(<CommentComposer label="Comment" submitLabel="Send" onSubmit={onSubmit} />, { seed })
    const box = screen.getByRole('combobox', { name: 'Comment' }) as HTMLTextAreaElement
    type(box, '@')
    expect(screen.getAllByRole('option')).toHaveLength(3)
    type(box, '@c')
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Cy'])
    fireEvent.keyDown(box, { key: 'Escape' })
    expect(screen.queryByRole('listbox')).toBeNull()
    expect(box.getAttribute('aria-expanded')).toBe('false')
    expect(onSubmit).not.toHaveBeenCalled()
    // Typed by hand, a name is text, not a mention.
    fireEvent.keyDown(box, { key: 'Enter', ctrlKey: true })
    expect(onSubmit).toHaveBeenCalledWith('@c')
  })
})
