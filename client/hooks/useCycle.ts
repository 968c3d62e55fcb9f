/**
 * @module The cycle in view: the one chosen, else the cycle of the card or key result a link
 * points at, else the running published one, else the newest.
 */
import { useCallback } from 'react'
import { CycleStatus } from '../../shared/model/index.ts'
import type { Cycle, CycleId, KeyResultId, TaskId, WorkspaceSnapshot } from '../../shared/model/index.ts'
import { useNow } from './useNow.ts'
import { useSnapshot } from './useSnapshot.ts'
import { useView } from './useView.ts'

export function currentCycle(snap: WorkspaceSnapshot, chosen: string | null, now: number): Cycle | null {
  const cycles = [...snap.cycles.values()]
  if (chosen !== null) {
    const cycle = snap.cycles.get(chosen as Cycle['id'])
    if (cycle) return cycle
  }
  const today = new Date(now).toISOString().slice(0, 10)
  const running = cycles.find((c) => c.status === CycleStatus.Published && c.startDate <= today && today <= c.endDate)
  if (running) return running
  const newest = (list: Cycle[]) => list.sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : a.id < b.id ? -1 : 1))[0] ?? null
  return newest(cycles.filter((c) => c.status === CycleStatus.Published)) ?? newest(cycles)
}

/**
 * The cycle of the focused card, else of the open key result: a link to last quarter's key result
 * shows last quarter's board behind its panel, not today's (where its lane is not).
 */
export function linkedCycle(snap: WorkspaceSnapshot, taskId: TaskId | null, keyResultId: KeyResultId | null): CycleId | null {
  const task = taskId === null ? undefined : snap.tasks.get(taskId)
  if (task) return task.cycleId
  const kr = keyResultId === null ? undefined : snap.keyResults.get(keyResultId)
  return kr ? (snap.objectives.get(kr.objectiveId)?.cycleId ?? null) : null
}

export function useCycle(): Cycle | null {
  const { cycleId, focusTaskId, keyResultId } = useView()
  const now = useNow()
  const select = useCallback(
    (snap: WorkspaceSnapshot) => currentCycle(snap, cycleId ?? linkedCycle(snap, focusTaskId, keyResultId), now),
    [cycleId, focusTaskId, keyResultId, now],
  )
  return useSnapshot(select)
}
