/**
 * @module Runs a key-result command and, when it comes back 'reason-required' (the cycle is
 * published), asks for a reason in a small dialog and runs it again with that reason.
 */
import { useState } from 'react'
import type { ReactNode } from 'react'
import { describeError, isReasonRequired } from '../../format/describeError.ts'
import { ReasonDialog } from './ReasonDialog.tsx'

type Action = (reason?: string) => void

export interface ReasonPrompt {
  /** Tries `action`; calls `done` once it went through, `fail` with a message when it was refused. */
  run(what: string, action: Action, done: () => void, fail: (message: string) => void): void
  /** The dialog to render (nothing while no reason is being asked for). */
  readonly dialog: ReactNode
}

export function useReasonPrompt(): ReasonPrompt {
  const [pending, setPending] = useState<{ what: string; action: Action; done: () => void } | null>(null)
  const [error, setError] = useState<string | null>(null)

  const run: ReasonPrompt['run'] = (what, action, done, fail) => {
    try {
      action()
      done()
    } catch (e) {
      if (!isReasonRequired(e)) return fail(describeError(e))
      setError(null)
      setPending({ what, action, done })
    }
  }
  const submit = (reason: string) => {
    if (!pending) return
    try {
      pending.action(reason)
      setPending(null)
      pending.done()
    } catch (e) {
      setError(describeError(e))
    }
  }
  const dialog = pending && (
    <ReasonDialog open what={pending.what} error={error} onSubmit={submit} onCancel={() => setPending(null)} />
  )
  return { run, dialog }
}
