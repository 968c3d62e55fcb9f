/** @module Whether each expected weekly check-in came on time, late, or not at all (I4), and the share on time per team and owner (I5). */
import { KeyResultKind } from '../../model/index.ts'
import type { CheckIn, KeyResult, KeyResultId } from '../../model/index.ts'
import { DAY_MS } from '../cycleTime.ts'
import type { CycleWindow } from '../cycleTime.ts'
import { valueMeasure } from '../progress.ts'
import { MILESTONE_ACHIEVED } from '../thresholds.ts'
import type { InsightScope } from './insightScope.ts'
import { CHECK_IN_PERIOD_DAYS, LATE_GRACE_DAYS } from './insightThresholds.ts'

export const SlotStatus = {
  OnTime: 'onTime',
  Late: 'late',
  Missed: 'missed',
  /** Its week has not ended, or its grace days have not (it may still come, late). */
  NotYetDue: 'notYetDue',
} as const
export type SlotStatus = (typeof SlotStatus)[keyof typeof SlotStatus]

/** One expected check-in: the week `[due - period, due)` it covers and what came of it. */
export interface CheckInSlot {
  readonly due: number
  readonly status: SlotStatus
  /** The check-in that counted for it, if any. */
  readonly checkInAt: number | null
}

export interface SlotCounts {
  readonly onTime: number
  readonly late: number
  readonly missed: number
  readonly notYetDue: number
  /** onTime / (onTime + late + missed); null while nothing is decided (I5). */
  readonly onTimeShare: number | null
}

export interface KeyResultDiscipline {
  readonly keyResultId: KeyResultId
  readonly title: string
  readonly ownerId: string | null
  readonly teamId: string | null
  readonly slots: readonly CheckInSlot[]
  readonly counts: SlotCounts
}

export interface GroupDiscipline {
  /** A team or person id; null: no team, or no owner. */
  readonly id: string | null
  readonly counts: SlotCounts
}

export interface CheckInDiscipline {
  readonly keyResults: readonly KeyResultDiscipline[]
  readonly teams: readonly GroupDiscipline[]
  readonly owners: readonly GroupDiscipline[]
  readonly total: SlotCounts
}

const PERIOD = CHECK_IN_PERIOD_DAYS * DAY_MS
const GRACE = LATE_GRACE_DAYS * DAY_MS

/** Whether a check-in shows the KR complete, so no more check-ins are asked of it (as S1 asks none). */
function completes(kr: KeyResult): (checkIn: CheckIn) => boolean {
  const measure = valueMeasure(kr)
  if (measure !== null) return (c) => measure(c.value) >= 1
  return (c) => c.value >= MILESTONE_ACHIEVED
}

/**
 * The expected weekly check-ins of one KR up to the cycle's end, classed at `now` (I4). Weeks run
 * from `max(cycle start, createdAt)`; a week with a check-in in it is on time; else the next
 * check-in within LATE_GRACE_DAYS after the week makes it late. A check-in counts for one week only,
 * so a habit of checking in two days late reads late every week.
 */
export function checkInSlots(kr: KeyResult, window: CycleWindow, checkIns: readonly CheckIn[], now: number): readonly CheckInSlot[] {
  const done = completes(kr)
  const anchor = Math.min(Math.max(window.start, kr.createdAt), window.end)
  const slots: CheckInSlot[] = []
  let next = 0
  let complete = false
  for (let due = anchor + PERIOD; due <= window.end; due += PERIOD) {
    const weekStart = due - PERIOD
    // Everything before the week is history: it tells whether the KR was complete when the week began.
    while (next < checkIns.length && checkIns[next]!.at < weekStart) complete = done(checkIns[next++]!)
    if (complete) continue
    let first: CheckIn | null = null
    while (next < checkIns.length && checkIns[next]!.at < due) {
      first ??= checkIns[next]!
      next += 1
    }
    if (first !== null) {
      slots.push({ due, status: SlotStatus.OnTime, checkInAt: first.at })
      complete = done(checkIns[next - 1]!)
      continue
    }
    const late = checkIns[next]
    if (late !== undefined && late.at < due + GRACE) {
      slots.push({ due, status: SlotStatus.Late, checkInAt: late.at })
      next += 1
      complete = done(late)
    } else if (due + GRACE > now) {
      slots.push({ due, status: SlotStatus.NotYetDue, checkInAt: null })
    } else {
      slots.push({ due, status: SlotStatus.Missed, checkInAt: null })
    }
  }
  return slots
}

function countSlots(slots: readonly CheckInSlot[]): SlotCounts {
  const c = { onTime: 0, late: 0, missed: 0, notYetDue: 0 }
  for (const s of slots) c[s.status] += 1
  const decided = c.onTime + c.late + c.missed
  return { ...c, onTimeShare: decided === 0 ? null : c.onTime / decided }
}

function groups(list: readonly KeyResultDiscipline[], key: (k: KeyResultDiscipline) => string | null): GroupDiscipline[] {
  const slots = new Map<string | null, CheckInSlot[]>()
  for (const k of list) {
    const id = key(k)
    slots.set(id, [...(slots.get(id) ?? []), ...k.slots])
  }
  return [...slots].map(([id, s]) => ({ id, counts: countSlots(s) }))
}

/**
 * Check-in discipline of the key results in view (I4, I5): their slots, and the counts and on-time
 * share per team and per owner. Task-driven KRs report through their cards and are left out.
 */
export function checkInDiscipline(scope: InsightScope, now: number): CheckInDiscipline {
  const window = scope.window
  const keyResults: KeyResultDiscipline[] = []
  if (window !== null) {
    for (const k of scope.keyResults) {
      if (k.keyResult.kind === KeyResultKind.TaskDriven) continue
      const slots = checkInSlots(k.keyResult, window, k.checkIns, now)
      keyResults.push({ keyResultId: k.keyResult.id, title: k.keyResult.title, ownerId: k.keyResult.ownerId, teamId: k.teamId, slots, counts: countSlots(slots) })
    }
  }
  return {
    keyResults,
    teams: groups(keyResults, (k) => k.teamId),
    owners: groups(keyResults, (k) => k.ownerId),
    total: countSlots(keyResults.flatMap((k) => k.slots)),
  }
}
