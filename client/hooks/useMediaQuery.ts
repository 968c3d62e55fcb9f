/** @module Whether a CSS media query matches now, re-rendering when it starts or stops matching. */
import { useCallback, useSyncExternalStore } from 'react'

/** A phone held upright: the top bar folds into a menu and the board shows one column at a time. */
export const PHONE_QUERY = '(max-width: 640px)'

const hasMatchMedia = () => typeof window !== 'undefined' && typeof window.matchMedia === 'function'

/** False where there is no matchMedia (tests in jsdom, the server): the desktop layout. */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!hasMatchMedia()) return () => {}
      const list = window.matchMedia(query)
      list.addEventListener('change', onChange)
      return () => list.removeEventListener('change', onChange)
    },
    [query],
  )
  return useSyncExternalStore(subscribe, () => hasMatchMedia() && window.matchMedia(query).matches, () => false)
}
