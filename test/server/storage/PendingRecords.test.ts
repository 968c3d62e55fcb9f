/** @module A document's pending records, packed as log records in chunks. */
import { describe, expect, it } from 'vitest'
import { PendingRecords } from '../../../server/storage/PendingRecords.ts'
import { encodeRecords } from '../../../server/storage/updateLog.ts'

const update = (n: number, size = 5) => new Uint8Array(size).fill(n)

describe('PendingRecords', () => {
  it('holds copies of the updates, in order', () => {
    const pending = new PendingRecords()
    const first = update(1)
    pending.add(first)
    pending.add(update(2, 0))
    first.fill(9)
    expect(pending.updates()).toEqual([update(1), update(2, 0)])
  })

  it('seals exactly the bytes a log would get from encodeRecords', () => {
    const pending = new PendingRecords()
    const updates = Array.from({ length: 300 }, (_, i) => update(i % 256, i % 17))
    for (const u of updates) pending.add(u)
    const sealed = pending.seal()
    expect(sealed.length).toBeGreaterThan(1)
    expect(Buffer.concat(sealed)).toEqual(Buffer.from(encodeRecords(updates)))
    expect(pending.byteLength).toBe(encodeRecords(updates).byteLength)
  })

  it('keeps a record larger than a chunk whole', () => {
    const pending = new PendingRecords()
    pending.add(update(1))
    pending.add(update(2, 5_000))
    pending.add(update(3))
    expect(pending.updates()).toEqual([update(1), update(2, 5_000), update(3)])
  })

  it('drops what was sealed and keeps what was added after', () => {
    const pending = new PendingRecords()
    pending.add(update(1))
    const sealed = pending.seal()
    pending.add(update(2))
    expect(pending.updates()).toEqual([update(1), update(2)])
    pending.drop(sealed)
    expect(pending.updates()).toEqual([update(2)])
    expect(pending.byteLength).toBe(encodeRecords([update(2)]).byteLength)
    pending.drop(pending.seal())
    expect(pending.empty).toBe(true)
    expect(pending.updates()).toEqual([])
  })

  it('refuses to drop chunks it no longer starts with', () => {
    const pending = new PendingRecords()
    pending.add(update(1))
    const sealed = pending.seal()
    pending.drop(sealed)
    expect(() => pending.drop(sealed)).toThrow(/out of order/)
  })
})
