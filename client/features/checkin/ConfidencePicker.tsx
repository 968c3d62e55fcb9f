/** @module Confidence 0-10 as eleven buttons in a radio group: one tap, readable on any screen. */
import { useId } from 'react'
import type { KeyboardEvent } from 'react'

const VALUES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const

/** Low, middling and high confidence get the stall colours so a 2 looks like trouble. */
function tone(n: number): string {
  return n <= 3 ? 'low' : n <= 6 ? 'mid' : 'high'
}

export function ConfidencePicker({ value, onChange }: { value: number; onChange: (n: number) => void }) {
  const labelId = useId()
  // Arrow keys move the choice, as in a native radio group.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0
    if (step === 0) return
    e.preventDefault()
    const next = Math.min(10, Math.max(0, value + step))
    onChange(next)
    const group = e.currentTarget as HTMLElement
    group.querySelector<HTMLButtonElement>(`[data-value="${next}"]`)?.focus()
  }
  return (
    <div className="confidence">
      <span className="confidence__label" id={labelId}>
        Confidence <span className="confidence__value">{value} of 10</span>
      </span>
      <div className="confidence__scale" role="radiogroup" aria-labelledby={labelId} onKeyDown={onKeyDown}>
        {VALUES.map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            data-value={n}
            aria-checked={n === value}
            aria-label={`Confidence ${n} of 10`}
            tabIndex={n === value ? 0 : -1}
            className={`confidence__step confidence__step--${tone(n)}`}
            onClick={() => onChange(n)}
          >
            {n}
          </button>
        ))}
      </div>
      <span className="confidence__ends" aria-hidden="true">
        <span>No chance</span>
        <span>Certain</span>
      </span>
    </div>
  )
}
