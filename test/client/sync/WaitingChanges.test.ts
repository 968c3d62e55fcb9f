/** @module The count of changes waiting to sync, kept across reloads. */
import { describe, expect, it } from 'vitest'
import { WaitingChanges } from '../../../client/sync/WaitingChanges.ts'
import type { KeyValueStore } from '../../../client/sync/WaitingChanges.ts'

function memoryStore(): KeyValueStore & { readonly items: Map<string, string> } {
  const items = new Map<string, string>()
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  }
}

describe('WaitingChanges', () => {
  it('outlives a reload: a new page of the same workspace starts from the count', () => {
    const store = memoryStore()
    const before = new WaitingChanges('w1', store)
    before.add()
    expect(before.add()).toBe(2)
    const reloaded = new WaitingChanges('w1', store)
    expect(reloaded.count).toBe(2)
    expect(new WaitingChanges('w2', store).count).toBe(0)
  })

  it('is cleared once the document syncs, for the next page too', () => {
    const store = memoryStore()
    const waiting = new WaitingChanges('w1', store)
    waiting.add()
    waiting.clear()
    expect(waiting.count).toBe(0)
    expect(store.items.size).toBe(0)
    expect(new WaitingChanges('w1', store).count).toBe(0)
  })

  it('counts in memory when there is no store or it refuses', () => {
    const none = new WaitingChanges('w1', null)
    expect(none.add()).toBe(1)
    const refusing: KeyValueStore = {
      getItem: () => {
        throw new Error('denied')
      },
      setItem: () => {
        throw new Error('quota')
      },
      removeItem: () => {},
    }
    const waiting = new WaitingChanges('w1', refusing)
    expect(waiting.count).toBe(0)
    expect(waiting.add()).toBe(1)
  })

  it('reads a broken entry as nothing waiting', () => {
    const store = memoryStore()
    for (const bad of ['-3', 'many', '1.5', '']) {
      store.items.set('roundtable:waiting:w1', bad)
      expect(new WaitingChanges('w1', store).count).toBe(0)
    }
  })
})
