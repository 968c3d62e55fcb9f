/**
 * @module Scrolls a lane or card into view on a board whose off-screen lanes use
 * `content-visibility: auto`: the first jump is computed from placeholder heights, so it is
 * repeated once the lanes passed on the way have been laid out at their real size.
 */
export function revealElement(el: HTMLElement, block: ScrollLogicalPosition): () => void {
  const jump = () => el.scrollIntoView({ block, inline: 'nearest', behavior: 'instant' })
  jump()
  let second = 0
  const first = requestAnimationFrame(() => {
    second = requestAnimationFrame(jump)
  })
  return () => {
    cancelAnimationFrame(first)
    cancelAnimationFrame(second)
  }
}
