/** @module The meeting part of the workspace (the current or last meeting, its vote rounds), re-read only when it changes. */
import { useCallback, useSyncExternalStore } from 'react'
import { meetingState } from '../../shared/doc/index.ts'
import type { MeetingState } from '../../shared/model/index.ts'
import { subscribeChanges } from './subscribeChanges.ts'
import { useWorkspace } from './useWorkspace.ts'

/** The meeting state: the same object until a meeting root changes (meetingState caches it). */
export function useMeeting(): MeetingState {
  const { connection } = useWorkspace()
  const doc = connection.doc
  const subscribeToDoc = useCallback((onChange: () => void) => subscribeChanges(doc, onChange), [doc])
  const read = useCallback(() => meetingState(doc), [doc])
  return useSyncExternalStore(subscribeToDoc, read, read)
}
