/** @module Who I am in a workspace: a display name and colour, remembered in this browser. */

export interface Identity {
  readonly name: string
  readonly color: string
  /** The person record I chose or created, when I can edit. */
  readonly personId: string | null
}

export const COLORS = ['#e5484d', '#f76b15', '#ffc53d', '#46a758', '#12a594', '#0090ff', '#6e56cf', '#d6409f'] as const

const key = (workspaceId: string) => `roundtable:identity:${workspaceId}`

export function loadIdentity(workspaceId: string): Identity | null {
  try {
    const value = JSON.parse(localStorage.getItem(key(workspaceId)) ?? 'null') as Partial<Identity> | null
    if (value && typeof value.name === 'string' && value.name.trim() && typeof value.color === 'string') {
      return { name: value.name, color: value.color, personId: typeof value.personId === 'string' ? value.personId : null }
    }
  } catch {
    // A broken entry is the same as none: ask again.
  }
  return null
}

export function saveIdentity(workspaceId: string, identity: Identity): void {
  localStorage.setItem(key(workspaceId), JSON.stringify(identity))
}

/** A colour for a new visitor, picked from the name so it stays put across visits. */
export function colorFor(name: string): string {
  let h = 0
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0
  return COLORS[h % COLORS.length] as string
}
