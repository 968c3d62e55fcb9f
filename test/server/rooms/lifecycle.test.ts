/** A room loads once, persists every change, compacts, unloads when empty, reloads, shuts down. */
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { checkIn, openSession, snapshot } from '../../../shared/doc/index.ts'
import { CloseCode } from '../../../shared/protocol/index.ts'
import { RefuseReason } from '../../../server/rooms/refusal.ts'
import { RoomMetricName } from '../../../server/rooms/roomMetrics.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'
import { deferred, exchange, harness, text, turn, waitFor } from './harness.ts'
import type { Harness } from './harness.ts'

let h: Harness
afterEach(async () => {
  await h.dispose()
})

describe('persistence', () => {
  it('appends every change to the log, one append per change, no snapshot per keystroke', async () => {
    h = harness()
    const a = h.client('w1')
    await exchange(a)
    for (const ch of 'typing') {
      a.doc.getText('t').insert(text(a.doc).length, ch)
      await exchange(a)
    }
    expect(h.storage.appends).toBe(6)
    expect(h.storage.compactions).toBe(0)
    expect(text(await h.storage.stored('w1'))).toBe('typing')
  })

  it('compacts in the background once the log passes compactLogBytes', async () => {
    h = harness({ compactLogBytes: 200 })
    const a = h.client('w1')
    await exchange(a)
    a.doc.getText('t').insert(0, 'x'.repeat(300))
    await exchange(a)
    await waitFor(() => h.storage.compactions === 1)
    const stored = await h.storage.inner.load('w1')
    expect(stored.logBytes).toBe(0)
    expect(stored.updates).toHaveLength(1)
    a.doc.getText('t').insert(0, 'y')
    await exchange(a)
    expect((await h.storage.inner.load('w1')).updates).toHaveLength(2)
  })
})

describe('unload', () => {
  it('compacts into storage after the last connection leaves, and a reconnect reloads it', async () => {
    h = harness()
    const a = h.client('w1')
    const b = h.client('w1')
    await exchange(a, b)
    a.doc.getText('t').insert(0, 'kept')
    await exchange(a, b)
    a.connection.close()
    await turn()
    expect(h.storage.compactions).toBe(0) // b is still there
    b.connection.close()
    await waitFor(() => h.rooms.stats().rooms === 0)
    expect(h.storage.compactions).toBe(1)
    const stored = await h.storage.inner.load('w1')
    expect(stored).toMatchObject({ logBytes: 0 })
    expect(stored.updates).toHaveLength(1)

    const c = h.client('w1')
    await exchange(c)
    expect(h.storage.loads).toBe(2)
    expect(text(c.doc)).toBe('kept')
  })

  it('a connection arriving while the room unloads gets the full document', async () => {
    h = harness()
    const a = h.client('w1')
    await exchange(a)
    a.doc.getText('t').insert(0, 'still here')
    await exchange(a)
    const gate = deferred()
    h.storage.compactGate = gate.promise
    a.connection.close()
    await turn()
    expect(h.storage.compactions).toBe(1) // the unload is flushing

    const b = h.client('w1')
    await exchange(b)
    expect(text(b.doc)).toBe('still here')
    gate.resolve()
    await turn()
    await turn()
    // The unload was abandoned: the document stayed live for b.
    expect(h.rooms.stats()).toEqual({ rooms: 1, connections: 1 })
    b.doc.getText('t').insert(0, '> ')
    await exchange(b)
    h.storage.compactGate = null
    b.connection.close()
    await waitFor(() => h.rooms.stats().rooms === 0)
    expect(text(await h.storage.stored('w1'))).toBe('> still here')
  })

  it('changes made while the unload flushes are flushed too', async () => {
    h = harness()
    const a = h.client('w1')
    await exchange(a)
    const gate = deferred()
    h.storage.compactGate = gate.promise
    a.doc.getText('t').insert(0, 'one')
    await exchange(a)
    a.connection.close()
    await turn()
    const b = h.client('w1')
    await exchange(b)
    b.doc.getText('t').insert(3, ' two')
    await exchange(b)
    b.connection.close()
    h.storage.compactGate = null
    gate.resolve()
    await waitFor(() => h.rooms.stats().rooms === 0)
    const stored = await h.storage.inner.load('w1')
    expect(stored.logBytes).toBe(0)
    expect(text(await h.storage.stored('w1'))).toBe('one two')
  })
})

