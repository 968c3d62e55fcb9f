/** @module Finding anything from the keyboard: the palette and shortcuts overlays, the top bar's search button, the skip link. */
export { KeyboardOverlays } from './KeyboardOverlays.tsx'
export { PaletteButton } from './PaletteButton.tsx'
export { SkipLink } from './SkipLink.tsx'
