/**
 * @module How many comments each objective, key result and task has (replies included, deleted
 * ones not): counted once per snapshot's comments map and shared by every card and lane.
 */
import type { Comment, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'

// The snapshot keeps the same comments map while no comment changed: count once per map.
const counted = new WeakMap<ReadonlyMap<string, Comment>, ReadonlyMap<string, number>>()

export function commentCounts(snap: WorkspaceSnapshot): ReadonlyMap<string, number> {
  let counts = counted.get(snap.comments)
  if (counts === undefined) {
    const next = new Map<string, number>()
    for (const c of snap.comments.values()) if (c.deletedAt === null) next.set(c.target.id, (next.get(c.target.id) ?? 0) + 1)
    counts = next
    counted.set(snap.comments, counts)
  }
  return counts
}

/** The number of comments on one objective, key result or task. */
export function useCommentCount(targetId: string): number {
  return useSnapshot((snap) => commentCounts(snap).get(targetId) ?? 0)
}
