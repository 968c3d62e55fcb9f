/**
 * @module A big board built through the real commands, for the in-process probes: 12 objectives x
 * 5 KRs in a published quarter, `cards` cards spread over the KRs and the four columns.
 */
import * as Y from 'yjs'
import { createCycle, createKeyResult, createObjective, createTask, initWorkspace, openSession, publishCycle, snapshot } from '../../shared/doc/index.ts'
import type { Session } from '../../shared/doc/index.ts'
import type { ColumnId, CycleId, KeyResultId, TaskId } from '../../shared/model/index.ts'

export interface OkrBoard {
  readonly doc: Y.Doc
  readonly s: Session
  readonly cycleId: CycleId
  readonly keyResults: readonly KeyResultId[]
  readonly tasks: readonly TaskId[]
  readonly columns: readonly ColumnId[]
}

/** `clientID` fixes Yjs' otherwise random client id, so two boards built alike encode to the same size. */
export function buildOkrBoard(cards: number, clientID?: number): OkrBoard {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  const s = openSession(doc)
  initWorkspace(s, { name: 'Probe' })
  const cycleId = createCycle(s, { name: 'Q', startDate: '2026-10-01', endDate: '2026-12-31' })
  const keyResults: KeyResultId[] = []
  for (let o = 0; o < 12; o++) {
    const objectiveId = createObjective(s, { cycleId, title: `Objective ${o}` })
    for (let k = 0; k < 5; k++) keyResults.push(createKeyResult(s, { objectiveId, title: `KR ${o}.${k}`, start: 0, target: 100, weight: 20 }))
  }
  publishCycle(s, cycleId)
  const columns = [...snapshot(doc).columns.keys()]
  const tasks = Array.from({ length: cards }, (_, i) =>
    createTask(s, { title: `Card ${i}`, columnId: columns[i % columns.length]!, keyResultId: keyResults[i % keyResults.length]! }),
  )
  return { doc, s, cycleId, keyResults, tasks, columns }
}
