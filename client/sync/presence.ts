/**
 * @module Presence over Yjs awareness: who is here, and what each person is editing or dragging.
 * Local changes are throttled to at most one awareness update per 100 ms.
 */
import type { Awareness } from 'y-protocols/awareness'

export interface PresenceUser {
  readonly name: string
  readonly color: string
  readonly personId: string | null
}

/** What someone is doing right now: typing in a field, or dragging a card. */
export type Activity =
  | { readonly kind: 'editing'; readonly target: string }
  | { readonly kind: 'dragging'; readonly taskId: string }

export interface Peer {
  readonly clientId: number
  readonly user: PresenceUser
  readonly activity: Activity | null
  readonly self: boolean
}

export interface Presence {
  /** Everyone here, this client first; the same array until someone changes. */
  peers(): readonly Peer[]
  subscribe(listener: () => void): () => void
  setUser(user: PresenceUser): void
  setActivity(activity: Activity | null): void
  destroy(): void
}

export const PRESENCE_THROTTLE_MS = 100

function readPeer(clientId: number, state: Record<string, unknown>, self: boolean): Peer | null {
  const user = state.user as Partial<PresenceUser> | undefined
  if (!user || typeof user.name !== 'string' || typeof user.color !== 'string') return null
  const a = state.activity as Partial<Activity> | null | undefined
  const activity: Activity | null =
    a?.kind === 'editing' && typeof (a as { target?: unknown }).target === 'string'
      ? { kind: 'editing', target: (a as { target: string }).target }
      : a?.kind === 'dragging' && typeof (a as { taskId?: unknown }).taskId === 'string'
        ? { kind: 'dragging', taskId: (a as { taskId: string }).taskId }
        : null
  return {
    clientId,
    user: { name: user.name.slice(0, 60), color: /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#888888', personId: typeof user.personId === 'string' ? user.personId : null },
    activity,
    self,
  }
}

export function createPresence(awareness: Awareness): Presence {
  let cached: readonly Peer[] = []
  let dirty = true
  const listeners = new Set<() => void>()
  const onChange = () => {
    dirty = true
    for (const listener of listeners) listener()
  }
  awareness.on('change', onChange)

  let pending: Record<string, unknown> = {}
  let timer: ReturnType<typeof setTimeout> | null = null
  let last = 0
  const flush = () => {
    timer = null
    last = Date.now()
    const state = { ...(awareness.getLocalState() ?? {}), ...pending }
    pending = {}
    awareness.setLocalState(state)
  }
  const schedule = (field: string, value: unknown) => {
    pending[field] = value
    if (timer !== null) return
    const wait = Math.max(0, PRESENCE_THROTTLE_MS - (Date.now() - last))
    timer = setTimeout(flush, wait)
  }

  return {
    peers() {
      if (!dirty) return cached
      dirty = false
      const self = awareness.clientID
      const list: Peer[] = []
      awareness.getStates().forEach((state, clientId) => {
        const peer = readPeer(clientId, state, clientId === self)
        if (peer) list.push(peer)
      })
      cached = list.sort((a, b) => (a.self ? -1 : b.self ? 1 : a.user.name.localeCompare(b.user.name)))
      return cached
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    setUser: (user) => schedule('user', user),
    setActivity: (activity) => schedule('activity', activity),
    destroy() {
      if (timer !== null) clearTimeout(timer)
      awareness.off('change', onChange)
      listeners.clear()
    },
  }
}
