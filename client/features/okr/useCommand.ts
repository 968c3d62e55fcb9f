/** @module Runs shared/doc commands as me and keeps the last refusal as a readable message. */
import { useCallback, useState } from 'react'
import type { Session } from '../../../shared/doc/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { describeError } from '../../format/describeError.ts'

export interface CommandRunner {
  /** Runs `fn` with my session; false (and `error` set) when the command refused. */
  run(fn: (session: Session) => unknown): boolean
  readonly error: string | null
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
  return { run, error, clearError }
}
