/** @module A link to an address in the app: a real href (open in a new tab works), moved to without a reload on a plain click. */
import type { MouseEvent, ReactNode } from 'react'
import { navigate } from './route.ts'

export function ViewLink({ href, className, title, children }: { href: string; className?: string; title?: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // A modified click is the browser's (new tab, new window); a plain one stays in the page.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    navigate(href)
  }
  return (
    <a href={href} className={className} title={title} onClick={onClick}>
      {children}
    </a>
  )
}
