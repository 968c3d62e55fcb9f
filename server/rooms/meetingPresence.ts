/**
 * @module Reads who is in a meeting from a presence (awareness) state, as client/sync/presence.ts
 * writes it: `user.personId`, and `meeting.meetingId` for everyone who joined the meeting. States
 * come from clients: anything malformed counts as absent.
 */
import { isId } from '../../shared/model/index.ts'
import type { PersonId } from '../../shared/model/index.ts'

/** The person a presence state names (`user.personId`), or null. */
export function presencePersonOf(state: unknown): PersonId | null {
  if (typeof state !== 'object' || state === null) return null
  const { user } = state as { user?: unknown }
  if (typeof user !== 'object' || user === null) return null
  const personId = (user as { personId?: unknown }).personId
  return isId(personId) ? (personId as PersonId) : null
}

/** The person a presence state shows in meeting `meetingId`, or null. */
export function meetingPersonOf(state: unknown, meetingId: string): PersonId | null {
  if (typeof state !== 'object' || state === null) return null
  const { meeting } = state as { meeting?: unknown }
  if (typeof meeting !== 'object' || meeting === null || (meeting as { meetingId?: unknown }).meetingId !== meetingId) return null
  return presencePersonOf(state)
}
