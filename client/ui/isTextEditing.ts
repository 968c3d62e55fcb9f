/** @module Whether a key event belongs to something that edits text itself, so page shortcuts leave it alone. */

/** True when the key event's target edits text: typing there must never trigger a shortcut. */
export function isTextEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    // Checkboxes, radios and buttons have no text undo of their own.
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
  }
  return false
}
