/**
 * @module The one way a component runs a shared/doc command: as me, and a refusal becomes one
 * readable sentence for an inline alert instead of an exception, so a form never crashes a view.
 */
import { useCallback, useState } from 'react'
import type { Session } from '../../shared/doc/index.ts'
import { describeError } from '../format/describeError.ts'
import { useWorkspace } from '../hooks/useWorkspace.ts'

export interface CommandRunner {
  /** The last refusal, as a sentence; null after a command succeeds or `clearError`. */
  readonly error: string | null
  /** Runs `fn` with my session; false (and `error` set) when the command refused. */
  run(fn: (session: Session) => unknown): boolean
  clearError(): void
}

export function useCommand(): CommandRunner {
  const { session } = useWorkspace()
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(
    (fn: (s: Session) => unknown): boolean => {
      try {
        fn(session)
        setError(null)
        return true
      } catch (e) {
        setError(describeError(e))
        return false
      }
    },
    [session],
  )
  const clearError = useCallback(() => setError(null), [])
  return { error, run, clearError }
}
