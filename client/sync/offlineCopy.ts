/**
 * @module The browser's copy of a workspace document in IndexedDB, read back in pieces: a reload
 * applies about `PIECE_BYTES` of stored updates per task and yields between them, so a 2,000-card
 * board's copy is many short tasks instead of one of half a second. New updates are stored as they
 * happen (one IndexedDB transaction per task); a long log is compacted into pieces (syncPieces).
 * The layout is y-indexeddb's (database `roundtable:<id>`, stores "updates" with auto keys and
 * "custom"), so copies written before this module, unsynced offline edits included, read as they are.
 */
import * as Y from 'yjs'

const UPDATES = 'updates'
const CUSTOM = 'custom'

/** Stored updates applied per task (and the size of a compacted piece): about 40 ms on a slow laptop. */
export const PIECE_BYTES = 64 * 1024

/** Records after which the log is compacted (y-indexeddb's figure). */
export const COMPACT_AFTER = 500

/** The state vector of an empty document: no clients. */
const EMPTY_STATE_VECTOR = new Uint8Array([0])

/** How long after the last stored update a due compaction waits: typing does not compact per key. */
const COMPACT_DELAY_MS = 1_000

export interface OfflineCopy {
  /** Resolves once every stored update is in the document, or the copy could not be opened. */
  readonly ready: Promise<void>
  /** Stops storing; pending updates are written first. */
  destroy(): void
}

export interface OfflineCopyOptions {
  /** Lets the page do other work between pieces (tests pass a plain timer). */
  readonly yieldTask?: () => Promise<void>
}

/** The name of a workspace's copy (y-indexeddb's name before us; kept so old copies are found). */
export const offlineCopyName = (workspaceId: string) => `roundtable:${workspaceId}`

/**
 * Reads the copy `name` into `doc` piece by piece and keeps storing `doc`'s updates into it. Updates
 * applied from the copy carry the returned object as their origin, so nothing stores them again.
 */
