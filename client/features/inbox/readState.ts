/**
 * @module Which inbox items a person has read, in this browser (localStorage, per workspace and
 * person), shared live between this browser's tabs. Not in the document: every peer reads the
 * document, and what I have read is nobody else's business; without accounts there is nowhere
 * else to keep it, so another browser starts with everything unread.
 */
import { useCallback, useSyncExternalStore } from 'react'

/** Most ids kept: the oldest go first (their items have long left the inbox). */
export const READ_MAX = 2_000

const key = (workspaceId: string, personId: string) => `roundtable:inbox-read:${workspaceId}:${personId}`
const listeners = new Set<() => void>()
const cache = new Map<string, ReadonlySet<string>>()
const EMPTY: ReadonlySet<string> = new Set()

function load(storageKey: string): ReadonlySet<string> {
  let set = cache.get(storageKey)
  if (set !== undefined) return set
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]')
    set = new Set(Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [])
  } catch {
    // A broken entry reads as nothing read; the next mark writes a good one.
    set = EMPTY
  }
  cache.set(storageKey, set)
  return set
}

function subscribe(listener: () => void): () => void {
  if (listeners.size === 0) window.addEventListener('storage', onStorage)
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) window.removeEventListener('storage', onStorage)
  }
}

function onStorage(event: StorageEvent): void {
  // Another tab marked something read: drop the cached copy so the next read loads it.
  if (event.key === null || event.key.startsWith('roundtable:inbox-read:')) {
    if (event.key === null) cache.clear()
    else cache.delete(event.key)
    for (const listener of listeners) listener()
  }
}

/** Marks `ids` read for a person (in this browser). */
export function markRead(workspaceId: string, personId: string, ids: readonly string[]): void {
  const storageKey = key(workspaceId, personId)
  const current = load(storageKey)
  const fresh = ids.filter((id) => !current.has(id))
  if (fresh.length === 0) return
  const next = [...current, ...fresh].slice(-READ_MAX)
  cache.set(storageKey, new Set(next))
  try {
    localStorage.setItem(storageKey, JSON.stringify(next))
  } catch {
    // Storage full or off: read state holds for this page's life.
  }
  for (const listener of listeners) listener()
}

/** The ids a person has read in this browser; re-renders when they change (here or in another tab). */
export function useReadIds(workspaceId: string, personId: string | null): ReadonlySet<string> {
  const read = useCallback(() => (personId === null ? EMPTY : load(key(workspaceId, personId))), [workspaceId, personId])
  return useSyncExternalStore(subscribe, read, read)
}
