/**
 * @module The history worker's thread (started by HistoryWorker.ts): runs one job per message, in
 * order, and answers with its text or its error. Says `ready` once loaded, so the server can tell a
 * worker that cannot start from one that failed a job.
 */
import { parentPort } from 'node:worker_threads'
import type { HistoryJob, HistoryResult } from './historyJob.ts'
import { runHistoryJob } from './historyJob.ts'

/** A job as the server posts it: `id` pairs it with its reply. */
export interface JobMessage {
  readonly id: number
  readonly job: HistoryJob
}

/** What the thread answers: once `ready`, then one `done` or `failed` per job, in order. */
export type WorkerReply =
  | { readonly kind: 'ready' }
  | { readonly kind: 'done'; readonly id: number; readonly result: HistoryResult }
  | { readonly kind: 'failed'; readonly id: number; readonly message: string }

const port = parentPort
if (port === null) throw new Error('historyThread runs as a worker thread (HistoryWorker.ts starts it)')
const reply = (message: WorkerReply) => port.postMessage(message)

port.on('message', ({ id, job }: JobMessage) => {
  try {
    reply({ kind: 'done', id, result: runHistoryJob(job) })
  } catch (error) {
    reply({ kind: 'failed', id, message: (error as Error)?.stack ?? String(error) })
  }
})
reply({ kind: 'ready' })
