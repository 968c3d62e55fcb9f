/** @module How many stall warnings need attention (critical + warning) in the cycle in view. */
import { useCallback } from 'react'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { stallWarnings } from '../../../shared/rules/index.ts'
import { useCycle } from '../../hooks/useCycle.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'

export function useStallCount(): number {
  const now = useNow()
  const cycleId = useCycle()?.id ?? null
  // A stable selector: useSnapshot re-runs the rules only when the doc, the minute or the cycle changes.
  const count = useCallback(
    (snap: WorkspaceSnapshot) =>
      stallWarnings(snap, now, cycleId === null ? {} : { cycleId }).filter((w) => w.severity === 'critical' || w.severity === 'warning').length,
    [now, cycleId],
  )
  return useSnapshot(count)
}