describe('withDoc', () => {
  it('edits reach connected clients and storage', async () => {
    h = harness()
    const fixture = buildWorkspace()
    await h.storage.inner.append('w1', Y.encodeStateAsUpdate(fixture.doc))
    const a = h.client('w1')
    await exchange(a)

    const id = await h.rooms.withDoc('w1', (doc) =>
      checkIn(openSession(doc, { source: 'api' }), { keyResultId: fixture.krA, value: 30, confidence: 7 }),
    )
    expect(h.storage.appends).toBe(1) // durable before withDoc resolved
    await exchange(a)
    expect(snapshot(a.doc).checkIns.get(id)).toMatchObject({ value: 30 })
    expect(snapshot(await h.storage.stored('w1')).checkIns.get(id)).toMatchObject({ value: 30 })
  })

  it('loads a document nobody has open, and unloads it afterwards', async () => {
    h = harness()
    await h.rooms.withDoc('w1', (doc) => doc.getText('t').insert(0, 'from the API'))
    expect(h.rooms.stats().rooms).toBe(0)
    expect(h.storage.compactions).toBe(1)
    expect(text(await h.storage.stored('w1'))).toBe('from the API')
    expect(await h.rooms.withDoc('w1', (doc) => text(doc))).toBe('from the API')
  })

  it('rejects when the change cannot be stored', async () => {
    h = harness()
    h.storage.failAppends = true
    await expect(h.rooms.withDoc('w1', (doc) => doc.getText('t').insert(0, 'x'))).rejects.toThrow(/could not be stored/)
    expect(h.logs.some((line) => line.includes('append failed'))).toBe(true)
    h.storage.failAppends = false
  })

  it('passes on the error of a failing edit', async () => {
    h = harness()
    await expect(
      h.rooms.withDoc('w1', () => {
        throw new Error('no such key result')
      }),
    ).rejects.toThrow('no such key result')
    expect(h.rooms.stats().rooms).toBe(0)
  })
})

describe('reload', () => {
  it('reloads the room from storage when applying an update throws', async () => {
    h = harness()
    const a = h.client('w1')
    const b = h.client('w1')
    await exchange(a, b)
    a.doc.getText('t').insert(0, 'safe')
    await exchange(a, b)
    // An observer that throws stands in for a Yjs failure half-way through an update.
    await h.rooms.withDoc('w1', (doc) =>
      doc.getMap('trap').observe(() => {
        throw new Error('boom')
      }),
    )
    b.doc.getMap('trap').set('x', 1)
    await exchange(a, b)
    expect(b.closeCode).toBe(CloseCode.BadMessage)
    expect(a.closeCode).toBe(CloseCode.GoingAway)
    expect(h.metrics.value(RoomMetricName.Refused, { reason: RefuseReason.ApplyFailed })).toBe(1)
    await waitFor(() => h.rooms.stats().rooms === 0)

    // Reconnecting loads a fresh document (without the trap) from storage.
    const c = h.client('w1')
    await exchange(c)
    expect(h.storage.loads).toBe(2)
    expect(text(c.doc)).toBe('safe')
    c.doc.getMap('trap').set('y', 2)
    await exchange(c)
    expect(c.closeCode).toBeNull()
  })

  it('a connection arriving during a reload waits for it, then loads afresh', async () => {
    h = harness()
    const a = h.client('w1')
    await exchange(a)
    a.doc.getText('t').insert(0, 'base')
    await exchange(a)
    await h.rooms.withDoc('w1', (doc) =>
      doc.getMap('trap').observe(() => {
        throw new Error('boom')
      }),
    )
    a.doc.getMap('trap').set('x', 1)
    const b = h.client('w1') // same tick as the failure
    await exchange(a, b)
    expect(a.closeCode).toBe(CloseCode.BadMessage)
    expect(b.closeCode).toBeNull()
    expect(text(b.doc)).toBe('base')
  })
})

describe('close', () => {
  it('flushes every room, closes sockets with 1001 and refuses newcomers', async () => {
    h = harness()
    const a = h.client('w1')
    const b = h.client('w2')
    await exchange(a, b)
    a.doc.getText('t').insert(0, 'a')
    b.doc.getText('t').insert(0, 'b')
    await exchange(a, b)
    await h.rooms.close()
    expect(a.closeCode).toBe(CloseCode.GoingAway)
    expect(b.closeCode).toBe(CloseCode.GoingAway)
    expect(h.storage.compactions).toBe(2)
    expect(h.rooms.stats()).toEqual({ rooms: 0, connections: 0 })
    expect((await h.storage.inner.load('w1')).logBytes).toBe(0)

    const late = h.client('w1')
    expect(late.closeCode).toBe(CloseCode.GoingAway)
    await expect(h.rooms.withDoc('w1', () => {})).rejects.toThrow(/closed/)
  })

  it('closes connections whose document is still loading', async () => {
    h = harness()
    const gate = deferred()
    h.storage.loadGate = gate.promise
    const a = h.client('w1')
    const closing = h.rooms.close()
    gate.resolve()
    await closing
    expect(a.closeCode).toBe(CloseCode.GoingAway)
    expect(h.rooms.stats().rooms).toBe(0)
  })

  it('closes the waiting connections when the document cannot be loaded', async () => {
    h = harness()
    h.storage.loadGate = Promise.reject(new Error('disk gone'))
    const a = h.client('w1')
    await waitFor(() => a.closeCode !== null)
    expect(a.closeCode).toBe(CloseCode.GoingAway)
    expect(h.logs.some((line) => line.includes('could not load'))).toBe(true)
    h.storage.loadGate = null
    const b = h.client('w1')
    await exchange(b)
    expect(b.synced).toBe(true)
  })
})
