/** @module The DocStorage contract suite: every storage implementation must pass it unchanged. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DocStorage, StoredDoc } from '../../../server/storage/DocStorage.ts'

export interface StorageHarness {
  readonly storage: DocStorage
  /** Opens the same data again after `storage` was closed; absent for storage that keeps nothing. */
  readonly reopen?: () => Promise<DocStorage>
  readonly cleanup: () => Promise<void>
}

/** A Y.Doc whose every transaction's update is recorded, as a room would append it. */
export interface Editor {
  readonly doc: Y.Doc
  readonly map: Y.Map<unknown>
  /** Runs one transaction and returns the update it produced. */
  edit(fn: (map: Y.Map<unknown>) => void): Uint8Array
}

export function editor(): Editor {
  const doc = new Y.Doc()
  const map = doc.getMap<unknown>('m')
  let last: Uint8Array | undefined
  doc.on('update', (update: Uint8Array) => (last = update))
  return {
    doc,
    map,
    edit(fn) {
      last = undefined
      doc.transact(() => fn(map))
      if (last === undefined) throw new Error('the edit changed nothing')
      return last
    },
  }
}

/** Appends `n` edits of `e` to `docId` (each awaited before the next) and returns their updates. */
export async function appendEdits(storage: DocStorage, docId: string, e: Editor, n: number, tag = 'k'): Promise<Uint8Array[]> {
  const updates: Uint8Array[] = []
  for (let i = 0; i < n; i++) {
    const update = e.edit((m) => m.set(`${tag}${i}`, i))
    updates.push(update)
    await storage.append(docId, update)
  }
  return updates
}

/** Applies stored updates one at a time into a fresh doc, as the room does on open. */
export function replay(stored: StoredDoc): Y.Doc {
  const doc = new Y.Doc()
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc
}

/** The replayed doc holds exactly the source's content, with no update missing (no pending structs). */
export function expectSameDoc(stored: StoredDoc, source: Y.Doc): void {
  const copy = replay(stored)
  expect(copy.getMap('m').toJSON()).toEqual(source.getMap('m').toJSON())
  expect(Y.decodeStateVector(Y.encodeStateVector(copy))).toEqual(Y.decodeStateVector(Y.encodeStateVector(source)))
  expect(copy.store.pendingStructs).toBeNull()
}

const bytes = (updates: readonly Uint8Array[]) => updates.map((u) => Buffer.from(u).toString('hex'))

