/** @module "Search ⌘K" in the top bar: the palette for mouse users, with its shortcut on show. */
import { showOverlay } from './paletteStore.ts'
import { SearchIcon } from './SearchIcon.tsx'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)

export function PaletteButton() {
  return (
    <button type="button" className="palette-button" onClick={() => showOverlay('palette')} aria-keyshortcuts={isMac ? 'Meta+K' : 'Control+K'}>
      <SearchIcon size={14} />
      <span>Search</span>
      <kbd aria-hidden="true">{isMac ? '⌘K' : 'Ctrl K'}</kbd>
    </button>
  )
}
