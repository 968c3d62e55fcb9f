/** @module The cycle in view: the one chosen, else the running published one, else the newest. */
import { CycleStatus } from '../../shared/model/index.ts'
import type { Cycle, WorkspaceSnapshot } from '../../shared/model/index.ts'
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

export function useCycle(): Cycle | null {
  const { cycleId } = useView()
  const now = useNow()
  return useSnapshot((snap) => currentCycle(snap, cycleId, now))
}
