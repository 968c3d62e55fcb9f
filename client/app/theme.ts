/**
 * @module Light or dark: `data-theme` on <html> pins one scheme (theme.css's light-dark() tokens
 * follow it); with nothing stored the page follows the system setting.
 */
import { useCallback, useSyncExternalStore } from 'react'

export type Theme = 'light' | 'dark'

const KEY = 'roundtable:theme'
const listeners = new Set<() => void>()

export function storedTheme(): Theme | null {
  try {
    const value = localStorage.getItem(KEY)
    return value === 'light' || value === 'dark' ? value : null
  } catch {
    return null
  }
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'
}

/** The scheme on screen now. */
export function currentTheme(): Theme {
  const pinned = document.documentElement.dataset.theme
  return pinned === 'light' || pinned === 'dark' ? pinned : systemTheme()
}

/** Pins the stored choice on <html>; called once before the first render so nothing flashes. */
export function applyStoredTheme(): void {
  const theme = storedTheme()
  if (theme) document.documentElement.dataset.theme = theme
}

export function setTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme
  try {
    localStorage.setItem(KEY, theme)
  } catch {
    // Not remembered, but still applied for this visit.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function useTheme(): { theme: Theme; toggle: () => void } {
  const theme = useSyncExternalStore(subscribe, currentTheme, () => 'light' as Theme)
  const toggle = useCallback(() => setTheme(currentTheme() === 'dark' ? 'light' : 'dark'), [])
  return { theme, toggle }
}
