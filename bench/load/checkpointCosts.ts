/**
 * @module The checkpoint scenario's in-process half (Roundtable only, so it runs the server's own
 * code here: there is no other peer to be fair to). On a board of `cards` cards: encoding a
 * checkpoint (what the room waits for, inside the transaction that ends a meeting), writing it
 * (FileCheckpoints, in the background), its bytes; "what changed" between two checkpoints a week
 * of work apart, computed in place and through the history worker as `/changes` does it (the
 * checkpoint's state vector there, then the live document's update beyond it); and the size after
 * `moves` card moves of the document with the activity log on (ActivityRecorder) and off.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { checkIn, encodeState, moveTask, stateVectorOf } from '../../shared/doc/index.ts'
import { HistoryWorker } from '../../server/history/HistoryWorker.ts'
import { runHistoryJob } from '../../server/history/historyJob.ts'
import type { HistoryJob } from '../../server/history/historyJob.ts'
import { ActivityRecorder } from '../../server/rooms/ActivityRecorder.ts'
import { MAX_ACTIVITY, MemoryActivityLog } from '../../server/storage/ActivityLog.ts'
import { CheckpointReason } from '../../shared/protocol/index.ts'
import { FileCheckpoints } from '../../server/storage/FileCheckpoints.ts'
import { median } from '../stats.ts'
import { buildOkrBoard } from './okrBoard.ts'
import type { OkrBoard } from './okrBoard.ts'

const WORKSPACE = 'benchCheckpoint01'

async function timed(fn: () => unknown): Promise<number> {
  const t0 = performance.now()
  await fn()
  return performance.now() - t0
}

async function medianOf(runs: number, fn: () => unknown): Promise<number> {
  const out: number[] = []
  for (let i = 0; i < runs; i++) out.push(await timed(fn))
  return median(out)
}

/** A week of work: `moves` card moves (card `at` stays under its KR, changes column) and a check-in per KR. */
function work(board: OkrBoard, moves: number, checkIns: boolean): void {
  const { s, tasks, columns, keyResults } = board
  for (let i = 0; i < moves; i++) {
    const at = (i * 7919) % tasks.length
    moveTask(s, { taskId: tasks[at]!, columnId: columns[i % columns.length]!, keyResultId: keyResults[at % keyResults.length]!, index: 0 })
  }
  if (checkIns) for (const kr of keyResults) checkIn(s, { keyResultId: kr, value: 40, confidence: 6 })
}

export async function checkpointCosts(cards: number, runs: number, activityMoves: number): Promise<Record<string, number>> {
  const board = buildOkrBoard(cards)
  for (const kr of board.keyResults) for (let c = 0; c < 3; c++) checkIn(board.s, { keyResultId: kr, value: 10 * c, confidence: 7 })
  const first = encodeState(board.doc)
  const encodeMs = await medianOf(runs, () => encodeState(board.doc))

  const dir = await mkdtemp(join(tmpdir(), 'roundtable-bench-checkpoints-'))
  let at = Date.UTC(2026, 11, 1)
  let writeMs: number
  try {
    const store = new FileCheckpoints(dir)
    writeMs = await medianOf(runs, () => store.write(WORKSPACE, at++, CheckpointReason.Daily, null, first))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }

  work(board, 300, true)
  const job: HistoryJob = { kind: 'changes', before: first, after: encodeState(board.doc), from: Date.UTC(2026, 10, 24), to: Date.UTC(2026, 11, 1) }
  const diffInPlaceMs = await medianOf(runs, () => runHistoryJob(job))
  // What `/changes` does on the room's thread: encode only what the live document holds beyond the checkpoint.
  const vector = stateVectorOf(first)
  const beyondMs = await medianOf(runs, () => encodeState(board.doc, vector))
  const beyond = encodeState(board.doc, vector)
  const worker = new HistoryWorker({ log: (line) => console.error(line) })
  let firstJobMs: number
  let vectorMs: number
  let diffWorkerMs: number
  try {
    firstJobMs = await timed(() => worker.run(job))
    vectorMs = await medianOf(runs, () => worker.run({ kind: 'stateVector', state: first }))
    diffWorkerMs = await medianOf(runs, () => worker.run({ ...job, after: beyond }))
  } finally {
    await worker.close()
  }

  // The same moves on two fresh boards with the same Yjs client id, one with the server's activity recorder.
  const sizes = async (recording: boolean) => {
    const b = buildOkrBoard(cards, 0x0fedcba9)
    const log = new MemoryActivityLog()
    const recorder = recording ? new ActivityRecorder(b.doc, { workspaceId: WORKSPACE, log, now: () => Date.now(), personOf: () => null, isEdit: () => true }) : null
    const before = encodeState(b.doc).length
    work(b, activityMoves, false)
    recorder?.destroy()
    return { before, after: encodeState(b.doc).length, entries: (await log.list(WORKSPACE, { limit: MAX_ACTIVITY })).length }
  }
  const off = await sizes(false)
  const on = await sizes(true)

  return {
    checkpointBytes: first.length,
    checkpointEncodeMs: encodeMs,
    checkpointWriteMs: writeMs,
    diffInPlaceMs,
    liveBeyondEncodeMs: beyondMs,
    liveBeyondBytes: beyond.length,
    stateVectorWorkerMs: vectorMs,
    diffWorkerMs,
    diffWorkerFirstMs: firstJobMs,
    docBeforeMovesKiB: off.before / 1024,
    docAfterMovesOffKiB: off.after / 1024,
    docAfterMovesOnKiB: on.after / 1024,
    docGrowthOnMinusOffBytes: on.after - on.before - (off.after - off.before),
    activityEntries: on.entries,
  }
}
