/** @module A sensible next cycle: the quarter (or month, or year) after the latest one, or the current one. */
import type { Cycle, CycleKind } from '../../../shared/model/index.ts'

export interface CycleDraft {
  readonly name: string
  readonly kind: CycleKind
  readonly startDate: string
  readonly endDate: string
}

const iso = (d: Date) => d.toISOString().slice(0, 10)
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m, d))

/** The period of `kind` that contains `day` (UTC). */
export function periodOf(kind: CycleKind, day: Date): CycleDraft {
  const y = day.getUTCFullYear()
  const m = day.getUTCMonth()
  switch (kind) {
    case 'quarter': {
      const q = Math.floor(m / 3)
      return { kind, name: `Q${q + 1} ${y}`, startDate: iso(utc(y, q * 3, 1)), endDate: iso(utc(y, q * 3 + 3, 0)) }
    }
    case 'month': {
      const name = utc(y, m, 1).toLocaleDateString('en', { month: 'long', year: 'numeric', timeZone: 'UTC' })
      return { kind, name, startDate: iso(utc(y, m, 1)), endDate: iso(utc(y, m + 1, 0)) }
    }
    case 'year':
      return { kind, name: `${y}`, startDate: iso(utc(y, 0, 1)), endDate: iso(utc(y, 11, 31)) }
  }
}

/** The period of `kind` right after the latest cycle ends, else the one containing today. */
export function nextCycle(cycles: readonly Cycle[], kind: CycleKind, now: number): CycleDraft {
  const latestEnd = cycles.map((c) => c.endDate as string).sort().at(-1)
  const after = latestEnd ? new Date(`${latestEnd}T00:00:00Z`) : null
  if (after) after.setUTCDate(after.getUTCDate() + 1)
  const today = new Date(now)
  return periodOf(kind, after && after > today ? after : today)
}
