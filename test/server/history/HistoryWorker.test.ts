/**
 * The history worker: a job run in its thread gives the same text as run in place, a full queue
 * refuses with 503 `busy`, and a thread that cannot start leaves the jobs to the calling thread,
 * said once in the log.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { HistoryWorker } from '../../../server/history/HistoryWorker.ts'
import { runHistoryJob } from '../../../server/history/historyJob.ts'
import type { HistoryJob } from '../../../server/history/historyJob.ts'
import { ApiError } from '../../../server/errors.ts'
import { Metrics } from '../../../server/metrics.ts'
import { checkIn, createCycle, createKeyResult, createObjective, createTask, encodeState, initWorkspace, moveTask, openSession, readState, snapshot, stateVectorOf } from '../../../shared/doc/index.ts'
import type { TaskId } from '../../../shared/model/index.ts'

const workers: HistoryWorker[] = []
afterEach(async () => {
  for (const w of workers.splice(0)) await w.close()
})

function worker(options: Partial<ConstructorParameters<typeof HistoryWorker>[0]> = {}): HistoryWorker {
  const w = new HistoryWorker({ log: () => {}, ...options })
  workers.push(w)
  return w
}

/** A board of `cards` cards, checkpointed, then every card moved and a check-in made. */
function changesJob(cards: number): Extract<HistoryJob, { kind: 'changes' }> {
  const doc = new Y.Doc()
  const s = openSession(doc, { now: () => Date.UTC(2026, 10, 20) })
  initWorkspace(s, { name: 'History' })
  const cycleId = createCycle(s, { name: 'Q4', startDate: '2026-10-01', endDate: '2026-12-31' })
  const columns = [...snapshot(doc).columns.keys()]
  const objectiveId = createObjective(s, { cycleId, title: 'Grow' })
  const keyResultId = createKeyResult(s, { objectiveId, title: 'Signups', start: 0, target: 100, weight: 100 })
  const tasks: TaskId[] = []
  for (let i = 0; i < cards; i++) tasks.push(createTask(s, { title: `Card ${i}`, columnId: columns[0]!, keyResultId }))
  const before = encodeState(doc)
  for (const taskId of tasks) moveTask(s, { taskId, columnId: columns[1]!, keyResultId, index: 0 })
  checkIn(s, { keyResultId, value: 30, confidence: 7, note: 'Moving' })
  boards.set(before, doc)
  return { kind: 'changes', before, after: encodeState(doc), from: Date.UTC(2026, 10, 20), to: Date.UTC(2026, 10, 21) }
}
/** The live document behind each job's `before`. */
const boards = new Map<Uint8Array, Y.Doc>()

describe('HistoryWorker', () => {
  it('gives the same changes JSON from its thread as computed in place', async () => {
    const job = changesJob(50)
    const text = await worker().run(job)
    expect(text).toBe(runHistoryJob(job))
    expect((JSON.parse(text!) as { summary: { checkIns: number } }).summary.checkIns).toBe(1)
  })

  it("gives a checkpoint's state vector, and the same changes from the live document's update beyond it", async () => {
    const w = worker()
    const job = changesJob(30)
    const vector = await w.run({ kind: 'stateVector', state: job.before })
    expect(vector).toEqual(stateVectorOf(job.before))
    const beyond = encodeState(boards.get(job.before)!, vector)
    expect(beyond.length).toBeLessThan(job.after.length)
    expect(await w.run({ ...job, after: beyond })).toBe(runHistoryJob(job))
    expect(readState(job.before, beyond).snapshot).toEqual(readState(job.after).snapshot)
  })

  it('refuses a job past its queue with 503 busy, and counts it', async () => {
    const metrics = new Metrics()
    const w = worker({ maxQueued: 1, metrics })
    const job = changesJob(20)
    const first = w.run(job)
    expect(w.queued).toBe(1)
    const refused = await w.run(job).then(
      () => null,
      (error: unknown) => error,
    )
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ status: 503, code: 'busy' })
    expect(metrics.value('roundtable_history_busy_total')).toBe(1)
    expect(await first).toBe(runHistoryJob(job))
    expect(w.queued).toBe(0)
    // Room again once the first is done.
    expect(await w.run(job)).toBe(runHistoryJob(job))
  })

  it('runs the jobs in place when its thread cannot start, and says so once', async () => {
    const lines: string[] = []
    const w = worker({ log: (line) => lines.push(line), script: new URL('./no-such-thread.mjs', import.meta.url) })
    const job = changesJob(10)
    expect(await Promise.all([w.run(job), w.run(job)])).toEqual([runHistoryJob(job), runHistoryJob(job)])
    expect(await w.run(job)).toBe(runHistoryJob(job))
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/history worker could not start/)
  })

  it('fails the jobs still waiting when it closes', async () => {
    const w = worker()
    const refused = expect(w.run(changesJob(10))).rejects.toMatchObject({ status: 503 })
    await w.close()
    await refused
  })
})
