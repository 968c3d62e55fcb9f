/** @module A select with its label inline before it: for toolbars, where a stacked label is too tall. */
import { useId } from 'react'
import type { SelectHTMLAttributes } from 'react'

export interface CompactSelectProps extends SelectHTMLAttributes<HTMLSelectElement> {
  /** Visible label, also the select's accessible name. */
  readonly label: string
}

export function CompactSelect({ label, className = '', children, ...rest }: CompactSelectProps) {
  const id = useId()
  return (
    <span className={`compact-select ${className}`}>
      <label className="compact-select__label" htmlFor={id}>
        {label}
      </label>
      <select id={id} className="compact-select__select" {...rest}>
        {children}
      </select>
    </span>
  )
}
