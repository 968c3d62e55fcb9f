/**
 * Three replicas apply random commands from a seeded generator, exchange their updates in random
 * order and with random delays, and must end with identical snapshots and a valid model.
 */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  CommandError,
  checkIn,
  checkModel,
  createKeyResult,
  createObjective,
  createTask,
  deleteKeyResult,
  deleteTask,
  moveTask,
  openSession,
  readSnapshot,
  snapshot,
  updateKeyResult,
  updateObjective,
  updateTask,
} from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { seededIds, seededRandom } from '../../helpers/random.ts'
import type { Random } from '../../helpers/random.ts'
import { deliverAll, deliverSome, linkedCopies } from '../../helpers/replicas.ts'
import type { Linked } from '../../helpers/replicas.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

interface Replica extends Linked {
  readonly s: Session
}

const COLUMNS = ['todo', 'doing', 'blocked', 'done']

function replicas(count: number, random: Random): Replica[] {
  const base = buildWorkspace()
  return linkedCopies(base.doc, count).map((r, i) => ({ ...r, s: openSession(r.doc, { now: base.clock.now, newId: seededIds(random, `r${i}`) }) }))
}

/** A comparable form of a snapshot: every collection as entries sorted by id. */
function plain(snap: WorkspaceSnapshot): unknown {
  return Object.fromEntries(
    Object.entries(snap).map(([key, value]) => [
      key,
      value instanceof Map ? [...value.entries()].sort(([a], [b]) => (a < b ? -1 : 1)) : value,
    ]),
  )
}

function randomCommand(r: Replica, random: Random): void {
  const snap = snapshot(r.doc)
  const krs = [...snap.keyResults.keys()]
  const tasks = [...snap.tasks.keys()]
  const objectives = [...snap.objectives.keys()]
  const cycleId = [...snap.cycles.keys()][0]!
  const roll = random.int(100)
  if (roll < 30 && tasks.length > 0) {
    moveTask(r.s, {
      taskId: random.pick(tasks),
      columnId: random.pick(COLUMNS),
      keyResultId: krs.length > 0 && random.bool(0.9) ? random.pick(krs) : null,
      index: random.int(4),
    })
  } else if (roll < 45) {
    createTask(r.s, {
      title: `Task ${random.word()}`,
      columnId: random.pick(COLUMNS),
      keyResultId: krs.length > 0 ? random.pick(krs) : null,
      cycleId,
    })
  } else if (roll < 55 && tasks.length > 0) {
    const id = random.pick(tasks)
    const title = snap.tasks.get(id)!.title
    const at = random.int(title.length + 1)
    updateTask(r.s, id, { title: `${title.slice(0, at)}${random.word(2)}${title.slice(at)}` })
  } else if (roll < 63 && objectives.length > 0) {
    const id = random.pick(objectives)
    const title = snap.objectives.get(id)!.title
    const at = random.int(title.length + 1)
    const cut = random.int(3)
    updateObjective(r.s, id, { title: `${title.slice(0, at)}${random.word(3)}${title.slice(at + cut)}` || 'x' })
  } else if (roll < 70 && krs.length > 1) {
    deleteKeyResult(r.s, random.pick(krs))
  } else if (roll < 77 && objectives.length > 0) {
    createKeyResult(r.s, { objectiveId: random.pick(objectives), title: `KR ${random.word()}`, start: 0, target: 10, weight: 25 })
  } else if (roll < 82 && krs.length > 0) {
    updateKeyResult(r.s, random.pick(krs), { weight: random.int(101), target: random.int(50) })
  } else if (roll < 87 && objectives.length > 1) {
    const child = random.pick(objectives)
    const useKr = random.bool() && krs.length > 0
    updateObjective(r.s, child, {
      alignment: useKr ? { kind: 'keyResult', id: random.pick(krs) } : { kind: 'objective', id: random.pick(objectives) },
    })
  } else if (roll < 92) {
    createObjective(r.s, { cycleId, title: `Objective ${random.word()}` })
  } else if (roll < 96 && krs.length > 0) {
    checkIn(r.s, { keyResultId: random.pick(krs), value: random.int(20), confidence: random.int(11) })
  } else if (tasks.length > 0) {
    deleteTask(r.s, random.pick(tasks))
  }
}

