/**
 * @module What a checkpoint of a big board costs: encoding the whole state (done inside the
 * transaction that ends a meeting, so the room waits for it), its bytes, and "what changed"
 * between two checkpoints (read both back, then changesBetween). Median of `runs`.
 * `node --import tsx bench/probes/checkpointProbe.ts [cards] [runs]`
 */
import * as Y from 'yjs'
import { checkIn, moveTask, readState } from '../../shared/doc/index.ts'
import { changesBetween } from '../../shared/rules/index.ts'
import { buildOkrBoard } from '../load/okrBoard.ts'

const cards = Number(process.argv[2] ?? 2_000)
const runs = Number(process.argv[3] ?? 7)
const { doc, s, keyResults: krs, tasks, columns: columnIds } = buildOkrBoard(cards)
for (const kr of krs) for (let c = 0; c < 3; c++) checkIn(s, { keyResultId: kr, value: 10 * c, confidence: 7 })

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const time = <T>(fn: () => T): [T, number] => {
  const t0 = performance.now()
  const out = fn()
  return [out, performance.now() - t0]
}

const encodeMs: number[] = []
let first: Uint8Array = new Uint8Array()
for (let i = 0; i < runs; i++) [first, encodeMs[i]] = time(() => Y.encodeStateAsUpdate(doc))
// A week of work: 300 moves and a check-in per KR.
for (let i = 0; i < 300; i++) moveTask(s, { taskId: tasks[(i * 13) % tasks.length]!, columnId: columnIds[(i + 1) % columnIds.length]!, keyResultId: krs[(i * 13) % krs.length]!, index: 0 })
for (const kr of krs) checkIn(s, { keyResultId: kr, value: 40, confidence: 6 })
const second = Y.encodeStateAsUpdate(doc)
const diffMs: number[] = []
let summary = null
for (let i = 0; i < runs; i++) {
  let changes
  ;[changes, diffMs[i]] = time(() => changesBetween(readState(first).snapshot, readState(second).snapshot, 0, Date.UTC(2026, 10, 15)))
  summary = changes.summary
}
console.log(`${cards}-card board, median of ${runs}`)
console.log(`checkpoint: ${(first.length / 1024).toFixed(1)} KiB, encoded in ${median(encodeMs).toFixed(1)} ms (the room's share; the file is written in the background)`)
console.log(`what changed between two checkpoints (read both, diff): ${median(diffMs).toFixed(0)} ms; ${JSON.stringify(summary)}`)
