/**
 * @module "More" in a phone's top bar: a disclosure holding what the desktop bar shows in full
 * (people here, undo, search, theme, share, the cycle and the filters), so the bar stays one line
 * of name and connection plus the view tabs. Escape or a press outside closes it; a dialog opened
 * from inside it (share, new cycle) keeps it open underneath.
 */
import { useEffect, useId, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { Icon } from '../../ui/Icon.tsx'

export function MoreMenu({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState(false)
  const id = useId()
  const root = useRef<HTMLDivElement>(null)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element | null
      if (target === null || root.current?.contains(target) || target.closest('dialog')) return
      setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  return (
    <div className="more-menu" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn more-menu__button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
      >
        <Icon name={open ? 'close' : 'more'} />
        More
      </button>
      <div
        id={id}
        className="more-menu__panel"
        role="group"
        aria-label="More"
        hidden={!open}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || (event.target as Element).closest('dialog')) return
          setOpen(false)
          button.current?.focus()
        }}
      >
        {open && children}
      </div>
    </div>
  )
}
