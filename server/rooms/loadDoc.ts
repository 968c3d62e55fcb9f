/** @module Builds a room's document from what storage holds. */
import * as Y from 'yjs'
import type { StoredDoc } from '../storage/DocStorage.ts'
import { declareRoots } from './declareRoots.ts'
import { dropPending } from './dropPending.ts'

export interface LoadedDoc {
  readonly doc: Y.Doc
  /** Stored updates that threw and were left out. */
  readonly skipped: number
  /** Whether stored updates left structs waiting for clocks nobody has (dropped). */
  readonly droppedPending: boolean
}

/** A fresh document with the schema's roots declared and every stored update applied. */
export function loadDoc(stored: StoredDoc): LoadedDoc {
  const doc = new Y.Doc()
  declareRoots(doc)
  let skipped = 0
  // One applyUpdate per stored update: replaying thousands inside one transaction is quadratic.
  for (const update of stored.updates) {
    try {
      Y.applyUpdate(doc, update)
    } catch {
      // One bad entry must not make the whole workspace unloadable.
      skipped++
    }
  }
  return { doc, skipped, droppedPending: dropPending(doc) }
}
