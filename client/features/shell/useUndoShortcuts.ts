/**
 * @module Ctrl/Cmd+Z undoes my last change, Shift+Ctrl/Cmd+Z and Ctrl+Y redo it, anywhere on the
 * page except in a text field, where the browser's own text undo is what the person means.
 */
import { useEffect } from 'react'
import type { UndoHistory } from '../../../shared/doc/index.ts'
import { isTextEditing } from '../../ui/isTextEditing.ts'

export { isTextEditing }

export type ShortcutAction = 'undo' | 'redo' | null

/** Which history action a key event asks for, if any. */
export function shortcutAction(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): ShortcutAction {
  if (!(event.ctrlKey || event.metaKey) || event.altKey) return null
  const key = event.key.toLowerCase()
  if (key === 'z') return event.shiftKey ? 'redo' : 'undo'
  if (key === 'y' && !event.shiftKey) return 'redo'
  return null
}

export function useUndoShortcuts(history: UndoHistory, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutAction(event)
      if (action === null || event.defaultPrevented || isTextEditing(event.target)) return
      event.preventDefault()
      // Start a fresh undo step afterwards, so the next edit is not merged into a redone one.
      history.stopCapturing()
      if (action === 'undo') history.undo()
      else history.redo()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [history, enabled])
}
