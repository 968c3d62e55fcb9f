/**
 * @module A person's initials on their colour; a stack of them for "who is here". The initials are
 * black or white, whichever reads at 4.5:1 or better on that colour (people pick any colour).
 */
import type { CSSProperties } from 'react'
import { readableTextOn } from './contrast.ts'

export interface AvatarProps {
  readonly name: string
  readonly color: string
  readonly size?: 'md' | 'sm'
  /** Extra text for the tooltip and accessible name, e.g. "editing the title". */
  readonly detail?: string
  /** This browser's own person: ringed, and never covered by its neighbours in a stack. */
  readonly self?: boolean
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0]?.slice(0, 2) ?? '?')
  return letters.toUpperCase()
}

/** Background and text colour of an avatar; a colour that is not hex keeps the stylesheet's text colour. */
export function avatarColors(color: string): CSSProperties {
  const text = readableTextOn(color)
  return text === null ? { background: color } : { background: color, color: text }
}

export function Avatar({ name, color, size = 'md', detail, self = false }: AvatarProps) {
  const label = detail ? `${name}, ${detail}` : name
  const classes = ['avatar', size === 'sm' && 'avatar--sm', self && 'avatar--self'].filter(Boolean).join(' ')
  return (
    <span className={classes} style={avatarColors(color)} role="img" aria-label={label} title={label}>
      {initials(name)}
    </span>
  )
}

export function AvatarStack({ people, label, max = 6 }: { people: readonly AvatarProps[]; label: string; max?: number }) {
  const shown = people.slice(0, max)
  const more = people.length - shown.length
  return (
    <span className="avatar-stack" role="group" aria-label={label}>
      {shown.map((p, i) => (
        <Avatar key={`${p.name}-${i}`} {...p} />
      ))}
      {more > 0 && (
        <span className="avatar avatar--more" role="img" aria-label={`${more} more`} title={`${more} more`}>
          +{more}
        </span>
      )}
    </span>
  )
}
