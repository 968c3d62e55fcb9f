/** @module My own undo/redo: what can be undone, and the actions. */
import { useSyncExternalStore } from 'react'
import { useWorkspace } from './useWorkspace.ts'

export function useUndo(): { canUndo: boolean; canRedo: boolean; undo: () => void; redo: () => void } {
  const { undo } = useWorkspace()
  const canUndo = useSyncExternalStore(undo.subscribe, undo.canUndo, undo.canUndo)
  const canRedo = useSyncExternalStore(undo.subscribe, undo.canRedo, undo.canRedo)
  return { canUndo, canRedo, undo: () => void undo.undo(), redo: () => void undo.redo() }
}
