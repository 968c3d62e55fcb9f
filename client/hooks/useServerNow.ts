/**
 * @module The server's time for a countdown: re-rendered a little after each server-clock second
 * turns (not on a fixed interval), so every screen flips to the next second together.
 */
import { useEffect, useState } from 'react'
import { useWorkspace } from './useWorkspace.ts'

/** A few ms past the turn of the second, so a render never lands just before it. */
const AFTER_TURN_MS = 15

export function useServerNow(active = true): number {
  const { clock } = useWorkspace()
  const [now, setNow] = useState(() => clock.now())
  useEffect(() => {
    if (!active) return
    let timer: ReturnType<typeof setTimeout>
    const tick = () => {
      const t = clock.now()
      setNow(t)
      timer = setTimeout(tick, 1000 - (((t % 1000) + 1000) % 1000) + AFTER_TURN_MS)
    }
    tick()
    // A new offset (after a reconnect) shows at once.
    const unsubscribe = clock.subscribe(() => setNow(clock.now()))
    return () => {
      clearTimeout(timer)
      unsubscribe()
    }
  }, [clock, active])
  return now
}
