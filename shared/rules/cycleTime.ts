/** @module Calendar arithmetic of cycles: UTC day starts, the cycle window and its elapsed share (P7), the quarter around a date. */
import type { Cycle, IsoDate } from '../model/index.ts'
import { clamp01 } from './math.ts'

/** One day in milliseconds; every day count in the rules is in these units. */
export const DAY_MS = 86_400_000

/** Whole days elapsed in `ms` (floored: 6.9 days are 6). */
export function wholeDays(ms: number): number {
  return Math.floor(ms / DAY_MS)
}

/** "1 day", "12 days". */
export function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * 00:00 UTC of a `YYYY-MM-DD` date, or null when it does not parse or does not exist
 * (`2025-02-30` would otherwise roll over into March).
 */
export function dayStart(date: IsoDate | null): number | null {
  if (date === null) return null
  const match = ISO_DATE.exec(date)
  if (!match) return null
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const ms = Date.UTC(year, month - 1, day)
  const back = new Date(ms)
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) {
    return null
  }
  return ms
}

/** The first instant after a date: a due date or end date covers its whole UTC day. */
export function dayEnd(date: IsoDate | null): number | null {
  const start = dayStart(date)
  return start === null ? null : start + DAY_MS
}

/** A cycle's window: `start` inclusive, `end` exclusive, or null when a date does not parse. */
export interface CycleWindow {
  readonly start: number
  readonly end: number
}

/** The cycle from `startDate` 00:00 UTC to the end of `endDate`, or null for unparseable dates. */
export function cycleWindow(cycle: Cycle): CycleWindow | null {
  const start = dayStart(cycle.startDate)
  const end = dayEnd(cycle.endDate)
  return start === null || end === null ? null : { start, end }
}

/** Share of `[start, end)` behind `now`; an empty or inverted window is all-or-nothing at `start`. */
function windowShare(start: number, end: number, now: number): number {
  if (end <= start) return now >= start ? 1 : 0
  return clamp01((now - start) / (end - start))
}

/**
 * How much of the cycle has elapsed at `now`, 0..1 (P7). Zero-length or inverted cycles are 0
 * before their start and 1 from it; unparseable dates give 0 so nothing is expected of them.
 */
export function cycleElapsedShare(cycle: Cycle, now: number): number {
  const window = cycleWindow(cycle)
  return window === null ? 0 : windowShare(window.start, window.end, now)
}

/**
 * The linear pace: the progress a key result should have reached at `now` (P7). With `from` (the
 * KR's creation) inside the cycle, the pace starts there, so a KR added late is not behind at once.
 */
export function expectedProgress(cycle: Cycle, now: number, from?: number): number {
  const window = cycleWindow(cycle)
  if (window === null) return 0
  const start = from === undefined ? window.start : Math.max(window.start, from)
  return windowShare(start, window.end, now)
}

/** The first and last day of the calendar quarter that holds `now` (UTC), as YYYY-MM-DD, and its name (`Q4 2026`). */
export function quarterAround(now: number): { start: IsoDate; end: IsoDate; name: string } {
  const d = new Date(now)
  const q = Math.floor(d.getUTCMonth() / 3)
  const start = new Date(Date.UTC(d.getUTCFullYear(), q * 3, 1))
  const end = new Date(Date.UTC(d.getUTCFullYear(), q * 3 + 3, 0))
  const iso = (x: Date) => x.toISOString().slice(0, 10)
  return { start: iso(start), end: iso(end), name: `Q${q + 1} ${d.getUTCFullYear()}` }
}
