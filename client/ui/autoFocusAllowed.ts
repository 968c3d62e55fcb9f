/**
 * @module Whether a panel that opens may take the focus: not while the screen is being moved by
 * someone else (following a meeting's facilitator) and not from a region that keeps it (the
 * meeting panel, where the facilitator presses Next again and again).
 */

/** Set on <html> while this tab follows someone: their moves must not move my focus. */
export const FOLLOWING_ATTRIBUTE = 'data-following'
/** On a region whose focus an opening panel must leave alone. */
export const KEEPS_FOCUS_ATTRIBUTE = 'data-keeps-focus'

/** True when an opening panel may focus its first field. */
export function autoFocusAllowed(): boolean {
  if (typeof document === 'undefined') return true
  if (document.documentElement.hasAttribute(FOLLOWING_ATTRIBUTE)) return false
  const active = document.activeElement
  return active === null || active.closest(`[${KEEPS_FOCUS_ATTRIBUTE}]`) === null
}
