/**
 * @module Whether an element has come near the viewport (once true, it stays true): the dashboard
 * mounts an objective's burn-up charts only then, so opening it builds the first screen, not the
 * DOM of 72 charts (60 KRs) that are below it.
 */
import { useEffect, useState } from 'react'
import type { RefObject } from 'react'

/** How far below the viewport a chart group starts to mount, so scrolling finds it drawn. */
const MARGIN = '600px'

/** The nearest ancestor that scrolls vertically, or null (the viewport). */
function scrollParent(element: Element): Element | null {
  for (let el = element.parentElement; el !== null; el = el.parentElement) {
    const overflow = getComputedStyle(el).overflowY
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollHeight > el.clientHeight) return el
  }
  return null
}

export function useNearView(ref: RefObject<Element | null>): boolean {
  const [near, setNear] = useState(() => typeof IntersectionObserver === 'undefined')
  useEffect(() => {
    const element = ref.current
    if (near || element === null) return
    // The margin counts only around the root: the view's own scroller, not the window it sits in.
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setNear(true)
    }, { root: scrollParent(element), rootMargin: MARGIN })
    observer.observe(element)
    return () => observer.disconnect()
  }, [near, ref])
  return near
}
