/**
 * @module Runs a shared/doc command from a form: a refusal (CommandError) becomes a message for an
 * inline alert instead of an exception, so a form never crashes the board.
 */
import { useCallback, useState } from 'react'
import { describeError } from '../../format/describeError.ts'

export interface CommandRunner {
  readonly error: string | null
  /** Runs `fn`; true when it succeeded. */
  run(fn: () => unknown): boolean
  clear(): void
}

export function useCommand(): CommandRunner {
  const [error, setError] = useState<string | null>(null)
  const run = useCallback((fn: () => unknown) => {
    try {
      fn()
      setError(null)
      return true
    } catch (err) {
      setError(describeError(err))
      return false
    }
  }, [])
  const clear = useCallback(() => setError(null), [])
  return { error, run, clear }
}
