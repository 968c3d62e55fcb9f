/** @module Runs a shared/doc command as me and keeps a refusal as one readable sentence. */
import { useCallback, useState } from 'react'
import { CommandError } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'

export function useRunCommand(): { run: (fn: (s: Session) => unknown) => boolean; error: string | null; clearError: () => void } {
  const { session } = useWorkspace()
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(
    (fn: (s: Session) => unknown) => {
      try {
        fn(session)
        setError(null)
        return true
      } catch (e) {
        // A CommandError's message is written for people; anything else is a bug, not their fault.
        setError(e instanceof CommandError ? e.message : 'Something went wrong; nothing was changed.')
        return false
      }
    },
    [session],
  )
  const clearError = useCallback(() => setError(null), [])
  return { run, error, clearError }
}
