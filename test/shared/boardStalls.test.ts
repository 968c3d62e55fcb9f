/**
 * The doc and the rules together: a board built through shared/doc commands, read back through
 * `snapshot`, and judged by shared/rules, as the server and the board will do it.
 */
import { describe, expect, it } from 'vitest'
import {
  checkIn,
  createKeyResult,
  createTask,
  moveTask,
  publishCycle,
  snapshot,
  updateColumn,
  updateKeyResult,
  updateTask,
} from '../../shared/doc/index.ts'
import type { ColumnId } from '../../shared/model/index.ts'
import { keyResultProgress, objectiveProgress, stallWarnings, writingHints } from '../../shared/rules/index.ts'
import { buildWorkspace } from '../helpers/workspace.ts'

const DAY = 86_400_000
const JAN_1 = Date.UTC(2026, 0, 1)

function published() {
  const w = buildWorkspace()
  publishCycle(w.s, w.cycleId)
  return w
}

describe('stall warnings on a real document', () => {
  it('a fresh quarter stays quiet until silence passes a week', () => {
    const w = published()
    expect(stallWarnings(snapshot(w.doc), JAN_1 + 3 * DAY)).toEqual([])
    const later = stallWarnings(snapshot(w.doc), JAN_1 + 8 * DAY)
    expect(later.map((x) => [x.ruleId, x.keyResultId])).toEqual(
      expect.arrayContaining([
        ['S1', w.krA],
        ['S1', w.krB],
      ]),
    )
  })

  it('a check-in on time and on pace clears the warnings of that KR', () => {
    const w = published()
    w.clock.advance(45 * DAY)
    checkIn(w.s, { keyResultId: w.krA, value: 31, confidence: 7 })
    const warnings = stallWarnings(snapshot(w.doc), w.clock.now())
    expect(warnings.filter((x) => x.keyResultId === w.krA)).toEqual([])
    expect(warnings.some((x) => x.keyResultId === w.krB && x.ruleId === 'S1')).toBe(true)
  })

  it('renaming a card does not reset its age; moving it does', () => {
    const w = published()
    const card = createTask(w.s, { title: 'Interview churned users', columnId: 'doing', keyResultId: w.krA })
    w.clock.advance(6 * DAY)
    updateTask(w.s, card, { title: 'Interview five churned users' })
    const stale = () => stallWarnings(snapshot(w.doc), w.clock.now()).filter((x) => x.ruleId === 'S6')
    expect(stale().map((x) => x.target.id)).toEqual([card])
    moveTask(w.s, { taskId: card, columnId: 'blocked', keyResultId: w.krA, index: 0 })
    expect(stale()).toEqual([])
  })

  it('a column over its WIP limit and an overdue card are flagged', () => {
    const w = published()
    updateColumn(w.s, 'doing' as ColumnId, { wipLimit: 1 })
    createTask(w.s, { title: 'One', columnId: 'doing', keyResultId: w.krA })
    const late = createTask(w.s, { title: 'Two', columnId: 'doing', keyResultId: w.krB, dueDate: '2026-01-02' })
    const warnings = stallWarnings(snapshot(w.doc), JAN_1 + 3 * DAY)
    expect(warnings.some((x) => x.ruleId === 'S8' && x.target.id === 'doing')).toBe(true)
    expect(warnings.some((x) => x.ruleId === 'S7' && x.target.id === late)).toBe(true)
  })

  it('a draft cycle shows writing hints instead of stalls', () => {
    const w = buildWorkspace()
    createKeyResult(w.s, { objectiveId: w.objectiveId, title: 'Be better', kind: 'increase', weight: 10 })
    const snap = snapshot(w.doc)
    expect(stallWarnings(snap, JAN_1 + 30 * DAY)).toEqual([])
    const ids = writingHints(snap).map((h) => h.ruleId)
    expect(ids).toContain('L3')
    expect(ids).toContain('L4')
  })
})

describe('progress on a real document', () => {
  it('weights the KRs of an objective and follows re-targeting', () => {
    const w = published()
    checkIn(w.s, { keyResultId: w.krA, value: 30, confidence: 6 })
    checkIn(w.s, { keyResultId: w.krB, value: 20, confidence: 6 })
    const snap = snapshot(w.doc)
    expect(keyResultProgress(snap, snap.keyResults.get(w.krA)!).progress).toBeCloseTo(0.5)
    expect(keyResultProgress(snap, snap.keyResults.get(w.krB)!).progress).toBeCloseTo(0.5)
    expect(objectiveProgress(snap, w.objectiveId).progress).toBeCloseTo(0.5)
    updateKeyResult(w.s, w.krA, { target: 30 }, 'Scope cut after the January pilot')
    const after = snapshot(w.doc)
    expect(keyResultProgress(after, after.keyResults.get(w.krA)!).progress).toBe(1)
    expect(objectiveProgress(after, w.objectiveId).progress).toBeCloseTo(0.8)
  })
})
