/** @module Runs a callback once an element matching a selector is in the page (a lazy view or panel may still be loading). */

/** Calls `then` with the first match, now or when it appears; gives up after `timeoutMs`. Returns a canceller. */
export function whenShown(selector: string, then: (el: HTMLElement) => void, timeoutMs = 5000): () => void {
  const find = () => document.querySelector<HTMLElement>(selector)
  const now = find()
  if (now !== null) {
    then(now)
    return () => undefined
  }
  const observer = new MutationObserver(() => {
    const el = find()
    if (el === null) return
    stop()
    then(el)
  })
  const timer = setTimeout(() => stop(), timeoutMs)
  function stop() {
    observer.disconnect()
    clearTimeout(timer)
  }
  observer.observe(document.body, { childList: true, subtree: true })
  return stop
}

/** A CSS attribute selector's quoted value. */
export const quoted = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`
