/** @module The stall warnings in view, recomputed only when the workspace or the minute changes. */
import { useCallback } from 'react'
import type { CycleId, KeyResultId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { stallWarnings } from '../../../shared/rules/index.ts'
import type { StallWarning } from '../../../shared/rules/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'

/** Same warnings (rule, target, reason) in the same order: keep the old array. */
function sameWarnings(a: readonly StallWarning[], b: readonly StallWarning[]): boolean {
  return a.length === b.length && a.every((w, i) => w.ruleId === b[i]?.ruleId && w.target.id === b[i]?.target.id && w.reason === b[i]?.reason && w.severity === b[i]?.severity)
}

/** Warnings of one published cycle, or of all published cycles when `cycleId` is null. */
export function useStallWarnings(cycleId: CycleId | null, now: number): readonly StallWarning[] {
  const select = useCallback((snap: WorkspaceSnapshot) => stallWarnings(snap, now, cycleId === null ? {} : { cycleId }), [cycleId, now])
  return useSnapshot(select, sameWarnings)
}

/** Warnings grouped by the key result they concern (KR warnings and those of its cards). */
export function byKeyResult(warnings: readonly StallWarning[]): ReadonlyMap<KeyResultId, readonly StallWarning[]> {
  const map = new Map<KeyResultId, StallWarning[]>()
  for (const w of warnings) {
    if (w.keyResultId === undefined) continue
    const list = map.get(w.keyResultId)
    if (list) list.push(w)
    else map.set(w.keyResultId, [w])
  }
  return map
}
