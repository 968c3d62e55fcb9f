/**
 * @module Reads a slice of the workspace through `useSyncExternalStore`. The selector runs only
 * when the snapshot changed, and its result is kept (same object) while `isEqual` says it is equal,
 * so a component re-renders only when its own slice changed. A peer's changes are announced in the
 * next task (subscribeChanges).
 */
import { useCallback, useRef, useSyncExternalStore } from 'react'
import { snapshot } from '../../shared/doc/index.ts'
import type { WorkspaceSnapshot } from '../../shared/model/index.ts'
import { subscribeChanges } from './subscribeChanges.ts'
import { useWorkspace } from './useWorkspace.ts'

export function useSnapshot<T>(
  selector: (snap: WorkspaceSnapshot) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
): T {
  const { connection } = useWorkspace()
  const doc = connection.doc
  const memo = useRef<{ snap: WorkspaceSnapshot; selector: unknown; value: T } | null>(null)
  const subscribeToDoc = useCallback((onChange: () => void) => subscribeChanges(doc, onChange), [doc])
  const read = () => {
    const snap = snapshot(doc)
    const last = memo.current
    if (last !== null && last.snap === snap && last.selector === selector) return last.value
    const value = selector(snap)
    if (last !== null && isEqual(last.value, value)) {
      memo.current = { snap, selector, value: last.value }
      return last.value
    }
    memo.current = { snap, selector, value }
    return value
  }
  return useSyncExternalStore(subscribeToDoc, read, read)
}

/** Equality for arrays of records: same length and the same objects in order. */
export function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i])
}
