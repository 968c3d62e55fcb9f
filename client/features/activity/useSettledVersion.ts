/**
 * @module A number that goes up once the document has been quiet for `delayMs` after a change:
 * a list read from the server asks again when the board changed, not once per keystroke.
 */
import { useEffect, useRef, useState } from 'react'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'

const whole = (s: WorkspaceSnapshot) => s

export function useSettledVersion(delayMs: number): number {
  const snap = useSnapshot(whole)
  const [version, setVersion] = useState(0)
  const first = useRef(snap)
  useEffect(() => {
    // The snapshot it opened with is what the first read already saw.
    if (snap === first.current) return
    const timer = setTimeout(() => setVersion((v) => v + 1), delayMs)
    return () => clearTimeout(timer)
  }, [snap, delayMs])
  return version
}
