import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  CommandError,
  addComment,
  checkIn,
  createKeyResult,
  createObjective,
  createTask,
  exportWorkspace,
  importWorkspace,
  openSession,
  publishCycle,
  scoreKeyResult,
  snapshot,
  updateKeyResult,
} from '../../../shared/doc/index.ts'
import { KeyResultKind, ObjectiveLevel, Origin } from '../../../shared/model/index.ts'
import type { TaskId } from '../../../shared/model/index.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

function richWorkspace() {
  const w = buildWorkspace()
  const task = createTask(w.s, { title: 'Ship onboarding v2', columnId: 'doing', keyResultId: w.krA, labels: ['ux'], dueDate: '2026-02-01' })
  publishCycle(w.s, w.cycleId)
  checkIn(w.s, { keyResultId: w.krA, value: 27, confidence: 6, note: 'pilot live' })
  updateKeyResult(w.s, w.krB, { target: 12 }, 'new baseline measured')
  scoreKeyResult(w.s, { keyResultId: w.krA, selfScore: 0.6 })
  addComment(w.s, { target: { kind: 'task', id: task }, body: 'Looks good', mentions: [w.personId] })
  return w
}

describe('export and import', () => {
  it('an export imported into a new document exports the same', () => {
    const w = richWorkspace()
    const exported = exportWorkspace(snapshot(w.doc), 1)
    const json = JSON.parse(JSON.stringify(exported))
    const copy = new Y.Doc()
    importWorkspace(openSession(copy), json)
    expect(exportWorkspace(snapshot(copy), 1)).toEqual(exported)
    expect(exported.tasks[0]?.title).toBe('Ship onboarding v2')
    expect(exported.changeLog).toHaveLength(1)
  })

  it('refuses broken references and bad shapes, writing nothing', () => {
    const w = richWorkspace()
    const good = JSON.parse(JSON.stringify(exportWorkspace(snapshot(w.doc), 1)))
    const cases = [
      { ...good, format: 'something/else' },
      { ...good, keyResults: good.keyResults.map((k: object) => ({ ...k, objectiveId: 'ghost' })) },
      { ...good, tasks: good.tasks.map((t: object) => ({ ...t, assigneeId: 'ghost' })) },
      { ...good, cycles: [{ ...good.cycles[0], status: 'exploded' }] },
      { ...good, columns: [] },
      { ...good, keyResults: good.keyResults.map((k: object) => ({ ...k, weight: -5 })) },
      'not even an object',
    ]
    for (const bad of cases) {
      const copy = new Y.Doc()
      expect(() => importWorkspace(openSession(copy), bad)).toThrow(CommandError)
      expect(Y.encodeStateAsUpdate(copy).byteLength).toBeLessThan(4)
    }
  })

  it('writes the board in the order it is drawn: columns and key results first, then the cards lane by lane, column by column', () => {
    const w = buildWorkspace()
    w.clock.advance(1000)
    const objective2 = createObjective(w.s, { cycleId: w.cycleId, title: 'Keep them', level: ObjectiveLevel.Team, teamId: w.teamId, ownerId: null, origin: Origin.TopDown })
    const krC = createKeyResult(w.s, { objectiveId: objective2, title: 'Cut churn', kind: KeyResultKind.Decrease, unit: '%', start: 9, target: 5, weight: 100 })
    // Created bottom lane first and last column first, so creation order is not the board's.
    const created = [krC, w.krB, w.krA].flatMap((keyResultId) =>
      ['done', 'doing', 'todo'].map((columnId) => createTask(w.s, { title: `${keyResultId} ${columnId}`, columnId, keyResultId })),
    )
    const copy = new Y.Doc()
    importWorkspace(openSession(copy), JSON.parse(JSON.stringify(exportWorkspace(snapshot(w.doc), 1))))
    // One writer: the clock of each record's entry is the order it was written in.
    const clockOf = (root: string, id: string) => (copy.getMap(root) as unknown as { _map: Map<string, { id: { clock: number } }> })._map.get(id)!.id.clock
    const tasks = snapshot(copy).tasks
    const written = created.toSorted((a, b) => clockOf('tasks', a) - clockOf('tasks', b)).map((id) => tasks.get(id as TaskId)!.title)
    // krA and krB were created at the same time: the board puts them in title order, B first.
    expect(written).toEqual([w.krB, w.krA, krC].flatMap((kr) => ['todo', 'doing', 'done'].map((column) => `${kr} ${column}`)))
    const firstTask = Math.min(...created.map((id) => clockOf('tasks', id)))
    for (const column of ['todo', 'doing', 'done']) expect(clockOf('columns', column)).toBeLessThan(firstTask)
    for (const kr of [w.krA, w.krB, krC]) expect(clockOf('keyResults', kr)).toBeLessThan(firstTask)
  })

  it('refuses to import over an existing board', () => {
    const w = richWorkspace()
    const data = exportWorkspace(snapshot(w.doc), 1)
    expect(() => importWorkspace(w.s, data)).toThrow('empty workspace')
  })
})
