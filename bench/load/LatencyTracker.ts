/**
 * @module End-to-end latency from a writer's transaction to each receiver that applied it. Writers
 * and receivers live in the same load-generator process, so one clock serves both: the writer
 * notes the clock its transaction ended at and when it ran; a receiver that applies a remote
 * transaction sees how far each client's clock moved and takes every note it passed.
 */
import * as Y from 'yjs'

interface WriterLog {
  /** The writer's clock after each of its transactions, ascending. */
  readonly ends: number[]
  /** When each transaction ran (`performance.now()`). */
  readonly times: number[]
}

export class LatencyTracker {
  readonly #writers = new Map<number, WriterLog>()
  readonly #cursors = new Map<object, Map<number, number>>()
  #windowStart = Number.POSITIVE_INFINITY
  #windowEnd = Number.POSITIVE_INFINITY
  /** Latencies (ms) of transactions made inside the window, one per receiver that applied it. */
  readonly samples: number[] = []
  /** (transaction, receiver) pairs delivered, for transactions made inside the window. */
  delivered = 0
  /** Writer transactions made inside the window. */
  written = 0

  /** Only transactions made from `start` on count (until `end`). */
  openWindow(start = performance.now()): void {
    this.#windowStart = start
    this.#windowEnd = Number.POSITIVE_INFINITY
  }

  closeWindow(end = performance.now()): void {
    this.#windowEnd = end
  }

  get windowMs(): number {
    return this.#windowEnd - this.#windowStart
  }

  /** A writer ran a transaction on `doc` just now, started at `startedAt`. */
  wrote(doc: Y.Doc, startedAt: number): void {
    let log = this.#writers.get(doc.clientID)
    if (log === undefined) this.#writers.set(doc.clientID, (log = { ends: [], times: [] }))
    log.ends.push(Y.getState(doc.store, doc.clientID))
    log.times.push(startedAt)
    if (startedAt >= this.#windowStart && startedAt <= this.#windowEnd) this.written++
  }

  /** `receiver` applied a remote transaction: every writer note it passed is delivered now. */
  applied(receiver: object, transaction: Y.Transaction): void {
    const now = performance.now()
    let cursors = this.#cursors.get(receiver)
    for (const [client, after] of transaction.afterState) {
      const before = transaction.beforeState.get(client) ?? 0
      if (after <= before) continue
      const log = this.#writers.get(client)
      if (log === undefined) continue
      if (cursors === undefined) this.#cursors.set(receiver, (cursors = new Map()))
      let i = cursors.get(client) ?? 0
      const { ends, times } = log
      while (i < ends.length && ends[i]! <= after) {
        const t = times[i]!
        if (t >= this.#windowStart && t <= this.#windowEnd) {
          this.samples.push(now - t)
          this.delivered++
        }
        i++
      }
      cursors.set(client, i)
    }
  }

  /** The last clock each writer reached, to wait until every receiver has everything. */
  finalClocks(): Map<number, number> {
    const out = new Map<number, number>()
    for (const [client, log] of this.#writers) out.set(client, log.ends.at(-1) ?? 0)
    return out
  }
}
