/**
 * @module What 10,000 card moves cost the document and the activity log, and what recording them
 * costs per move: the document's encoded size before and after (activity never enters it), the
 * log's bytes (JSON lines, as FileActivityLog writes them), and describeTransaction's time.
 * `node --import tsx bench/probes/activityProbe.ts [moves] [cards]`
 */
import * as Y from 'yjs'
import { describeTransaction, moveTask } from '../../shared/doc/index.ts'
import type { ActivityDraft } from '../../shared/model/index.ts'
import { buildOkrBoard } from '../load/okrBoard.ts'

const moves = Number(process.argv[2] ?? 10_000)
const cards = Number(process.argv[3] ?? 2_000)
const { doc, s, tasks, columns, keyResults } = buildOkrBoard(cards)
const before = Y.encodeStateAsUpdate(doc).length

let logBytes = 0
let describeMs = 0
let entries = 0
doc.on('afterTransaction', (tr: Y.Transaction) => {
  const t0 = performance.now()
  const drafts: ActivityDraft[] = describeTransaction(doc, tr)
  describeMs += performance.now() - t0
  for (const d of drafts) {
    logBytes += JSON.stringify({ ...d, at: Date.now(), personId: 'p0123456789abcdef' }).length + 1
    entries++
  }
})
const t0 = performance.now()
for (let i = 0; i < moves; i++) {
  const at = (i * 7919) % tasks.length
  // Card `at` sits under KR `at % KRs` (buildOkrBoard): it changes column, not lane.
  moveTask(s, { taskId: tasks[at]!, columnId: columns[i % columns.length]!, keyResultId: keyResults[at % keyResults.length]!, index: 0 })
}
const totalMs = performance.now() - t0
const after = Y.encodeStateAsUpdate(doc).length
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`
console.log(`${moves} moves on a ${cards}-card board`)
console.log(`document: ${kb(before)} -> ${kb(after)} (+${kb(after - before)}, ${((after - before) / moves).toFixed(1)} B per move), with or without activity: it never enters the document`)
console.log(`activity log: ${entries} entries, ${kb(logBytes)} (${(logBytes / entries).toFixed(0)} B each)`)
console.log(`describeTransaction: ${((describeMs / moves) * 1000).toFixed(1)} us per move (of ${((totalMs / moves) * 1000).toFixed(0)} us per move in all)`)
