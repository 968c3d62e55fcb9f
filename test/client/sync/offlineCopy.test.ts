/**
 * The offline copy in IndexedDB (fake-indexeddb): what a document stores comes back on a reload,
 * read in pieces of at most PIECE_BYTES per task; a long log is compacted into pieces; updates
 * made while the copy is read are kept; a copy written by y-indexeddb (its compacted update plus
 * unsynced edits after it) reads as it is and is stored in pieces afterwards.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'
import { COMPACT_AFTER, PIECE_BYTES, offlineCopyName, openOfflineCopy } from '../../../client/sync/offlineCopy.ts'
import type { OfflineCopy } from '../../../client/sync/offlineCopy.ts'

const NAME = offlineCopyName('w1')
let factory: IDBFactory
const open: OfflineCopy[] = []

beforeEach(() => {
  factory = new IDBFactory()
  vi.stubGlobal('indexedDB', factory)
  vi.stubGlobal('IDBKeyRange', IDBKeyRange)
})

afterEach(() => {
  for (const copy of open.splice(0)) copy.destroy()
  vi.unstubAllGlobals()
})

/** A board-like document: `n` task maps with titles, some retitled by typing, some deleted. */
function board(doc: Y.Doc, n: number): Y.Doc {
  const tasks = doc.getMap<Y.Map<unknown>>('tasks')
  for (let i = 0; i < n; i++) {
    doc.transact(() => {
      const task = new Y.Map<unknown>()
      const title = new Y.Text(`Task ${i}: follow up on item ${i} with a title of a realistic length`)
      task.set('title', title)
      task.set('column', 'todo')
      tasks.set(`task-${i}`, task)
      if (i % 7 === 0) title.delete(0, 5)
      if (i % 5 === 0) task.set('column', 'done')
    })
  }
  for (let i = 0; i < n; i += 11) tasks.delete(`task-${i}`)
  return doc
}

const json = (doc: Y.Doc) => doc.getMap('tasks').toJSON()

/** A document with its copy open, `yields` counting the tasks the reading took after the first. */
function reopen(): { doc: Y.Doc; copy: OfflineCopy; yields: { count: number } } {
  const doc = new Y.Doc()
  const yields = { count: 0 }
  const copy = openOfflineCopy(doc, NAME, {
    yieldTask: () => {
      yields.count++
      return new Promise((resolve) => setTimeout(resolve, 0))
    },
  })
  open.push(copy)
  return { doc, copy, yields }
}

/** The stored records of the copy, in key order. */
function records(): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const request = factory.open(NAME)
    request.onerror = () => reject(request.error)
    request.onsuccess = () => {
      const db = request.result
      const all = db.transaction('updates').objectStore('updates').getAll()
      all.onsuccess = () => {
        db.close()
        resolve(all.result as Uint8Array[])
      }
      all.onerror = () => reject(all.error)
    }
  })
}

const count = async () => (await records()).length

function close(copy: OfflineCopy): void {
  copy.destroy()
  open.splice(open.indexOf(copy), 1)
}

