/**
 * @module Undo and redo of one session's own commands. Edits that arrived from other people are
 * never undone: the history tracks only transactions carrying this session's origin.
 */
import * as Y from 'yjs'
import { MeetingRoots, Root } from './schema.ts'
import type { Session } from './session.ts'

export interface UndoHistory {
  /** Reverts this session's latest change; false when there is nothing to undo. */
  undo(): boolean
  redo(): boolean
  canUndo(): boolean
  canRedo(): boolean
  /** Called whenever canUndo/canRedo may have changed. */
  subscribe(listener: () => void): () => void
  /** Ends a typing burst so the next edit becomes its own undo step. */
  stopCapturing(): void
  destroy(): void
}

export interface UndoOptions {
  /** Edits closer together than this (ms) undo as one step, e.g. a burst of typing. */
  readonly captureTimeout?: number
}

/** The undo history of `session`'s commands over the whole workspace. */
export function createUndoHistory(session: Session, options: UndoOptions = {}): UndoHistory {
  // Moving the meeting on is not an edit to take back with Ctrl+Z.
  const scope = Object.values(Root)
    .filter((root) => !MeetingRoots.includes(root))
    .map((root) => session.doc.getMap(root))
  const manager = new Y.UndoManager(scope, {
    trackedOrigins: new Set([session.origin]),
    captureTimeout: options.captureTimeout ?? 500,
  })
  const listeners = new Set<() => void>()
  const notify = (): void => listeners.forEach((listener) => listener())
  for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) manager.on(event, notify)
  return {
    undo: () => manager.undo() !== null,
    redo: () => manager.redo() !== null,
    canUndo: () => manager.canUndo(),
    canRedo: () => manager.canRedo(),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    stopCapturing: () => manager.stopCapturing(),
    destroy() {
      listeners.clear()
      manager.destroy()
    },
  }
}
