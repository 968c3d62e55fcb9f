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
        if (entry === undefined) return
        // A lane on screen is built at once: in a transition, the next piece of a first sync
        // (a new board model) would restart it, piece after piece, and the first screen of cards
        // would wait for the last piece. A few lanes fit on a screen, so this is one short task.
        if (entry.isIntersecting && onScreen(entry.boundingClientRect)) setNear(true)
        // One only near: a transition, so building every lane that came near renders in slices
        // that yield to input and to the next piece, instead of one long task.
        else startTransition(() => setNear(entry.isIntersecting))
      },
      { root: node.closest('.board__scroll'), rootMargin: MARGIN },
    )
    observer.observe(node)
    return () => observer.disconnect()
  }, [ref])
  return near
}

/** Whether any of `box` is inside the window (the board's scroller fills most of it). */
function onScreen(box: DOMRectReadOnly): boolean {
  return box.bottom > 0 && box.top < window.innerHeight && box.right > 0 && box.left < window.innerWidth
}
