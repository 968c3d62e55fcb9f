/** @module A person's initials on their colour; a stack of them for "who is here". */

export interface AvatarProps {
  readonly name: string
  readonly color: string
  readonly size?: 'md' | 'sm'
  /** Extra text for the tooltip and accessible name, e.g. "editing the title". */
  readonly detail?: string
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean)
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0]?.slice(0, 2) ?? '?')
  return letters.toUpperCase()
}

export function Avatar({ name, color, size = 'md', detail }: AvatarProps) {
  const label = detail ? `${name}, ${detail}` : name
  return (
    <span className={`avatar${size === 'sm' ? ' avatar--sm' : ''}`} style={{ background: color }} role="img" aria-label={label} title={label}>
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
      {more > 0 && <Avatar name={`+${more}`} color="var(--text-3)" detail={`${more} more`} />}
    </span>
  )
}
