/** @module Reads that commands use to validate their input against the current document. */
import * as Y from 'yjs'
import { CycleStatus } from '../model/index.ts'
import type { Column, ColumnId, Cycle, KeyResult, KeyResultId, Objective, Task, TaskId } from '../model/index.ts'
import { CommandErrorCode, must, refuse } from './errors.ts'
import { asFields, str } from './decode.ts'
import { readColumn, readCycle, readKeyResult, readObjective, readTask } from './read.ts'
import { byRank } from './rank.ts'
import { cachedTasks } from './snapshot.ts'
import { Root, recordOf } from './schema.ts'
import type { RecordMap } from './schema.ts'

export function cycleRecord(doc: Y.Doc, id: string): [Cycle, RecordMap] {
  const m = must(recordOf(doc, Root.Cycles, id), 'cycle', id)
  return [readCycle(id, m), m]
}

export function objectiveRecord(doc: Y.Doc, id: string): [Objective, RecordMap] {
  const m = must(recordOf(doc, Root.Objectives, id), 'objective', id)
  return [readObjective(id, m), m]
}

export function keyResultRecord(doc: Y.Doc, id: string): [KeyResult, RecordMap] {
  const m = must(recordOf(doc, Root.KeyResults, id), 'key result', id)
  return [readKeyResult(id, m), m]
}

export function taskRecord(doc: Y.Doc, id: string): [Task, RecordMap] {
  const m = must(recordOf(doc, Root.Tasks, id), 'task', id)
  return [readTask(id, m), m]
}

export function columnRecord(doc: Y.Doc, id: string): [Column, RecordMap] {
  const m = must(recordOf(doc, Root.Columns, id), 'column', id)
  return [readColumn(id, m), m]
}

/** Throws `not-found` unless a record `id` exists in `root` (null passes: "nobody"). */
export function requireRef(doc: Y.Doc, root: Root, what: string, id: string | null | undefined): void {
  if (id === null || id === undefined) return
  must(recordOf(doc, root, id), what, id)
}

/** The cycle an objective's key result belongs to. */
export function cycleOfKeyResult(doc: Y.Doc, kr: KeyResult): Cycle {
  const [objective] = objectiveRecord(doc, kr.objectiveId)
  return cycleRecord(doc, objective.cycleId)[0]
}

/** Objectives may change only while their cycle is a draft: they are fixed once published. */
export function requireDraft(cycle: Cycle, what: string): void {
  requireNotClosed(cycle, what)
  if (cycle.status !== CycleStatus.Draft) {
    refuse(CommandErrorCode.Locked, `${what}: the cycle "${cycle.name}" is ${cycle.status}; objectives are fixed once published`)
  }
}

/**
 * A closed cycle is the record of what happened: tasks, key results, check-ins and objectives
 * stay as they were at the close; only scores and comments change (until an owner reopens it).
 */
export function requireNotClosed(cycle: Cycle, what: string): void {
  if (cycle.status === CycleStatus.Closed) {
    refuse(CommandErrorCode.CycleClosed, `${what}: the cycle "${cycle.name}" is closed; only scores and comments change`, cycle.id)
  }
}

/** All records of `root` read with `read`, skipping junk values. */
export function allRecords<T>(doc: Y.Doc, root: Root, read: (id: string, m: RecordMap) => T): T[] {
  const out: T[] = []
  doc.getMap(root).forEach((value, id) => {
    if (value instanceof Y.Map) out.push(read(id, value))
  })
  return out
}

/**
 * The ranks of the cards in one board cell, in board order, leaving out `except`. This runs on
 * every drop: it reads the snapshot cache's cards where the document has one (a browser), else
 * only the two fields it needs from each card's Y.Map. Inside a transaction the cache has not seen
 * the transaction's own cards yet (a template adds several to one cell): the Y.Maps are read.
 */
export function cellRanks(
  doc: Y.Doc,
  columnId: ColumnId,
  keyResultId: KeyResultId | null,
  cycleId: string,
  except: TaskId | null,
): string[] {
  const cell: Array<{ id: string; rank: string }> = []
  const cached = doc._transaction === null ? cachedTasks(doc) : undefined
  if (cached !== undefined) {
    for (const task of cached.values()) {
      const { placement } = task
      if (task.id === except || task.cycleId !== cycleId || placement.columnId !== columnId || placement.keyResultId !== keyResultId) continue
      cell.push({ id: task.id, rank: placement.rank })
    }
    return cell.sort(byRank((t) => t.rank)).map((t) => t.rank)
  }
  doc.getMap(Root.Tasks).forEach((value, id) => {
    if (id === except || !(value instanceof Y.Map) || value.get('cycleId') !== cycleId) return
    const placement = asFields(value.get('placement'))
    if (placement === undefined || placement.columnId !== columnId) return
    if ((placement.keyResultId ?? null) !== keyResultId) return
    cell.push({ id, rank: str(placement, 'rank', 'a0') })
  })
  return cell.sort(byRank((t) => t.rank)).map((t) => t.rank)
}
