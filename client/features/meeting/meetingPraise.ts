/** @module The praise a meeting gathered, oldest first: what its "Praise" list shows. */
import type { MeetingId, Praise, WorkspaceSnapshot } from '../../../shared/model/index.ts'

/** Praise given during `meetingId`, oldest first (ties by id, so every client lists the same order). */
export function meetingPraise(snap: WorkspaceSnapshot, meetingId: MeetingId): readonly Praise[] {
  return [...snap.praise.values()].filter((p) => p.meetingId === meetingId).sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** Same praise list (the records are immutable, so identity per entry is enough). */
export function samePraise(a: readonly Praise[], b: readonly Praise[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i])
}
