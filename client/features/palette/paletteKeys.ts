/** @module The two global keys: Ctrl/Cmd+K for the palette and "?" for the shortcuts list. */

/** True for the key that asks for the shortcuts list. */
export const isShortcutsKey = (event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>) =>
  event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey

/** True for Ctrl+K or Cmd+K. */
export const isPaletteKey = (event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey'>) =>
  (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'k'
