/**
 * @module "Inbox" in the top bar, for the person I said I am: the unread count on the button, and
 * the list (loaded when first opened) in a popover under it. Nothing for someone without a person.
 */
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { Icon } from '../../ui/Icon.tsx'
import { useInbox } from './useInbox.ts'
import './inbox.css'

const InboxPanel = lazy(() => import('./InboxPanel.tsx').then((m) => ({ default: m.InboxPanel })))

export function InboxButton({ labelled = false }: { labelled?: boolean }) {
  const inbox = useInbox()
  const [open, setOpen] = useState(false)
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (!open) return
    const onDown = (e: PointerEvent) => {
      if (root.current !== null && !root.current.contains(e.target as Node)) setOpen(false)
    }
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      setOpen(false)
      button.current?.focus()
    }
    document.addEventListener('pointerdown', onDown)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('pointerdown', onDown)
      document.removeEventListener('keydown', onKey)
    }
  }, [open])
  if (inbox.personId === null) return null
  const label = inbox.unread === 0 ? 'Inbox' : `Inbox, ${inbox.unread} unread`
  return (
    <div className="inbox" ref={root}>
      <button
        ref={button}
        type="button"
        className={`btn btn--ghost inbox__button${labelled ? '' : ' icon-btn'}`}
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="inbox" />
        {labelled && 'Inbox'}
        {inbox.unread > 0 && (
          <span className="inbox__count" aria-hidden="true">
            {inbox.unread > 99 ? '99+' : inbox.unread}
          </span>
        )}
      </button>
      {open && (
        <Suspense fallback={null}>
          <InboxPanel inbox={inbox} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </div>
  )
}
