/**
 * @module Whether this tab has joined the running meeting and follows its facilitator. Local to
 * the tab (sessionStorage, so a reload lands back in the meeting, following as before); what
 * others see of it is the awareness field written by useMeetingPresence.
 */
import { useCallback, useSyncExternalStore } from 'react'

export interface Participation {
  readonly meetingId: string
  /** Following the facilitator: their agenda moves this screen. */
  readonly following: boolean
}

const key = (workspaceId: string) => `roundtable:meeting:${workspaceId}`
const states = new Map<string, Participation | null>()
const listeners = new Set<() => void>()

function load(workspaceId: string): Participation | null {
  try {
    const raw = sessionStorage.getItem(key(workspaceId))
    if (raw === null) return null
    const value = JSON.parse(raw) as Partial<Participation>
    return typeof value.meetingId === 'string' ? { meetingId: value.meetingId, following: value.following === true } : null
  } catch {
    return null
  }
}

/** This tab's place in a meeting of `workspaceId`, or null. */
export function participation(workspaceId: string): Participation | null {
  if (!states.has(workspaceId)) states.set(workspaceId, load(workspaceId))
  return states.get(workspaceId) ?? null
}

/** Joins (`following` = follow the facilitator), changes following, or leaves (null). */
export function setParticipation(workspaceId: string, next: Participation | null): void {
  const was = participation(workspaceId)
  if (was?.meetingId === next?.meetingId && was?.following === next?.following) return
  states.set(workspaceId, next)
  try {
    if (next === null) sessionStorage.removeItem(key(workspaceId))
    else sessionStorage.setItem(key(workspaceId), JSON.stringify(next))
  } catch {
    // Private mode without storage: the tab still joins, a reload asks again.
  }
  for (const listener of listeners) listener()
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** My place in meeting `meetingId` (null: not joined, or joined an earlier meeting). */
export function useParticipation(workspaceId: string, meetingId: string | null): Participation | null {
  const read = useCallback(() => participation(workspaceId), [workspaceId])
  const p = useSyncExternalStore(subscribe, read, read)
  return p !== null && p.meetingId === meetingId ? p : null
}
