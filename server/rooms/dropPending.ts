/** @module Forgets what a document keeps aside while it waits for unknown clocks. */
import type * as Y from 'yjs'

/**
 * Drops structs and deletes that wait for clocks the document does not have; true if there were
 * any. They never touched the document (Yjs keeps them aside), so forgetting them is safe, and
 * keeping them would let a client park memory on the server that nobody ever sees.
 */
export function dropPending(doc: Y.Doc): boolean {
  const store = doc.store
  if (store.pendingStructs === null && store.pendingDs === null) return false
  store.pendingStructs = null
  store.pendingDs = null
  return true
}
