import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  CommandError,
  addComment,
  checkIn,
  createTask,
  exportWorkspace,
  importWorkspace,
  openSession,
  publishCycle,
  scoreKeyResult,
  snapshot,
  updateKeyResult,
} from '../../../shared/doc/index.ts'
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

  it('refuses to import over an existing board', () => {
    const w = richWorkspace()
    const data = exportWorkspace(snapshot(w.doc), 1)
    expect(() => importWorkspace(w.s, data)).toThrow('empty workspace')
  })
})
