/**
 * @module The palette and the shortcuts list, mounted once by the shell: Ctrl/Cmd+K toggles the
 * palette from anywhere (it is not typing), "?" shows the shortcuts except while typing in a field.
 */
import { useEffect } from 'react'
import { isTextEditing } from '../../ui/isTextEditing.ts'
import { CommandPalette } from './CommandPalette.tsx'
import { currentOverlay, showOverlay, useOverlay } from './paletteStore.ts'
import { ShortcutsDialog } from './ShortcutsDialog.tsx'
import { isPaletteKey, isShortcutsKey } from './shortcutList.ts'
import './palette.css'

/** Reacts to the two global keys; exported for tests. */
export function onGlobalKey(event: KeyboardEvent): void {
  if (event.defaultPrevented) return
  if (isPaletteKey(event)) {
    event.preventDefault()
    showOverlay(currentOverlay() === 'palette' ? 'none' : 'palette')
  } else if (isShortcutsKey(event) && !isTextEditing(event.target) && currentOverlay() === 'none') {
    event.preventDefault()
    showOverlay('shortcuts')
  }
}

export function KeyboardOverlays() {
  const overlay = useOverlay()
  useEffect(() => {
    window.addEventListener('keydown', onGlobalKey)
    return () => {
      window.removeEventListener('keydown', onGlobalKey)
      showOverlay('none')
    }
  }, [])
  if (overlay === 'palette') return <CommandPalette />
  if (overlay === 'shortcuts') return <ShortcutsDialog onClose={() => showOverlay('none')} />
  return null
}
