/**
 * @module Benchmark of the typed model on a large board: how long commands and snapshots take
 * when 2,000 cards sit under 60 key results. Prints figures; asserts nothing.
 */
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import {
  checkIn,
  createCycle,
  createKeyResult,
  createObjective,
  createTask,
  initWorkspace,
  moveTask,
  openSession,
  publishCycle,
  snapshot,
  updateTask,
} from '../shared/doc/index.ts'
import type { KeyResultId, TaskId } from '../shared/model/index.ts'
import { stallWarnings } from '../shared/rules/index.ts'

const COLUMNS = ['todo', 'doing', 'blocked', 'done']

export interface ModelFigures {
  readonly label: string
  readonly value: number
  readonly unit: string
}

/** Builds the board and measures; `scale` 1 is 2,000 cards and 60 KRs. */
export function benchModel(scale = 1): ModelFigures[] {
  const doc = new Y.Doc()
  let n = 0
  const s = openSession(doc, { newId: () => `b${(n++).toString(36)}`, now: () => Date.UTC(2026, 1, 1) })
  initWorkspace(s, { name: 'Bench' })
  const cycleId = createCycle(s, { name: 'Q1', startDate: '2026-01-01', endDate: '2026-03-31' })
  const krs: KeyResultId[] = []
  const objectives = Math.round(15 * scale)
  const t0 = performance.now()
  for (let o = 0; o < objectives; o++) {
    const objectiveId = createObjective(s, { cycleId, title: `Objective ${o}` })
    for (let k = 0; k < 4; k++) {
      krs.push(createKeyResult(s, { objectiveId, title: `KR ${o}.${k}`, start: 0, target: 100, weight: 25 }))
    }
  }
  publishCycle(s, cycleId)
  const tasks: TaskId[] = []
  const cards = Math.round(2000 * scale)
  for (let i = 0; i < cards; i++) {
    tasks.push(
      createTask(s, {
        title: `Card ${i}`,
        columnId: COLUMNS[i % 4]!,
        keyResultId: krs[i % krs.length]!,
        labels: ['bench'],
      }),
    )
  }
  for (const kr of krs) checkIn(s, { keyResultId: kr, value: 10, confidence: 6 })
  const buildMs = performance.now() - t0

  const coldStart = performance.now()
  const cold = new Y.Doc()
  Y.applyUpdate(cold, Y.encodeStateAsUpdate(doc))
  snapshot(cold)
  const coldMs = performance.now() - coldStart

  snapshot(doc)
  const moves = 200
  let moveMs = 0
  let snapMs = 0
  for (let i = 0; i < moves; i++) {
    const a = performance.now()
    moveTask(s, { taskId: tasks[(i * 7) % tasks.length]!, columnId: COLUMNS[i % 4]!, keyResultId: krs[i % krs.length]!, index: 0 })
    const b = performance.now()
    snapshot(doc)
    snapMs += performance.now() - b
    moveMs += b - a
  }
  const renameStart = performance.now()
  for (let i = 0; i < moves; i++) updateTask(s, tasks[i]!, { title: `Card ${i} renamed` })
  const renameMs = performance.now() - renameStart

  const rulesStart = performance.now()
  const warnings = stallWarnings(snapshot(doc), Date.UTC(2026, 1, 20))
  const rulesMs = performance.now() - rulesStart

  return [
    { label: `build board (${cards} cards, ${krs.length} KRs)`, value: buildMs, unit: 'ms' },
    { label: 'encoded document', value: Y.encodeStateAsUpdate(doc).byteLength / 1024, unit: 'KiB' },
    { label: 'cold load + first snapshot', value: coldMs, unit: 'ms' },
    { label: 'moveTask (mean)', value: moveMs / moves, unit: 'ms' },
    { label: 'snapshot after one move (mean)', value: snapMs / moves, unit: 'ms' },
    { label: 'rename a card (mean)', value: renameMs / moves, unit: 'ms' },
    { label: `stall rules over the board (${warnings.length} warnings)`, value: rulesMs, unit: 'ms' },
  ]
}
