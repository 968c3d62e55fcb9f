/** @module How long a meeting or an item took, and when a meeting was: "42 min", "6:10 of 5:00", "Wed, Dec 2, 09:00". */
import { spentText } from './meetingText.ts'

/** A meeting's length in words: "under a minute", "42 min", "1 h 05 min". */
export function durationText(ms: number): string {
  const minutes = Math.round(Math.max(0, ms) / 60_000)
  if (ms < 30_000 || minutes === 0) return 'under a minute'
  if (minutes < 60) return `${minutes} min`
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`
}

/** Time spent on an agenda item against its timebox: "6:10 of 5:00". */
export function timeboxText(spentMs: number, timeboxMs: number): string {
  return `${spentText(spentMs)} of ${spentText(timeboxMs)}`
}

/** How far past its timebox an item ran ("1:10 over"), or null when it kept to it. */
export function overTimeText(spentMs: number, timeboxMs: number): string | null {
  return spentMs - timeboxMs >= 1000 ? `${spentText(spentMs - timeboxMs)} over` : null
}

const formatters = new Map<string, { day: Intl.DateTimeFormat; dayYear: Intl.DateTimeFormat }>()

/** One pair of formatters per time zone (a new one per call is what a long list feels). */
function formattersFor(timeZone: string | undefined) {
  const key = timeZone ?? ''
  let found = formatters.get(key)
  if (found === undefined) {
    const base = { weekday: 'short', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone } as const
    found = { day: new Intl.DateTimeFormat('en-US', base), dayYear: new Intl.DateTimeFormat('en-US', { ...base, year: 'numeric' }) }
    formatters.set(key, found)
  }
  return found
}

/**
 * When a meeting started, in the reader's time zone: "Wed, Dec 2, 09:00", with the year when it
 * is not this year's. `timeZone` is for tests; the page uses the browser's.
 */
export function meetingWhenText(at: string | number, now: number, timeZone?: string): string {
  const ms = typeof at === 'number' ? at : Date.parse(at)
  if (Number.isNaN(ms)) return String(at)
  const { day, dayYear } = formattersFor(timeZone)
  const sameYear = new Date(ms).getUTCFullYear() === new Date(now).getUTCFullYear()
  return (sameYear ? day : dayYear).format(ms)
}
