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
