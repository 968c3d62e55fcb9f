/**
 * Who is in a meeting, by presence: the people whose awareness state names the meeting, from
 * connections that may write; gone with their connection. The vote API reveals a round by itself
 * once all of them have voted.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { Role } from '../../../shared/protocol/index.ts'
import { exchange, harness } from './harness.ts'
import type { Harness } from './harness.ts'

let h: Harness
afterEach(async () => {
  await h.dispose()
})

const state = (personId: unknown, meetingId: string | null) => ({
  user: { name: String(personId), color: '#123456', personId },
  ...(meetingId === null ? {} : { meeting: { meetingId, following: null, away: false } }),
})

describe('Rooms.presentIn', () => {
  it('lists the writers whose presence names the meeting; not viewers, other meetings, malformed states or people who left', async () => {
    h = harness()
    const [ada, bob, cy, vic, junk] = [
      h.client('w1'),
      h.client('w1', { role: Role.Owner }),
      h.client('w1'),
      h.client('w1', { role: Role.Viewer }),
      h.client('w1'),
    ]
    await exchange(ada, bob, cy, vic, junk)
    expect(h.rooms.presentIn('w1', 'm1')).toEqual(new Set())
    ada.setPresence(state('ada', 'm1'))
    bob.setPresence(state('bob', 'm1'))
    cy.setPresence(state('cy', 'm2'))
    vic.setPresence(state('vic', 'm1'))
    junk.setPresence(state({ not: 'an id' }, 'm1'))
    await exchange(ada, bob, cy, vic, junk)
    expect(h.rooms.presentIn('w1', 'm1')).toEqual(new Set(['ada', 'bob']))
    expect(h.rooms.presentIn('w1', 'm2')).toEqual(new Set(['cy']))
    expect(h.rooms.presentIn('w2', 'm1')).toEqual(new Set())

    // Leaving the meeting, or the room.
    bob.setPresence(state('bob', null))
    ada.disconnect()
    await exchange(bob, cy)
    expect(h.rooms.presentIn('w1', 'm1')).toEqual(new Set())
  })
})
