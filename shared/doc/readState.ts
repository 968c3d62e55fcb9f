/**
 * @module Reads a stored whole-document state (a checkpoint) as model values, in a document of
 * its own that nothing else sees: the workspace then, and its meeting then. `encodeState` makes
 * such a state of a live document (what a checkpoint holds, and what "what changed" compares), or
 * only what it holds beyond a checkpoint's `stateVectorOf`: a small update, cheap to encode.
 */
import * as Y from 'yjs'
import type { MeetingState, WorkspaceSnapshot } from '../model/index.ts'
import { readMeetingState } from './readMeeting.ts'
import { readSnapshot } from './snapshot.ts'

export interface StoredState {
  readonly snapshot: WorkspaceSnapshot
  readonly meeting: MeetingState
}

/**
 * The workspace and meeting held by `state` (an encoded Yjs update of a whole document), with
 * `more` applied after it (updates of the same document, e.g. what it holds beyond `state`).
 */
export function readState(state: Uint8Array, ...more: readonly Uint8Array[]): StoredState {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    for (const update of more) Y.applyUpdate(doc, update)
    return { snapshot: readSnapshot(doc), meeting: readMeetingState(doc) }
  } finally {
    doc.destroy()
  }
}

/**
 * The whole document as one encoded Yjs update: what `readState` reads back. With `since` (a
 * `stateVectorOf` an earlier state), only what the document holds beyond it, and every deletion.
 */
export function encodeState(doc: Y.Doc, since?: Uint8Array): Uint8Array {
  return Y.encodeStateAsUpdate(doc, since)
}

/** What `state` holds, as a Yjs state vector: reads through the whole update, so not on a busy thread. */
export function stateVectorOf(state: Uint8Array): Uint8Array {
  return Y.encodeStateVectorFromUpdate(state)
}
