/**
 * @module "Skip to board": the page's first tab stop, shown when focused. It moves focus to the
 * first card on the board (or the first control of another view), past the top bar's controls.
 */
import type { MouseEvent } from 'react'
import { useView } from '../../hooks/useView.ts'

const CARD = '[data-task-id] [aria-roledescription$="task"]'
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex="0"]'

export function SkipLink({ targetId }: { targetId: string }) {
  const { view } = useView()
  const jump = (event: MouseEvent<HTMLAnchorElement>) => {
    const panel = document.getElementById(targetId)
    if (panel === null) return
    event.preventDefault()
    const target = (view === 'board' ? panel.querySelector<HTMLElement>(CARD) : null) ?? panel.querySelector<HTMLElement>(FOCUSABLE)
    target?.focus()
  }
  return (
    <a className="skip-link" href={`#${targetId}`} onClick={jump}>
      {view === 'board' ? 'Skip to board' : 'Skip to main content'}
    </a>
  )
}
