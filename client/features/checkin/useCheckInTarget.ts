/** @module What the check-in form needs about its key result: the record, progress and last check-in. */
import { useCallback } from 'react'
import type { KeyResultId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { checkInsOf, keyResultProgress } from '../../../shared/rules/index.ts'
import type { KeyResultProgress } from '../../../shared/rules/index.ts'
import { closedCycleNote } from '../../format/closedCycle.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'

export interface CheckInTarget {
  readonly title: string
  readonly kind: string
  readonly unit: string
  readonly progress: KeyResultProgress
  readonly lastValue: number | null
  readonly lastConfidence: number | null
  /** Check-ins are refused once the cycle is closed: why, in the words every view uses; else null. */
  readonly closedNote: string | null
}

function read(snap: WorkspaceSnapshot, id: KeyResultId): CheckInTarget | null {
  const kr = snap.keyResults.get(id)
  if (!kr) return null
  const history = checkInsOf(snap, id)
  const last = history[history.length - 1]
  const cycle = snap.cycles.get(snap.objectives.get(kr.objectiveId)?.cycleId ?? ('' as never))
  return {
    title: kr.title,
    kind: kr.kind,
    unit: kr.unit,
    progress: keyResultProgress(snap, kr),
    lastValue: last?.value ?? null,
    lastConfidence: last?.confidence ?? null,
    closedNote: closedCycleNote(cycle),
  }
}

const same = (a: CheckInTarget | null, b: CheckInTarget | null) =>
  a === b || (a !== null && b !== null && a.title === b.title && a.kind === b.kind && a.unit === b.unit && a.progress.progress === b.progress.progress && a.progress.current === b.progress.current && a.lastConfidence === b.lastConfidence && a.closedNote === b.closedNote)

export function useCheckInTarget(keyResultId: KeyResultId): CheckInTarget | null {
  const select = useCallback((snap: WorkspaceSnapshot) => read(snap, keyResultId), [keyResultId])
  return useSnapshot(select, same)
}
