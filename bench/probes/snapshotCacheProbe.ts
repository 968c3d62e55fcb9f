/**
 * @module What a cached `snapshot(doc)` costs a live room, against `readSnapshot(doc)`: heap kept
 * after one read, and the time of a first read, a repeated read and a read after an edit.
 * `node --expose-gc --import tsx bench/probes/snapshotCacheProbe.ts [cards] [none|cached|uncached]`
 */
import * as Y from 'yjs'
import { readSnapshot, snapshot } from '../../shared/doc/index.ts'
import { buildLargeBoard } from '../load/board.ts'

const cards = Number(process.argv[2] ?? 5000)
const mode = process.argv[3] ?? 'none'
const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) throw new Error('run with node --expose-gc')
const heap = () => {
  for (let i = 0; i < 4; i++) gc()
  return process.memoryUsage().heapUsed
}
const read = (doc: Y.Doc) => (mode === 'cached' ? snapshot(doc) : mode === 'uncached' ? readSnapshot(doc) : null)

// Warm up on a small board, so that compiled code is not counted as kept by the read.
const warm = new Y.Doc()
Y.applyUpdate(warm, buildLargeBoard(200, 400).state)
for (let i = 0; i < 3; i++) read(warm)
warm.destroy()

const board = buildLargeBoard(cards, cards * 2)
const doc = new Y.Doc()
Y.applyUpdate(doc, board.state)
const before = heap()
let started = performance.now()
read(doc)
const firstMs = performance.now() - started
const retained = heap() - before
started = performance.now()
for (let i = 0; i < 20; i++) read(doc)
const repeatMs = (performance.now() - started) / 20
const tasks = doc.getMap('tasks')
const card = tasks.get([...tasks.keys()][0]!) as Y.Map<unknown>
started = performance.now()
for (let i = 0; i < 20; i++) {
  card.set('dueDate', `2026-01-1${i % 10}`)
  read(doc)
}
const afterEditMs = (performance.now() - started) / 20
const mb = (bytes: number) => +(bytes / 1_048_576).toFixed(2)
console.log(
  JSON.stringify({
    cards,
    mode,
    stateMB: mb(board.state.length),
    docHeapMB: mb(before),
    retainedMB: mb(retained),
    firstMs: +firstMs.toFixed(1),
    repeatMs: +repeatMs.toFixed(2),
    afterEditMs: +afterEditMs.toFixed(2),
  }),
)
