/**
 * @module Whether an element is in or near the board's visible area. Lanes far out of view turn
 * their cells and cards off as drop targets: dnd-kit measures every enabled droppable when a drag
 * starts (and when the set changes), so a 60-lane board measures the few lanes on screen, not 800
 * rects. Without IntersectionObserver (tests), everything counts as near.
 */
import { startTransition, useEffect, useState } from 'react'
import type { RefObject } from 'react'

/** How far beyond the visible area a lane still counts as near (auto-scroll and keyboard moves reach it). */
const MARGIN = '600px 400px'

export function useNearView(ref: RefObject<HTMLElement | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined')
  useEffect(() => {
    const node = ref.current
    if (node === null || typeof IntersectionObserver === 'undefined') return
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1]
        // A transition: building a lane's cards renders in slices that yield to input and to the
        // next piece of a first sync, instead of one long task for every lane that came near.
        if (entry) startTransition(() => setNear(entry.isIntersecting))
      },
      { root: node.closest('.board__scroll'), rootMargin: MARGIN },
    )
    observer.observe(node)
    return () => observer.disconnect()
  }, [ref])
  return near
}
