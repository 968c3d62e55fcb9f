/** @module Buttons: one look for every action; icon buttons always carry an accessible name. */
import type { ButtonHTMLAttributes, ReactNode } from 'react'

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  readonly variant?: 'default' | 'primary' | 'ghost' | 'danger'
  readonly size?: 'md' | 'sm'
}

export function Button({ variant = 'default', size = 'md', className = '', type = 'button', ...rest }: ButtonProps) {
  const classes = ['btn', variant !== 'default' && `btn--${variant}`, size === 'sm' && 'btn--sm', className].filter(Boolean)
  return <button type={type} className={classes.join(' ')} {...rest} />
}

export interface IconButtonProps extends Omit<ButtonProps, 'children' | 'aria-label'> {
  /** The accessible name (also the tooltip). */
  readonly label: string
  readonly icon: ReactNode
}

export function IconButton({ label, icon, className = '', variant = 'ghost', ...rest }: IconButtonProps) {
  return (
    <Button aria-label={label} title={label} variant={variant} className={`icon-btn ${className}`} {...rest}>
      {icon}
    </Button>
  )
}
