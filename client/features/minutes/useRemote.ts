/**
 * @module A REST read as a state (loading, ready, failed) that reloads when its key changes. An
 * answer `accept` refuses is asked again a few times, a little later each time: the server writes
 * a meeting's end checkpoint just after the document says it ended, so the first answer may be
 * from before it.
 */
import { useEffect, useState } from 'react'

export type Remote<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly value: T }
  | { readonly status: 'failed'; readonly message: string }

/** Waits before asking again for an answer `accept` refused; then the last answer stands. */
export const RETRY_DELAYS_MS: readonly number[] = [300, 800, 2000]

/**
 * Runs `load` whenever `key` changes (aborting the previous request) and returns its state. Keeps
 * the last value shown while a reload runs, so a list does not flash back to "Loading" (a page
 * that loads something else should be keyed by it, so it starts afresh).
 */
export function useRemote<T>(key: string, load: (signal: AbortSignal) => Promise<T>, accept: (value: T) => boolean = () => true): Remote<T> {
  const [state, setState] = useState<Remote<T>>({ status: 'loading' })
  useEffect(() => {
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    const attempt = (n: number) => {
      load(controller.signal).then(
        (value) => {
          if (controller.signal.aborted) return
          if (!accept(value) && n < RETRY_DELAYS_MS.length) {
            timer = setTimeout(() => attempt(n + 1), RETRY_DELAYS_MS[n])
            return
          }
          setState({ status: 'ready', value })
        },
        (error: unknown) => {
          if (controller.signal.aborted) return
          setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) })
        },
      )
    }
    attempt(0)
    return () => {
      controller.abort()
      clearTimeout(timer)
    }
    // `load` and `accept` are read when `key` changes: the key says what is being loaded.
  }, [key])
  return state
}
