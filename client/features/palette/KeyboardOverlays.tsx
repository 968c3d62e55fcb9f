/**
 * @module The palette and the shortcuts list, mounted once by the shell: Ctrl/Cmd+K toggles the
 * palette from anywhere (it is not typing), "?" shows the shortcuts except while typing in a field.
 */
import { lazy, Suspense, useEffect } from 'react'
import { isTextEditing } from '../../ui/isTextEditing.ts'
import { isPaletteKey, isShortcutsKey } from './paletteKeys.ts'
import { currentOverlay, holdFocus, paletteLoading, showOverlay, takeTypedAhead, typeAhead, useOverlay } from './paletteStore.ts'
import './palette.css'

// Loaded on first use, so the board's first load does not carry them.
const CommandPalette = lazy(() => import('./CommandPalette.tsx').then((m) => ({ default: m.CommandPalette })))
const ShortcutsDialog = lazy(() => import('./ShortcutsDialog.tsx').then((m) => ({ default: m.ShortcutsDialog })))

/** Reacts to the two global keys; exported for tests. */
export function onGlobalKey(event: KeyboardEvent): void {
  if (event.defaultPrevented) return
  if (isPaletteKey(event)) {
    event.preventDefault()
    const opening = currentOverlay() !== 'palette'
    if (opening && isTextEditing(document.activeElement)) holdFocus(document.activeElement as HTMLElement)
    if (!opening) takeTypedAhead()
    showOverlay(opening ? 'palette' : 'none')
  } else if (paletteLoading() && event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault()
    typeAhead(event.key)
  } else if (isShortcutsKey(event) && !isTextEditing(event.target) && currentOverlay() === 'none') {
    event.preventDefault()
    showOverlay('shortcuts')
  }
}

export function KeyboardOverlays() {
  const overlay = useOverlay()
  useEffect(() => {
    window.addEventListener('keydown', onGlobalKey)
    // Fetch the palette once the page is idle, so Ctrl/Cmd+K opens it without a wait. Offline the
    // fetch fails: nothing lost, the palette is fetched again when it is opened.
    const prefetch = setTimeout(() => import('./CommandPalette.tsx').catch(() => undefined), 2_000)
    return () => {
      clearTimeout(prefetch)
      window.removeEventListener('keydown', onGlobalKey)
      showOverlay('none')
    }
  }, [])
  if (overlay === 'none') return null
  return <Suspense fallback={null}>{overlay === 'palette' ? <CommandPalette /> : <ShortcutsDialog onClose={() => showOverlay('none')} />}</Suspense>
}
