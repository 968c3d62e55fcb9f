/** @module A key result's check-ins in their one canonical order (P1). */
import type { CheckIn, KeyResultId, WorkspaceSnapshot } from '../model/index.ts'
import { compareStrings } from './math.ts'

/** Oldest first by `at`; equal times are ordered by id so every replica agrees on "latest". */
export function compareCheckIns(a: CheckIn, b: CheckIn): number {
  return a.at - b.at || compareStrings(a.id, b.id)
}

/** The check-ins of one key result, oldest first (P1). */
export function checkInsOf(snapshot: WorkspaceSnapshot, keyResultId: KeyResultId): readonly CheckIn[] {
  const mine: CheckIn[] = []
  for (const checkIn of snapshot.checkIns.values()) {
    if (checkIn.keyResultId === keyResultId) mine.push(checkIn)
  }
  return mine.sort(compareCheckIns)
}

/** Every key result's check-ins, oldest first, read in one pass for rules that visit many KRs. */
export function checkInsByKeyResult(
  snapshot: WorkspaceSnapshot,
): ReadonlyMap<KeyResultId, readonly CheckIn[]> {
  const grouped = new Map<KeyResultId, CheckIn[]>()
  for (const checkIn of snapshot.checkIns.values()) {
    const list = grouped.get(checkIn.keyResultId)
    if (list) list.push(checkIn)
    else grouped.set(checkIn.keyResultId, [checkIn])
  }
  for (const list of grouped.values()) list.sort(compareCheckIns)
  return grouped
}

/** The latest of check-ins sorted by `compareCheckIns`, or null when there are none. */
export function latestCheckIn(sorted: readonly CheckIn[]): CheckIn | null {
  return sorted[sorted.length - 1] ?? null
}
