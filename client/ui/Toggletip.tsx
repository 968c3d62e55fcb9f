/**
 * @module A toggletip: a small button whose explanation opens on click, tap, Enter or Space (not
 * only on hover, which a phone does not have), and closes on a second press, Escape, a press
 * elsewhere or a scroll. The bubble is drawn in document.body so a lane's paint containment or a
 * scrolling board never clips it; the button's own name already holds the words for screen readers.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { CSSProperties, ReactNode, SyntheticEvent } from 'react'
import { createPortal } from 'react-dom'

export interface ToggletipProps {
  /** The button's classes (its look: an icon in a colour). */
  readonly className: string
  /** The button's content: an icon, and visually hidden words naming it. */
  readonly children: ReactNode
  /** What opens. */
  readonly tip: ReactNode
  /** A hover hint for mouse users, as before. */
  readonly title?: string
}

const GAP = 6
const MARGIN = 8
/** The card (a drag source) must not see a press in the bubble, which lives in its React tree. */
const stop = (event: SyntheticEvent) => event.stopPropagation()

export function Toggletip({ className, children, tip, title }: ToggletipProps) {
  const [open, setOpen] = useState(false)
  const [at, setAt] = useState<CSSProperties>({})
  const button = useRef<HTMLButtonElement>(null)
  const bubble = useRef<HTMLSpanElement>(null)

  useLayoutEffect(() => {
    if (!open || !button.current || !bubble.current) return
    const anchor = button.current.getBoundingClientRect()
    const width = bubble.current.offsetWidth
    const left = Math.max(MARGIN, Math.min(anchor.left, window.innerWidth - width - MARGIN))
    setAt({ top: anchor.bottom + GAP, left })
  }, [open])

  useEffect(() => {
    if (!open) return
    const close = (event: Event) => {
      const target = event.target as Node | null
      if (target !== null && (button.current?.contains(target) || bubble.current?.contains(target))) return
      setOpen(false)
    }
    document.addEventListener('pointerdown', close)
    document.addEventListener('scroll', close, true)
    return () => {
      document.removeEventListener('pointerdown', close)
      document.removeEventListener('scroll', close, true)
    }
  }, [open])

  return (
    <>
      <button
        ref={button}
        type="button"
        className={`toggletip ${className}`}
        aria-expanded={open}
        title={open ? undefined : title}
        onClick={(event) => {
          event.stopPropagation()
          setOpen((was) => !was)
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape' || !open) return
          event.stopPropagation()
          setOpen(false)
        }}
      >
        {children}
      </button>
      {open &&
        createPortal(
          <span ref={bubble} className="toggletip__bubble" style={at} onPointerDown={stop} onTouchStart={stop} onKeyDown={stop}>
            {tip}
          </span>,
          document.body,
        )}
    </>
  )
}
