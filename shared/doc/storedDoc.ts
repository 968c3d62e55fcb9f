/**
 * @module A stored whole-document state (a checkpoint) as a document of its own, a door of its
 * own like meetings.ts: the history view reads the board and the OKR tree from it with the same
 * readers as the live document. Nothing syncs it and nothing should write it; it goes with its last reference.
 */
import * as Y from 'yjs'
import { snapshot } from './snapshot.ts'

/** A new document holding `state` (an encoded Yjs update of a whole document, as readState takes). */
export function storedDoc(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc()
  // Declare every root before the state arrives, as the live connection does.
  snapshot(doc)
  Y.applyUpdate(doc, state)
  return doc
}