function run(seed: number, steps: number): Replica[] {
  const random = seededRandom(seed)
  const all = replicas(3, random)
  // Seed a shared board so concurrent edits hit the same records.
  const first = all[0]!
  const snap = snapshot(first.doc)
  const cycleId = [...snap.cycles.keys()][0]!
  for (const keyResultId of [...snap.keyResults.keys(), ...snap.keyResults.keys()]) {
    createTask(first.s, { title: `Seed ${random.word()}`, columnId: random.pick(COLUMNS), keyResultId, cycleId })
  }
  deliverAll(all)
  for (let step = 0; step < steps; step++) {
    if (random.bool(0.7)) randomCommandSafe(random.pick(all), random)
    else deliverSome(all, random)
  }
  deliverAll(all)
  return all
}

function randomCommandSafe(r: Replica, random: Random): void {
  try {
    randomCommand(r, random)
  } catch (error) {
    // A replica may refuse a command against its own (stale) view: that is the point.
    if (!(error instanceof CommandError)) throw error
  }
}

/** Tasks whose stored placement names a key result that is gone: the repair case of MERGE.md 1. */
function danglingPlacements(doc: Y.Doc): number {
  let n = 0
  doc.getMap('tasks').forEach((task) => {
    const kr = ((task as Y.Map<unknown>).get('placement') as { keyResultId: string | null }).keyResultId
    if (kr !== null && !doc.getMap('keyResults').has(kr)) n++
  })
  return n
}

describe('convergence', () => {
  let repaired = 0
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: three replicas end identical and valid`, () => {
      const all = run(seed, 400)
      const snaps = all.map((r) => snapshot(r.doc))
      expect(plain(snaps[1]!)).toEqual(plain(snaps[0]!))
      expect(plain(snaps[2]!)).toEqual(plain(snaps[0]!))
      expect(checkModel(snaps[0]!)).toEqual([])
      expect(snaps[0]!.tasks.size).toBeGreaterThan(0)
      // The uncached read the server's routes use sees the same repaired model.
      expect(plain(readSnapshot(all[0]!.doc))).toEqual(plain(snaps[0]!))
      repaired += danglingPlacements(all[0]!.doc)
    })
  }

  it('the random runs did reach the repair cases (the seeds are not too tame)', () => {
    expect(repaired).toBeGreaterThan(0)
  })

  it('two people dragging the same card at once leave it in exactly one place', () => {
    const random = seededRandom(99)
    const [a, b, c] = replicas(3, random)
    const snap = snapshot(a!.doc)
    const [krA, krB] = [...snap.keyResults.keys()]
    const cycleId = [...snap.cycles.keys()][0]!
    const task = createTask(a!.s, { title: 'Contested', columnId: 'todo', keyResultId: krA!, cycleId })
    deliverAll([a!, b!, c!])
    moveTask(b!.s, { taskId: task, columnId: 'doing', keyResultId: krA!, index: 0 })
    moveTask(c!.s, { taskId: task, columnId: 'done', keyResultId: krB!, index: 0 })
    deliverAll([a!, b!, c!])
    const placements = [a!, b!, c!].map((r) => snapshot(r.doc).tasks.get(task)!.placement)
    expect(placements[1]).toEqual(placements[0])
    expect(placements[2]).toEqual(placements[0])
    expect([['doing', krA], ['done', krB]]).toContainEqual([placements[0]!.columnId, placements[0]!.keyResultId])
  })

  it('a KR deleted while a peer moves tasks under it leaves every task on the board', () => {
    const random = seededRandom(7)
    const [a, b, c] = replicas(3, random)
    const snap = snapshot(a!.doc)
    const [krA, krB] = [...snap.keyResults.keys()]
    const cycleId = [...snap.cycles.keys()][0]!
    const ids = [0, 1, 2].map((i) => createTask(a!.s, { title: `T${i}`, columnId: 'todo', keyResultId: krB!, cycleId }))
    deliverAll([a!, b!, c!])
    deleteKeyResult(b!.s, krA!)
    for (const id of ids) moveTask(c!.s, { taskId: id, columnId: 'doing', keyResultId: krA!, index: 0 })
    deliverAll([a!, b!, c!])
    for (const r of [a!, b!, c!]) {
      const s = snapshot(r.doc)
      expect(checkModel(s)).toEqual([])
      for (const id of ids) expect(s.tasks.get(id)?.placement).toMatchObject({ columnId: 'doing', keyResultId: null })
    }
  })
})
