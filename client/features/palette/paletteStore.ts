/** @module Which keyboard overlay is up (none, the palette, the shortcuts list): one per tab, shared by the top bar's button and the shell. */
import { useSyncExternalStore } from 'react'

export type Overlay = 'none' | 'palette' | 'shortcuts'

let overlay: Overlay = 'none'
const listeners = new Set<() => void>()

export function showOverlay(next: Overlay): void {
  if (overlay === next) return
  overlay = next
  for (const listener of listeners) listener()
}

export function currentOverlay(): Overlay {
  return overlay
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useOverlay(): Overlay {
  return useSyncExternalStore(subscribe, currentOverlay, currentOverlay)
}

// The text field that had focus when Ctrl/Cmd+K opened the palette. It is blurred at once: the
// palette may take a moment to load, and keys typed meanwhile must not land in a shared title.
let heldFocus: HTMLElement | null = null

/** Takes focus away from `el` until the palette closes. */
export function holdFocus(el: HTMLElement): void {
  heldFocus = el
  el.blur()
}

/** Gives focus back to the held field, unless something else took it since (a jump to a card). */
export function releaseFocus(): void {
  const el = heldFocus
  heldFocus = null
  const active = document.activeElement
  // Focus still in the closing palette (the browser moves it out a moment later) counts as free.
  const free = active === null || active === document.body || active.closest('dialog.palette') !== null
  if (el?.isConnected && free) el.focus()
}

// Keys typed between Ctrl/Cmd+K and the palette's field being there (it loads on first use).
let typedAhead = ''
let mounted = false

/** The palette's field is in the page (true) or not yet / no more (false). */
export function setPaletteMounted(value: boolean): void {
  mounted = value
}

/** True while the palette is asked for but its field is not there yet to take keys. */
export function paletteLoading(): boolean {
  return overlay === 'palette' && !mounted
}

export function typeAhead(key: string): void {
  typedAhead += key
}

/** What was typed while the palette loaded; the palette's query starts with it. */
export function takeTypedAhead(): string {
  const text = typedAhead
  typedAhead = ''
  return text
}
