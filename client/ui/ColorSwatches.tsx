/** @module A row of colour swatches: a radio group, each swatch named for screen readers. */
import type { KeyboardEvent } from 'react'

export interface ColorSwatchesProps {
  /** The group's accessible name, e.g. "Your colour". */
  readonly label: string
  readonly colors: readonly string[]
  readonly value: string
  readonly onChange: (color: string) => void
  /** A spoken name per colour; defaults to "Colour 1", "Colour 2"... */
  readonly names?: readonly string[]
}

export function ColorSwatches({ label, colors, value, onChange, names }: ColorSwatchesProps) {
  // Arrow keys move the choice, as in any radio group; only the chosen swatch is a tab stop.
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const next = colors[(index + step + colors.length) % colors.length]!
    onChange(next)
    const buttons = event.currentTarget.parentElement?.querySelectorAll('button')
    buttons?.[(index + step + colors.length) % colors.length]?.focus()
  }
  return (
    <div className="swatches" role="radiogroup" aria-label={label}>
      {colors.map((color, i) => (
        <button
          key={color}
          type="button"
          role="radio"
          aria-checked={color === value}
          aria-label={names?.[i] ?? `Colour ${i + 1}`}
          tabIndex={color === value ? 0 : -1}
          className="swatch"
          style={{ background: color }}
          onClick={() => onChange(color)}
          onKeyDown={(event) => onKeyDown(event, i)}
        />
      ))}
    </div>
  )
}
