/**
 * @module How many stall warnings of the cycle in view need attention (critical + warning), and
 * how many more the radar lists for information only, so the tab's badge can say what it counts.
 */
import { useCallback } from 'react'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { Severity, stallWarnings } from '../../../shared/rules/index.ts'
import { useCycle } from '../../hooks/useCycle.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'

export interface StallCount {
  /** Critical and warning: the number on the radar tab. */
  readonly attention: number
  /** Info rows: listed on the radar, not counted on the tab. */
  readonly info: number
}

const sameCount = (a: StallCount, b: StallCount) => a.attention === b.attention && a.info === b.info

export function useStallCount(): StallCount {
  const now = useNow()
  const cycleId = useCycle()?.id ?? null
  // A stable selector: useSnapshot re-runs the rules only when the doc, the minute or the cycle changes.
  const count = useCallback(
    (snap: WorkspaceSnapshot): StallCount => {
      const warnings = stallWarnings(snap, now, cycleId === null ? {} : { cycleId })
      const info = warnings.filter((w) => w.severity === Severity.Info).length
      return { attention: warnings.length - info, info }
    },
    [now, cycleId],
  )
  return useSnapshot(count, sameCount)
}
