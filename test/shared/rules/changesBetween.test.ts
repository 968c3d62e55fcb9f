/** What changed between two snapshots: every record kind, moves, deletes, stalls, and no change. */
import { describe, expect, it } from 'vitest'
import { ChangeKind, changesBetween } from '../../../shared/rules/index.ts'
import { checkIns, columnId, cycle, day, taskId, keyResult, krId, objective, objectiveId, score, task, workspace } from './fixtures.ts'

const base = {
  objectives: [objective()],
  keyResults: [keyResult({ id: krId('k1') }), keyResult({ id: krId('k2'), title: 'Second' })],
  tasks: [task({ id: taskId('t1'), placement: { columnId: columnId('todo'), keyResultId: krId('k1') } }), task({ id: taskId('t2'), placement: { columnId: columnId('doing'), keyResultId: krId('k1') } })],
  checkIns: [...checkIns('k1', [[10, 10, 7]]), ...checkIns('k2', [[10, 10, 7]])],
}

describe('changesBetween', () => {
  it('finds nothing between a state and itself', () => {
    const snap = workspace(base)
    const changes = changesBetween(snap, snap, day(11), day(11))
    expect(changes.keyResults).toEqual([])
    expect(changes.tasks).toEqual([])
    expect(changes.objectives).toEqual([])
    expect(changes.checkIns).toEqual([])
    expect(changes.summary).toEqual({ keyResultsMoved: 0, newStalls: 0, stallsCleared: 0, tasksDone: 0, tasksAdded: 0, checkIns: 0 })
  })

  it('reports a check-in as a KR that moved, with progress and confidence before and after', () => {
    const before = workspace(base)
    const after = workspace({ ...base, checkIns: [...base.checkIns, ...checkIns('k1', [[17, 30, 4]]).map((c) => ({ ...c, id: 'new' as typeof c.id, note: 'Big week' }))] })
    const changes = changesBetween(before, after, day(11), day(18))
    expect(changes.keyResults).toEqual([
      { id: 'k1', title: 'Grow weekly active teams', change: ChangeKind.Changed, progressBefore: 0.1, progressAfter: 0.3, confidenceBefore: 7, confidenceAfter: 4, fields: [], scoreBefore: null, scoreAfter: null },
    ])
    expect(changes.checkIns.map((c) => c.note)).toEqual(['Big week'])
    expect(changes.summary.keyResultsMoved).toBe(1)
  })

  it('tells added, removed and edited records apart, naming the fields that changed', () => {
    const before = workspace(base)
    const after = workspace({
      ...base,
      objectives: [objective({ title: 'Delight them more' }), objective({ id: objectiveId('o2'), title: 'New one' })],
      keyResults: [keyResult({ id: krId('k1'), target: 200 }), keyResult({ id: krId('k3'), title: 'Third' })],
    })
    const changes = changesBetween(before, after, day(11), day(11))
    expect(changes.objectives.map((o) => [o.record.id, o.change, o.fields])).toEqual([
      ['o1', ChangeKind.Changed, ['title']],
      ['o2', ChangeKind.Added, []],
    ])
    expect(changes.keyResults.map((k) => [k.id, k.change, k.fields])).toEqual([
      ['k1', ChangeKind.Changed, ['target']],
      ['k2', ChangeKind.Removed, []],
      ['k3', ChangeKind.Added, []],
    ])
  })

  it('reports tasks added, removed, moved, and done when they reach a done column', () => {
    const before = workspace(base)
    const after = workspace({ ...base, tasks: [task({ id: taskId('t1'), placement: { columnId: columnId('done'), keyResultId: krId('k1') } }), task({ id: taskId('t3'), placement: { columnId: columnId('todo'), keyResultId: krId('k2') } })] })
    const changes = changesBetween(before, after, day(11), day(11))
    expect(changes.tasks.map((t) => [t.task.id, t.change, t.done, t.from?.columnId ?? null])).toEqual([
      ['t1', ChangeKind.Changed, true, 'todo'],
      ['t2', ChangeKind.Removed, false, 'doing'],
      ['t3', ChangeKind.Added, false, null],
    ])
    expect(changes.summary).toMatchObject({ tasksDone: 1, tasksAdded: 1 })
  })

  it('lists stalls that appeared with time alone, and those a check-in cleared', () => {
    const snap = workspace(base)
    // Seven days without a check-in make both KRs silent (S1).
    const later = changesBetween(snap, snap, day(11), day(30))
    expect(later.stallsAppeared.filter((w) => w.ruleId === 'S1').map((w) => w.target.id).sort()).toEqual(['k1', 'k2'])
    const cured = workspace({ ...base, checkIns: [...base.checkIns, ...checkIns('k1', [[29, 40, 8]]).map((c) => ({ ...c, id: 'c9' as typeof c.id }))] })
    const next = changesBetween(snap, cured, day(30), day(30))
    expect(next.stallsCleared.some((w) => w.ruleId === 'S1' && w.target.id === 'k1')).toBe(true)
  })

  it('reports a cycle published or closed in between', () => {
    const before = workspace({ ...base, cycles: [cycle({ status: 'draft' })] })
    const after = workspace(base)
    expect(changesBetween(before, after, day(1), day(2)).cycles.map((c) => [c.from, c.to])).toEqual([['draft', 'published']])
  })

  it('[O3] reports a KR scored in between (the lead score over the self score), with nothing else moving', () => {
    const before = workspace({ ...base, scores: [score('k2', 0.5, null)] })
    const after = workspace({ ...base, scores: [score('k1', 0.6, null), score('k2', 0.5, 0.7)] })
    const changes = changesBetween(before, after, day(11), day(11))
    expect(changes.keyResults.map((k) => [k.id, k.scoreBefore, k.scoreAfter, k.progressBefore === k.progressAfter])).toEqual([
      ['k1', null, 0.6, true],
      ['k2', 0.5, 0.7, true],
    ])
    // A score is not a move: the banner's count stays with progress.
    expect(changes.summary.keyResultsMoved).toBe(0)
  })
})
