// @vitest-environment jsdom
import { act, cleanup, fireEvent, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { createTeam, snapshot } from '../../../shared/doc/index.ts'
import { UndoRedo } from '../../../client/features/shell/UndoRedo.tsx'
import { isTextEditing, shortcutAction, useUndoShortcuts } from '../../../client/features/shell/useUndoShortcuts.ts'
import { useWorkspace } from '../../../client/hooks/useWorkspace.ts'
import { renderWithWorkspace } from '../helpers/fakeWorkspace.tsx'

afterEach(cleanup)

function Harness() {
  const { undo, canEdit } = useWorkspace()
  useUndoShortcuts(undo, canEdit)
  return (
    <>
      <UndoRedo />
      <input aria-label="Title" />
      <textarea aria-label="Notes" />
      <input type="checkbox" aria-label="Done" />
    </>
  )
}

const ctrl = (key: string, extra: Partial<KeyboardEventInit> = {}) => ({ key, ctrlKey: true, ...extra })

describe('undo shortcuts', () => {
  it('maps Ctrl/Cmd+Z to undo, Shift+Ctrl/Cmd+Z and Ctrl+Y to redo', () => {
    expect(shortcutAction({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false })).toBe('undo')
    expect(shortcutAction({ key: 'z', ctrlKey: false, metaKey: true, shiftKey: false, altKey: false })).toBe('undo')
    expect(shortcutAction({ key: 'Z', ctrlKey: true, metaKey: false, shiftKey: true, altKey: false })).toBe('redo')
    expect(shortcutAction({ key: 'y', ctrlKey: true, metaKey: false, shiftKey: false, altKey: false })).toBe('redo')
    expect(shortcutAction({ key: 'z', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false })).toBeNull()
    expect(shortcutAction({ key: 'z', ctrlKey: true, metaKey: false, shiftKey: false, altKey: true })).toBeNull()
  })

  it('Ctrl+Z undoes my last change and Ctrl+Y / Shift+Ctrl+Z redo it', () => {
    const { session, doc } = renderWithWorkspace(<Harness />)
    const teams = () => snapshot(doc).teams.size
    act(() => void createTeam(session, { name: 'Growth' }))
    expect(teams()).toBe(1)
    fireEvent.keyDown(document.body, ctrl('z'))
    expect(teams()).toBe(0)
    fireEvent.keyDown(document.body, ctrl('y'))
    expect(teams()).toBe(1)
    fireEvent.keyDown(document.body, ctrl('z'))
    fireEvent.keyDown(document.body, ctrl('Z', { shiftKey: true }))
    expect(teams()).toBe(1)
  })

  it('leaves Ctrl+Z to the browser inside text fields, but not on a checkbox', () => {
    const { session, doc } = renderWithWorkspace(<Harness />)
    act(() => void createTeam(session, { name: 'Growth' }))
    const title = screen.getByRole('textbox', { name: 'Title' })
    const native = fireEvent.keyDown(title, ctrl('z'))
    expect(native).toBe(true) // not prevented: native text undo runs
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Notes' }), ctrl('z'))
    expect(snapshot(doc).teams.size).toBe(1)
    fireEvent.keyDown(screen.getByRole('checkbox', { name: 'Done' }), ctrl('z'))
    expect(snapshot(doc).teams.size).toBe(0)
  })

  it('the buttons are disabled when there is nothing to undo or redo', () => {
    const { session } = renderWithWorkspace(<Harness />)
    const undo = screen.getByRole('button', { name: 'Undo' })
    const redo = screen.getByRole('button', { name: 'Redo' })
    expect(undo).toHaveProperty('disabled', true)
    expect(redo).toHaveProperty('disabled', true)
    act(() => void createTeam(session, { name: 'Growth' }))
    expect(undo).toHaveProperty('disabled', false)
    fireEvent.click(undo)
    expect(undo).toHaveProperty('disabled', true)
    expect(redo).toHaveProperty('disabled', false)
  })

  it('does nothing for a viewer', () => {
    const { session, doc } = renderWithWorkspace(<Harness />, { role: 'viewer' })
    act(() => void createTeam(session, { name: 'Growth' }))
    fireEvent.keyDown(document.body, ctrl('z'))
    expect(snapshot(doc).teams.size).toBe(1)
  })

  it('knows which elements edit text themselves', () => {
    const input = document.createElement('input')
    const range = document.createElement('input')
    range.type = 'range'
    const div = document.createElement('div')
    expect(isTextEditing(input)).toBe(true)
    expect(isTextEditing(range)).toBe(false)
    expect(isTextEditing(div)).toBe(false)
    expect(isTextEditing(null)).toBe(false)
  })
})
