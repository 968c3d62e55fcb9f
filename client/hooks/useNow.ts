/**
 * @module The current time for the rules, ticking once a minute (ages and stalls move slowly); or
 * a fixed time, for views of the past: the history view shows a board as it was at its checkpoint.
 */
import { createContext, useContext, useEffect, useState } from 'react'

/** The time the views below it read as now (a checkpoint's time), or null: the clock. */
export const FixedNowContext = createContext<number | null>(null)

export function useNow(intervalMs = 60_000): number {
  const fixed = useContext(FixedNowContext)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return fixed ?? now
}
