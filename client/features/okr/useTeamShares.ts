/** @module The bottom-up share of every team with objectives in the cycle (L6). */
import { useCallback } from 'react'
import type { CycleId, Team, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { bottomUpShare, countsForTeam, objectiveTeam } from '../../../shared/rules/index.ts'
import type { BottomUpShare } from '../../../shared/rules/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'

export interface TeamShare extends BottomUpShare {
  readonly team: Team
}

function sharesOf(snap: WorkspaceSnapshot, cycleId: CycleId): readonly TeamShare[] {
  const shares: TeamShare[] = []
  for (const team of snap.teams.values()) {
    const counted = [...snap.objectives.values()].some((o) => o.cycleId === cycleId && countsForTeam(o) && objectiveTeam(snap, o) === team.id)
    if (counted) shares.push({ team, ...bottomUpShare(snap, team.id, cycleId) })
  }
  return shares.sort((a, b) => a.team.name.localeCompare(b.team.name))
}

const same = (a: readonly TeamShare[], b: readonly TeamShare[]) =>
  a.length === b.length && a.every((s, i) => s.team === b[i]?.team && s.bottomUp === b[i]?.bottomUp && s.total === b[i]?.total)

export function useTeamShares(cycleId: CycleId | null): readonly TeamShare[] {
  const select = useCallback((snap: WorkspaceSnapshot) => (cycleId === null ? [] : sharesOf(snap, cycleId)), [cycleId])
  return useSnapshot(select, same)
}
