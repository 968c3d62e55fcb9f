/**
 * @module Reads a stored whole-document state (a checkpoint) as model values, in a document of
 * its own that nothing else sees: the workspace then, and its meeting then. `encodeState` makes
 * such a state of a live document (what a checkpoint holds, and what "what changed" compares).
 */
import * as Y from 'yjs'
import type { MeetingState, WorkspaceSnapshot } from '../model/index.ts'
import { readMeetingState } from './readMeeting.ts'
import { readSnapshot } from './snapshot.ts'

export interface StoredState {
  readonly snapshot: WorkspaceSnapshot
  readonly meeting: MeetingState
}

/** The workspace and meeting held by `state` (an encoded Yjs update of a whole document). */
export function readState(state: Uint8Array): StoredState {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return { snapshot: readSnapshot(doc), meeting: readMeetingState(doc) }
  } finally {
    doc.destroy()
  }
}

/** The whole document as one encoded Yjs update: what `readState` reads back. */
export function encodeState(doc: Y.Doc): Uint8Array {
  return Y.encodeStateAsUpdate(doc)
}
