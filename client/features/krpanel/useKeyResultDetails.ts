/** @module Everything the key-result panel shows about one KR, each piece its own narrow slice. */
import { useCallback } from 'react'
import type { CheckIn, Cycle, KeyResult, KeyResultChange, KeyResultId, Objective, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { checkInsOf, keyResultProgress, keyResultScore } from '../../../shared/rules/index.ts'
import type { KeyResultProgress, KeyResultScore } from '../../../shared/rules/index.ts'
import { sameItems, useSnapshot } from '../../hooks/useSnapshot.ts'

export interface KeyResultDetails {
  readonly kr: KeyResult
  readonly objective: Objective | null
  readonly cycle: Cycle | null
  readonly progress: KeyResultProgress
  readonly score: KeyResultScore
}

function details(snap: WorkspaceSnapshot, id: KeyResultId): KeyResultDetails | null {
  const kr = snap.keyResults.get(id)
  if (!kr) return null
  const objective = snap.objectives.get(kr.objectiveId) ?? null
  const cycle = objective ? (snap.cycles.get(objective.cycleId) ?? null) : null
  const progress = keyResultProgress(snap, kr)
  return { kr, objective, cycle, progress, score: keyResultScore(snap, kr, progress.progress) }
}

const sameDetails = (a: KeyResultDetails | null, b: KeyResultDetails | null) =>
  a === b ||
  (a !== null && b !== null && a.kr === b.kr && a.objective === b.objective && a.cycle === b.cycle && a.progress.progress === b.progress.progress && a.progress.current === b.progress.current && a.progress.tasksDone === b.progress.tasksDone && a.score.score === b.score.score && a.score.source === b.score.source)

export function useKeyResultDetails(id: KeyResultId | null): KeyResultDetails | null {
  const select = useCallback((snap: WorkspaceSnapshot) => (id === null ? null : details(snap, id)), [id])
  return useSnapshot(select, sameDetails)
}

export function useCheckIns(id: KeyResultId): readonly CheckIn[] {
  const select = useCallback((snap: WorkspaceSnapshot) => checkInsOf(snap, id), [id])
  return useSnapshot(select, sameItems)
}

/** After-publish edits of the KR, newest first. */
export function useChanges(id: KeyResultId): readonly KeyResultChange[] {
  const select = useCallback((snap: WorkspaceSnapshot) => [...snap.changeLog.values()].filter((c) => c.keyResultId === id).sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1)), [id])
  return useSnapshot(select, sameItems)
}
