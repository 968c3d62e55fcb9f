/**
 * @module Reads a stored whole-document state (a checkpoint) as model values, in a document of
 * its own that nothing else sees: the workspace then, and its meeting then.
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
