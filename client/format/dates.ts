/** @module Dates and durations as people read them: "Sep 30", "5 minutes ago", "6d". */
import { DAY_MS } from '../../shared/rules/index.ts'

// One formatter each for every view: toLocaleDateString builds a new one per call, which 500 cards feel.
const DAY = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' })
const DAY_AND_YEAR = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' })

/** A calendar date (YYYY-MM-DD, read as UTC like the rules do) or an instant as "Sep 30", with the year when it is not this year's. */
export function formatDate(date: string | number, now = Date.now()): string {
  const ms = typeof date === 'number' ? date : Date.parse(`${date}T00:00:00Z`)
  if (Number.isNaN(ms)) return String(date)
  const sameYear = new Date(ms).getUTCFullYear() === new Date(now).getUTCFullYear()
  return (sameYear ? DAY : DAY_AND_YEAR).format(ms)
}

/** "just now", "5 minutes ago", "3 days ago". */
export function timeAgo(at: number, now: number): string {
  const minutes = Math.floor((now - at) / 60_000)
  if (minutes < 1) return 'just now'
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} hour${hours === 1 ? '' : 's'} ago`
  const days = Math.floor(hours / 24)
  return `${days} day${days === 1 ? '' : 's'} ago`
}

/** "<1d", "1d", "6d": how long something has sat where it is. */
export function ageText(since: number, now: number): string {
  const d = Math.floor(Math.max(0, now - since) / DAY_MS)
  return d === 0 ? '<1d' : `${d}d`
}