export function openOfflineCopy(doc: Y.Doc, name: string, options: OfflineCopyOptions = {}): OfflineCopy {
  const yieldTask = options.yieldTask ?? nextTask
  let db: IDBDatabase | null = null
  let destroyed = false
  /** Updates since the last write, stored at the end of the task. */
  let pending: Uint8Array[] = []
  let flushQueued = false
  /** Records in the store as far as this tab knows, and the highest key already in the document. */
  let records = 0
  let lastKey = 0
  let compactTimer: ReturnType<typeof setTimeout> | undefined
  let loaded = false

  const flush = () => {
    flushQueued = false
    if (db === null || pending.length === 0) return
    const store = db.transaction(UPDATES, 'readwrite').objectStore(UPDATES)
    for (const update of pending) {
      store.add(update).onsuccess = (event) => {
        lastKey = Math.max(lastKey, Number((event.target as IDBRequest<IDBValidKey>).result))
      }
    }
    records += pending.length
    pending = []
    scheduleCompaction()
  }
  const scheduleCompaction = () => {
    if (!loaded || records < COMPACT_AFTER || destroyed) return
    clearTimeout(compactTimer)
    compactTimer = setTimeout(() => {
      if (db !== null && !destroyed) void compact(db)
    }, COMPACT_DELAY_MS)
  }
  // Compaction is rare: its code loads when needed, not with the board.
  const compact = async (open: IDBDatabase) => {
    const { syncPieces } = await import('../../shared/doc/syncPieces.ts')
    if (destroyed) return
    const store = open.transaction(UPDATES, 'readwrite').objectStore(UPDATES)
    // Another tab may have stored updates since: take them in first, in this same transaction, so
    // what is cleared below is all in the document.
    const newer = store.getAll(IDBKeyRange.lowerBound(lastKey, true))
    const newerKeys = store.getAllKeys(IDBKeyRange.lowerBound(lastKey, true))
    // Finished even after a destroy: the transaction began before it, and the document is whole.
    newerKeys.onsuccess = () => {
      const updates = newer.result as Uint8Array[]
      if (updates.length > 0) Y.transact(doc, () => updates.forEach((u) => Y.applyUpdate(doc, u)), copy)
      for (const key of newerKeys.result) lastKey = Math.max(lastKey, Number(key))
      store.delete(IDBKeyRange.upperBound(lastKey))
      const { pieces, reached } = syncPieces(doc, EMPTY_STATE_VECTOR, PIECE_BYTES)
      // The rest: deletions, and structs waiting for others (encodeStateAsUpdate includes those).
      const parts = [...pieces, Y.encodeStateAsUpdate(doc, reached)]
      for (const part of parts) store.add(part)
      records = parts.length
    }
  }
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === copy || destroyed) return
    pending.push(update)
    if (flushQueued) return
    flushQueued = true
    queueMicrotask(flush)
  }
  // No 'update' listener while the copy is read: Yjs encodes every transaction's update for its
  // listeners, which is half the cost of applying a piece. A change made meanwhile (an edit, or the
  // server's answer when the socket stopped waiting) is encoded here instead, as it happens.
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === copy || (tr.changed.size === 0 && tr.deleteSet.clients.size === 0)) return
    onUpdate(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(tr.beforeState)), tr.origin)
  }
  doc.on('afterTransaction', onTransaction)

  const copy: OfflineCopy = {
    ready: openDatabase(name).then(
      async (open) => {
        if (destroyed) {
          open.close()
          return
        }
        db = open
        const { keys, updates } = await readAll(open)
        let big = false
        for (let i = 0; i < updates.length && !destroyed; ) {
          let bytes = 0
          const from = i
          while (i < updates.length && (i === from || bytes + updates[i]!.length <= PIECE_BYTES)) bytes += updates[i++]!.length
          big ||= bytes > 2 * PIECE_BYTES
          Y.transact(doc, () => {
            for (let j = from; j < i; j++) Y.applyUpdate(doc, updates[j]!)
          }, copy)
          if (i < updates.length) await yieldTask()
        }
        doc.off('afterTransaction', onTransaction)
        if (destroyed) return
        lastKey = keys.reduce<number>((max, key) => Math.max(max, Number(key)), lastKey)
        records = updates.length
        loaded = true
        doc.on('update', onUpdate)
        flush()
        // A copy written by y-indexeddb is one large update: store it in pieces for the next reload.
        if (big) void compact(open)
        else scheduleCompaction()
      },
      (error: unknown) => {
        doc.off('afterTransaction', onTransaction)
        if (!destroyed) doc.on('update', onUpdate)
        console.warn(`Roundtable: the offline copy ${name} could not be opened`, error)
      },
    ),
    destroy() {
      if (destroyed) return
      flush()
      destroyed = true
      clearTimeout(compactTimer)
      doc.off('update', onUpdate)
      doc.off('afterTransaction', onTransaction)
      db?.close()
    },
  }
  return copy
}

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name)
    // The request that fired (event.target), not `request`: a wrapped factory may hand back another.
    const fired = (event: Event) => event.target as IDBOpenDBRequest
    request.onupgradeneeded = (event) => {
      const db = fired(event).result
      if (!db.objectStoreNames.contains(UPDATES)) db.createObjectStore(UPDATES, { autoIncrement: true })
      if (!db.objectStoreNames.contains(CUSTOM)) db.createObjectStore(CUSTOM)
    }
    request.onsuccess = (event) => resolve(fired(event).result)
    request.onerror = (event) => reject(fired(event).error)
  })
}

function readAll(db: IDBDatabase): Promise<{ keys: IDBValidKey[]; updates: Uint8Array[] }> {
  return new Promise((resolve, reject) => {
    const store = db.transaction(UPDATES, 'readonly').objectStore(UPDATES)
    const values = store.getAll()
    const keys = store.getAllKeys()
    keys.onsuccess = () => resolve({ keys: keys.result, updates: values.result as Uint8Array[] })
    keys.onerror = () => reject(keys.error)
    values.onerror = () => reject(values.error)
  })
}

/**
 * Resumes in a new task (a MessageChannel message). Not scheduler.yield: its continuation runs
 * before waiting timers, so the board's render (subscribeChanges, a timer) waited for the whole copy;
 * a plain task lets it render the pieces read so far, and the first screen's cards come early.
 * Measured at 2,000 cards, load 7-10: first card 1,119-2,374 ms against 1,770-3,136 ms.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => {
      channel.port1.close()
      resolve()
    }
    channel.port2.postMessage(null)
  })
}
