/** @module The insights of the cycle in view, with the view's filters, recomputed when the workspace or the minute changes. */
import { useCallback } from 'react'
import type { CycleId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { insights } from '../../../shared/rules/index.ts'
import type { Insights } from '../../../shared/rules/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import type { Filters } from '../../hooks/useView.ts'

export function useInsights(cycleId: CycleId | null, now: number, filters: Filters): Insights | null {
  const { teamId, ownerId, level } = filters
  const select = useCallback(
    (snap: WorkspaceSnapshot) => (cycleId === null ? null : insights(snap, cycleId, now, { teamId, ownerId, level })),
    [cycleId, now, teamId, ownerId, level],
  )
  return useSnapshot(select)
}
