/**
 * @module The workspaces this browser has opened: id, name, role and token, so a reload (or the
 * home page's list) can reopen one without the link, and a cached role lets it open offline.
 * Tokens live in localStorage by design: the link itself is the credential, and this browser
 * already holds it. Each tab also pins its own token in sessionStorage, so two tabs opened with
 * different links to one workspace (owner and viewer, say) each keep their role across reloads.
 */
import type { Role } from '../../shared/protocol/index.ts'

export interface WorkspaceLinks {
  readonly owner: string
  readonly editor: string
  readonly viewer: string
}

export interface KnownWorkspace {
  readonly id: string
  readonly name: string
  readonly role: Role
  readonly token: string
  /** Every link, when this browser saw them (on creation or after a rotation). */
  readonly links?: WorkspaceLinks
  readonly openedAt: number
}

const LIST_KEY = 'roundtable:workspaces'
const tabKey = (id: string) => `roundtable:token:${id}`
const ROLES: readonly string[] = ['owner', 'editor', 'viewer']

function isKnown(value: unknown): value is KnownWorkspace {
  const v = value as Partial<KnownWorkspace> | null
  return (
    typeof v === 'object' && v !== null && typeof v.id === 'string' && typeof v.name === 'string' &&
    typeof v.token === 'string' && ROLES.includes(v.role as string) && typeof v.openedAt === 'number'
  )
}

/** Most recently opened first. */
export function listKnownWorkspaces(): KnownWorkspace[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(LIST_KEY) ?? '[]')
    return Array.isArray(raw) ? raw.filter(isKnown).sort((a, b) => b.openedAt - a.openedAt) : []
  } catch {
    // A broken entry is the same as none.
    return []
  }
}

export function getKnownWorkspace(id: string): KnownWorkspace | null {
  return listKnownWorkspaces().find((w) => w.id === id) ?? null
}

function writeList(list: readonly KnownWorkspace[]): void {
  try {
    localStorage.setItem(LIST_KEY, JSON.stringify(list))
  } catch {
    // Storage full or disabled (private mode): the app still works, it just forgets on reload.
  }
}

/** Records (or refreshes) a workspace; links already known are kept unless new ones are given. */
export function rememberWorkspace(entry: Omit<KnownWorkspace, 'openedAt' | 'links'> & { links?: WorkspaceLinks; openedAt?: number }): void {
  const list = listKnownWorkspaces()
  const old = list.find((w) => w.id === entry.id)
  const links = entry.links ?? old?.links
  const next: KnownWorkspace = { ...entry, openedAt: entry.openedAt ?? Date.now(), ...(links ? { links } : {}) }
  writeList([next, ...list.filter((w) => w.id !== entry.id)])
  try {
    sessionStorage.setItem(tabKey(entry.id), entry.token)
  } catch {
    // No sessionStorage: localStorage alone still reopens the workspace.
  }
}

export function forgetWorkspace(id: string): void {
  writeList(listKnownWorkspaces().filter((w) => w.id !== id))
}

/** The token this tab should use when the URL carries none: the tab's own, else the browser's. */
export function storedToken(id: string): string | null {
  try {
    const tab = sessionStorage.getItem(tabKey(id))
    if (tab) return tab
  } catch {
    // Fall through to localStorage.
  }
  return getKnownWorkspace(id)?.token ?? null
}
