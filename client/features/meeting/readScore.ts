/** @module A typed score as the meeting reads it: blank clears it, "0,7" is 0.7, anything outside 0..1 is refused before it reaches the command. */

/** The score in `text`: null when blank, 'invalid' when not a number from 0 to 1. */
export function readScore(text: string): number | null | 'invalid' {
  const t = text.trim().replace(',', '.')
  if (t === '') return null
  const n = Number(t)
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : 'invalid'
}
