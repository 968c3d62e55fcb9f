import { afterEach, describe, expect, it, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { PRESENCE_THROTTLE_MS, createPresence } from '../../../client/sync/presence.ts'

afterEach(() => vi.useRealTimers())

describe('presence', () => {
  it('sends at most one awareness update per throttle window, with the latest activity', () => {
    vi.useFakeTimers()
    const awareness = new Awareness(new Y.Doc())
    const presence = createPresence(awareness)
    let updates = 0
    awareness.on('update', () => updates++)
    for (let i = 0; i < 50; i++) presence.setActivity({ kind: 'dragging', taskId: `t${i}` })
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS)
    expect(updates).toBe(1)
    expect(awareness.getLocalState()?.activity).toEqual({ kind: 'dragging', taskId: 't49' })
    for (let i = 0; i < 50; i++) {
      presence.setActivity({ kind: 'editing', target: `task:${i}` })
      vi.advanceTimersByTime(10)
    }
    vi.advanceTimersByTime(PRESENCE_THROTTLE_MS)
    // 500 ms of constant changes: about 10 per second, never one per change.
    expect(updates).toBeLessThanOrEqual(1 + 6)
    presence.destroy()
  })

  it('ignores malformed states from peers', () => {
    const doc = new Y.Doc()
    const awareness = new Awareness(doc)
    const presence = createPresence(awareness)
    awareness.states.set(42, { user: { name: 7 } })
    awareness.states.set(43, { user: { name: 'Eve', color: 'javascript:alert(1)' }, activity: { kind: 'hack' } })
    awareness.emit('change', [{ added: [42, 43], updated: [], removed: [] }, 'remote'])
    const eve = presence.peers().find((p) => p.clientId === 43)
    expect(presence.peers().some((p) => p.clientId === 42)).toBe(false)
    expect(eve?.user.color).toBe('#888888')
    expect(eve?.activity).toBeNull()
  })
})