describe('openOfflineCopy', () => {
  it('stores each update as it happens and reads them all back on a reload', async () => {
    const first = reopen()
    await first.copy.ready
    board(first.doc, 50)
    await expect.poll(count).toBeGreaterThanOrEqual(50)
    close(first.copy)

    const second = reopen()
    await second.copy.ready
    expect(json(second.doc)).toEqual(json(first.doc))
    expect(Object.keys(json(second.doc))).toHaveLength(50 - 5)
  })

  it('reads a large copy in several tasks of at most PIECE_BYTES each', async () => {
    const source = board(new Y.Doc(), 5_000)
    const whole = Y.encodeStateAsUpdate(source)
    expect(whole.length).toBeGreaterThan(4 * PIECE_BYTES)
    // Stored as one large update (as y-indexeddb's compaction leaves it).
    const first = reopen()
    await first.copy.ready
    Y.applyUpdate(first.doc, whole)
    close(first.copy)
    await expect.poll(count).toBe(1)
    // The one large update is compacted into pieces once a reload has read it.
    const second = reopen()
    await second.copy.ready
    await expect.poll(count).toBeGreaterThan(4)
    const stored = await records()
    expect(Math.max(...stored.map((r) => r.length))).toBeLessThan(2 * PIECE_BYTES)
    close(second.copy)

    const third = reopen()
    const sizes: number[] = []
    third.doc.on('update', (update: Uint8Array) => sizes.push(update.length))
    await third.copy.ready
    expect(json(third.doc)).toEqual(json(source))
    expect(third.yields.count).toBeGreaterThanOrEqual(4)
    expect(sizes.length).toBe(third.yields.count + 1)
  })

  it(`compacts a log of ${COMPACT_AFTER} records into pieces, keeping everything`, async () => {
    const first = reopen()
    await first.copy.ready
    const list = first.doc.getArray<number>('list')
    for (let i = 0; i < COMPACT_AFTER + 20; i++) list.push([i])
    await expect.poll(count).toBeGreaterThanOrEqual(COMPACT_AFTER)
    // A small document fits one record.
    await expect.poll(count, { timeout: 10_000 }).toBe(1)
    list.push([-1])
    await expect.poll(count).toBe(2)
    close(first.copy)

    const second = reopen()
    await second.copy.ready
    expect(second.doc.getArray('list').toJSON()).toEqual(list.toJSON())
  })

  it('keeps an update made while the copy is being read', async () => {
    const first = reopen()
    await first.copy.ready
    board(first.doc, 3_000)
    close(first.copy)
    await expect.poll(count).toBeGreaterThanOrEqual(3_000)

    const second = reopen()
    second.doc.getMap('tasks').set('typed-meanwhile', 'yes')
    await second.copy.ready
    close(second.copy)

    const third = reopen()
    await third.copy.ready
    expect(third.doc.getMap('tasks').get('typed-meanwhile')).toBe('yes')
    expect(Object.keys(json(third.doc)).length).toBe(Object.keys(json(first.doc)).length + 1)
  })

  it("reads y-indexeddb's copy with unsynced edits after its compacted update, then stores it in pieces", async () => {
    const old = board(new Y.Doc(), 4_000)
    const persistence = new IndexeddbPersistence(NAME, old)
    await persistence.whenSynced
    // y-indexeddb's compacted form: the whole document as one update (what it writes on a trim).
    await new Promise<void>((resolve, reject) => {
      const request = factory.open(NAME)
      request.onsuccess = () => {
        const tx = request.result.transaction('updates', 'readwrite')
        tx.objectStore('updates').clear()
        tx.objectStore('updates').add(Y.encodeStateAsUpdate(old))
        tx.oncomplete = () => {
          request.result.close()
          resolve()
        }
        tx.onerror = () => reject(tx.error)
      }
    })
    // An edit made offline after it, stored by y-indexeddb as its own record.
    old.getMap('tasks').set('offline-edit', 'not synced yet')
    await expect.poll(count).toBe(2)
    await persistence.destroy()

    const mine = reopen()
    await mine.copy.ready
    expect(mine.doc.getMap('tasks').get('offline-edit')).toBe('not synced yet')
    expect(json(mine.doc)).toEqual(json(old))
    await expect.poll(count).toBeGreaterThan(2)
    expect(Math.max(...(await records()).map((r) => r.length))).toBeLessThan(2 * PIECE_BYTES)
    close(mine.copy)

    const again = reopen()
    await again.copy.ready
    expect(json(again.doc)).toEqual(json(old))
  })

  it('resolves ready without the copy when IndexedDB refuses to open it', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        const request = {} as IDBOpenDBRequest
        setTimeout(() => request.onerror?.call(request, { target: { error: new Error('refused') } } as unknown as Event), 0)
        return request
      },
    })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { copy, doc } = reopen()
    await copy.ready
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('could not be opened'), expect.any(Error))
    doc.getMap('tasks').set('a', 1)
    warn.mockRestore()
  })
})
