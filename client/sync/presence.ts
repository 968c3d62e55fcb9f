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

/** Someone's place in the running meeting; absent when they have not joined it. */
export interface MeetingPresence {
  readonly meetingId: string
  /** The person they follow (the facilitator), or null when they look around on their own. */
  readonly following: string | null
  /** Their tab is hidden (document.visibilityState). */
  readonly away: boolean
}

export interface Peer {
  readonly clientId: number
  readonly user: PresenceUser
  readonly activity: Activity | null
  readonly meeting: MeetingPresence | null
  readonly self: boolean
}

export interface Presence {
  /** Everyone here, this client first; the same array until someone changes. */
  peers(): readonly Peer[]
  subscribe(listener: () => void): () => void
  setUser(user: PresenceUser): void
  setActivity(activity: Activity | null): void
  /** Joins (or updates my place in) a meeting; null leaves it. */
  setMeeting(meeting: MeetingPresence | null): void
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
    meeting: readMeetingPresence(state.meeting),
    user: { name: user.name.slice(0, 60), color: /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : '#888888', personId: typeof user.personId === 'string' ? user.personId : null },
    activity,
    self,
  }
}

/** A peer's meeting field, or null when it is missing or malformed (peers are untrusted). */
export function readMeetingPresence(value: unknown): MeetingPresence | null {
  if (typeof value !== 'object' || value === null) return null
  const m = value as Partial<Record<keyof MeetingPresence, unknown>>
  if (typeof m.meetingId !== 'string' || m.meetingId === '' || m.meetingId.length > 64) return null
  const following = typeof m.following === 'string' && m.following.length <= 64 ? m.following : null
  return { meetingId: m.meetingId, following, away: m.away === true }
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
    setMeeting: (meeting) => schedule('meeting', meeting),
    destroy() {
      if (timer !== null) clearTimeout(timer)
      awareness.off('change', onChange)
      listeners.clear()
    },
  }
}