/** Registers the contract tests for one implementation. */
export function describeStorageContract(name: string, makeStorage: () => Promise<StorageHarness>): void {
  describe(`DocStorage contract: ${name}`, () => {
    let harness: StorageHarness
    let storage: DocStorage

    beforeEach(async () => {
      harness = await makeStorage()
      storage = harness.storage
    })
    afterEach(async () => {
      await harness.cleanup()
    })

    /** Closes `storage` and continues on reopened data, when the implementation keeps any. */
    async function reopened(): Promise<DocStorage | undefined> {
      if (harness.reopen === undefined) return undefined
      await storage.close()
      storage = await harness.reopen()
      return storage
    }

    it('loads an unknown document as empty', async () => {
      expect(await storage.load('nothing-here')).toEqual({ updates: [], logBytes: 0 })
    })

    it('keeps appends in order, including ones not yet awaited', async () => {
      const e = editor()
      const updates: Uint8Array[] = []
      const appends: Promise<void>[] = []
      for (let i = 0; i < 25; i++) {
        const update = e.edit((m) => m.set(`k${i % 7}`, i))
        updates.push(update)
        appends.push(storage.append('doc', update))
      }
      const loaded = await storage.load('doc')
      expect(bytes(loaded.updates)).toEqual(bytes(updates))
      expect(loaded.logBytes).toBeGreaterThanOrEqual(updates.reduce((n, u) => n + u.byteLength, 0))
      expectSameDoc(loaded, e.doc)
      await Promise.all(appends)
    })

    it('keeps several documents apart', async () => {
      const a = editor()
      const b = editor()
      for (let i = 0; i < 10; i++) {
        void storage.append('a', a.edit((m) => m.set(`a${i}`, i)))
        void storage.append('b', b.edit((m) => m.set(`b${i}`, i)))
      }
      await storage.compact('a', Y.encodeStateAsUpdate(a.doc))
      await storage.append('a', a.edit((m) => m.set('after', true)))
      expectSameDoc(await storage.load('a'), a.doc)
      expectSameDoc(await storage.load('b'), b.doc)
      expect((await storage.load('b')).updates).toHaveLength(10)
      await storage.delete('a')
      expect((await storage.load('a')).updates).toEqual([])
      expectSameDoc(await storage.load('b'), b.doc)
    })

    it('loads the compacted state followed by later appends', async () => {
      const e = editor()
      for (let i = 0; i < 10; i++) await storage.append('doc', e.edit((m) => m.set(`k${i}`, i)))
      const before = await storage.load('doc')
      const state = Y.encodeStateAsUpdate(e.doc)
      await storage.compact('doc', state)
      const compacted = await storage.load('doc')
      expect(bytes(compacted.updates)).toEqual(bytes([state]))
      expect(compacted.logBytes).toBe(0)
      const later: Uint8Array[] = []
      for (let i = 0; i < 5; i++) {
        const update = e.edit((m) => m.set(`later${i}`, i))
        later.push(update)
        await storage.append('doc', update)
      }
      const loaded = await storage.load('doc')
      expect(bytes(loaded.updates)).toEqual(bytes([state, ...later]))
      expect(loaded.logBytes).toBeLessThan(before.logBytes)
      expectSameDoc(loaded, e.doc)
      const again = await reopened()
      if (again !== undefined) expectSameDoc(await again.load('doc'), e.doc)
    })

    it('keeps an append made after compact was called but before it resolved', async () => {
      const e = editor()
      for (let i = 0; i < 5; i++) void storage.append('doc', e.edit((m) => m.set(`k${i}`, i)))
      const compaction = storage.compact('doc', Y.encodeStateAsUpdate(e.doc))
      const late = storage.append('doc', e.edit((m) => m.set('late', 'kept')))
      const later = storage.compact('doc', Y.encodeStateAsUpdate(e.doc))
      const latest = storage.append('doc', e.edit((m) => m.set('latest', 'kept too')))
      await Promise.all([compaction, late, later, latest])
      expectSameDoc(await storage.load('doc'), e.doc)
      const again = await reopened()
      if (again !== undefined) expectSameDoc(await again.load('doc'), e.doc)
    })

    it('resolves flush only after every earlier append is durable', async () => {
      const e = editor()
      const settled: boolean[] = []
      for (let i = 0; i < 12; i++) {
        const at = settled.push(false) - 1
        void storage.append(`doc${i % 3}`, e.edit((m) => m.set(`k${i}`, i))).then(() => (settled[at] = true))
      }
      await storage.flush()
      expect(settled.every(Boolean)).toBe(true)
      const again = await reopened()
      if (again !== undefined) {
        const total = (await Promise.all(['doc0', 'doc1', 'doc2'].map((id) => again.load(id)))).flatMap((d) => d.updates)
        expect(total).toHaveLength(12)
      }
    })

    it('deletes every trace of a document, and the id can be used again', async () => {
      const e = editor()
      await storage.append('doc', e.edit((m) => m.set('a', 1)))
      await storage.compact('doc', Y.encodeStateAsUpdate(e.doc))
      void storage.append('doc', e.edit((m) => m.set('b', 2)))
      await storage.delete('doc')
      expect(await storage.load('doc')).toEqual({ updates: [], logBytes: 0 })
      const fresh = editor()
      await storage.append('doc', fresh.edit((m) => m.set('new', true)))
      expectSameDoc(await storage.load('doc'), fresh.doc)
      const again = await reopened()
      if (again !== undefined) expectSameDoc(await again.load('doc'), fresh.doc)
    })

    it('orders delete with compactions and appends made around it', async () => {
      const old = editor()
      await storage.append('doc', old.edit((m) => m.set('old', 1)))
      const calls = [
        storage.compact('doc', Y.encodeStateAsUpdate(old.doc)),
        storage.append('doc', old.edit((m) => m.set('old', 2))),
        storage.delete('doc'),
      ]
      const fresh = editor()
      calls.push(storage.append('doc', fresh.edit((m) => m.set('new', 1))))
      const loaded = storage.load('doc')
      calls.push(storage.compact('doc', Y.encodeStateAsUpdate(fresh.doc)))
      calls.push(storage.append('doc', fresh.edit((m) => m.set('new', 2))))
      calls.push(storage.flush())
      await Promise.all(calls)
      // It holds the append made before it and nothing of the deleted document (later appends may
      // show up too: they are concurrent with it).
      expect(Object.keys(replay(await loaded).getMap('m').toJSON())).toEqual(['new'])
      expectSameDoc(await storage.load('doc'), fresh.doc)
      const again = await reopened()
      if (again !== undefined) expectSameDoc(await again.load('doc'), fresh.doc)
    })

    it('rejects every call once closed', async () => {
      await storage.append('doc', editor().edit((m) => m.set('a', 1)))
      await storage.close()
      await expect(storage.load('doc')).rejects.toThrow(/closed/)
      await expect(storage.append('doc', new Uint8Array([0, 0]))).rejects.toThrow(/closed/)
      await expect(storage.compact('doc', new Uint8Array([0, 0]))).rejects.toThrow(/closed/)
      await expect(storage.delete('doc')).rejects.toThrow(/closed/)
      await expect(storage.flush()).rejects.toThrow(/closed/)
      await expect(storage.close()).resolves.toBeUndefined()
    })
  })
}
