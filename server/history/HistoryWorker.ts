/**
 * @module Runs the memory routes' heavy jobs (historyJob.ts) on one worker thread, started on the
 * first job and reused, so "what changed" on a big board never stops the rooms on this process.
 * Jobs wait in a bounded queue: past `maxQueued` a request is refused with 503 `busy` instead of
 * piling up memory and waiting time. Only when the thread cannot start at all do jobs run on the
 * calling thread, as before the worker existed (logged once).
 */
import { Worker } from 'node:worker_threads'
import { ApiError } from '../errors.ts'
import type { Metrics } from '../metrics.ts'
import type { HistoryJobs } from '../services.ts'
import { runHistoryJob } from './historyJob.ts'
import type { HistoryJob, HistoryResult, ResultOf } from './historyJob.ts'
import type { JobMessage, WorkerReply } from './historyThread.ts'

/** Jobs queued or running at once; one more is refused with 503 `busy`. */
export const MAX_HISTORY_JOBS = 8

/**
 * The thread's script. The compiled server (dist/server.mjs, see bundleServer.ts) has the compiled
 * thread beside it; run from the sources (tests, `npm run dev`), this module sits beside the .ts one.
 */
export const HISTORY_THREAD = new URL(import.meta.url.endsWith('.mjs') ? './historyThread.mjs' : './historyThread.ts', import.meta.url)

export interface HistoryWorkerOptions {
  readonly log: (line: string) => void
  readonly metrics?: Metrics
  /** Default MAX_HISTORY_JOBS. */
  readonly maxQueued?: number
  /** Default HISTORY_THREAD (tests give one that cannot start). */
  readonly script?: URL
}

interface Pending {
  readonly job: HistoryJob
  readonly resolve: (result: HistoryResult) => void
  readonly reject: (error: Error) => void
}

export class HistoryWorker implements HistoryJobs {
  readonly #options: HistoryWorkerOptions
  readonly #maxQueued: number
  readonly #pending = new Map<number, Pending>()
  #worker: Worker | null = null
  /** The current thread said it loaded. */
  #ready = false
  /** The thread could not start: jobs run on this thread from now on. */
  #inline = false
  #closed = false
  #nextId = 1

  constructor(options: HistoryWorkerOptions) {
    this.#options = options
    this.#maxQueued = options.maxQueued ?? MAX_HISTORY_JOBS
  }

  /** Jobs queued or running in the thread. */
  get queued(): number {
    return this.#pending.size
  }

  async run<J extends HistoryJob>(job: J): Promise<ResultOf<J>> {
    if (this.#closed) throw new ApiError(503, 'unavailable', 'The server is stopping')
    if (this.#inline) return runHistoryJob(job)
    if (this.#pending.size >= this.#maxQueued) {
      this.#options.metrics?.inc('roundtable_history_busy_total', 'History requests refused because the history worker was full')
      throw new ApiError(503, 'busy', 'The server is working through other history requests: try again in a moment')
    }
    const worker = this.#worker ?? this.#start()
    if (worker === null) return runHistoryJob(job)
    const id = this.#nextId++
    return new Promise<ResultOf<J>>((resolve, reject) => {
      this.#pending.set(id, { job, resolve: (result) => resolve(result as ResultOf<J>), reject })
      this.#count()
      worker.postMessage({ id, job } satisfies JobMessage)
    })
  }

  /** Stops the thread; jobs still waiting fail with 503. */
  async close(): Promise<void> {
    this.#closed = true
    const worker = this.#worker
    this.#worker = null
    this.#settle((p) => p.reject(new ApiError(503, 'unavailable', 'The server is stopping')))
    await worker?.terminate()
  }

  #start(): Worker | null {
    let worker: Worker
    try {
      worker = startThread(this.#options.script ?? HISTORY_THREAD)
    } catch (error) {
      this.#fallBack((error as Error).message)
      return null
    }
    // The rooms and the listening socket keep the process alive; this thread never should.
    worker.unref()
    worker.on('message', (reply: WorkerReply) => this.#receive(reply))
    worker.on('error', (error) => this.#lost(worker, error.message))
    worker.on('exit', (code) => this.#lost(worker, `it exited with code ${code}`))
    this.#worker = worker
    this.#ready = false
    return worker
  }

  #receive(reply: WorkerReply): void {
    if (reply.kind === 'ready') {
      this.#ready = true
      return
    }
    const pending = this.#pending.get(reply.id)
    this.#pending.delete(reply.id)
    this.#count()
    if (pending === undefined) return
    if (reply.kind === 'done') pending.resolve(reply.result)
    else pending.reject(new Error(`history job failed: ${reply.message}`))
  }

  /** The thread is gone: before it loaded, fall back for good; after, fail its jobs and start afresh next time. */
  #lost(worker: Worker, reason: string): void {
    if (this.#worker !== worker) return
    this.#worker = null
    void worker.terminate()
    if (!this.#ready) {
      this.#fallBack(reason)
      this.#settle((p) => {
        try {
          p.resolve(runHistoryJob(p.job))
        } catch (error) {
          p.reject(error as Error)
        }
      })
      return
    }
    this.#options.log(`history worker stopped (${reason}); the next request starts a new one`)
    this.#settle((p) => p.reject(new Error(`the history worker stopped: ${reason}`)))
  }

  #fallBack(reason: string): void {
    this.#inline = true
    this.#options.log(`history worker could not start (${reason}): "what changed" and minutes run on the main thread`)
  }

  #settle(fn: (pending: Pending) => void): void {
    const all = [...this.#pending.values()]
    this.#pending.clear()
    this.#count()
    for (const p of all) fn(p)
  }

  #count(): void {
    this.#options.metrics?.set('roundtable_history_jobs', 'History jobs (what changed, minutes) queued or running in the history worker', this.#pending.size)
  }
}

/** A compiled script runs as it is; a .ts one through tsxThread.mjs, which registers tsx's loader in the thread first. */
function startThread(script: URL): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script)
  return new Worker(new URL('./tsxThread.mjs', import.meta.url), { workerData: { script: script.href } })
}
