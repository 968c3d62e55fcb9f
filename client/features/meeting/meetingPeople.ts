/** @module Who is in the meeting (from awareness): one entry a person, with whether they follow or are away. */
import type { Meeting, PersonId } from '../../../shared/model/index.ts'
import type { Peer } from '../../sync/presence.ts'

export interface MeetingPerson {
  readonly key: string
  readonly personId: string | null
  readonly name: string
  readonly color: string
  readonly self: boolean
  readonly facilitator: boolean
  readonly following: boolean
  /** Every tab of theirs in the meeting is hidden. */
  readonly away: boolean
}

/** The people whose awareness says they are in `meeting`: the facilitator first, then me, then by name. */
export function meetingPeople(peers: readonly Peer[], meeting: Pick<Meeting, 'id' | 'facilitatorId'>): readonly MeetingPerson[] {
  const byKey = new Map<string, MeetingPerson>()
  for (const peer of peers) {
    if (peer.meeting?.meetingId !== meeting.id) continue
    const key = peer.user.personId ?? `client:${peer.clientId}`
    const was = byKey.get(key)
    const person: MeetingPerson = {
      key,
      personId: peer.user.personId,
      name: peer.user.name,
      color: peer.user.color,
      self: peer.self || (was?.self ?? false),
      facilitator: peer.user.personId !== null && peer.user.personId === meeting.facilitatorId,
      following: peer.meeting.following !== null || (was?.following ?? false),
      away: peer.meeting.away && (was?.away ?? true),
    }
    byKey.set(key, person)
  }
  const rank = (p: MeetingPerson) => (p.facilitator ? 0 : p.self ? 1 : 2)
  return [...byKey.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}

/** True when the facilitator is in the meeting with a visible tab (else others may take over). */
export function facilitatorPresent(people: readonly MeetingPerson[], facilitatorId: PersonId | null): boolean {
  return facilitatorId !== null && people.some((p) => p.personId === facilitatorId && !p.away)
}
