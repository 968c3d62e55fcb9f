import { describe, expect, it } from 'vitest'
import type { CheckInId } from '../../../shared/model/index.ts'
import {
  checkInsOf,
  keyResultProgress,
  valueProgress,
} from '../../../shared/rules/index.ts'
import type { KeyResult } from '../../../shared/model/index.ts'
import { checkIns, columnId, day, keyResult, krId, task, taskId, workspace } from './fixtures.ts'

/** Progress of a single KR given its latest value (and optionally tasks). */
function progressAt(kr: KeyResult, value: number | null) {
  const ins = value === null ? [] : checkIns(kr.id, [[1, value]])
  return keyResultProgress(workspace({ keyResults: [kr], checkIns: ins }), kr)
}

describe('current value', () => {
  it('[P1] the current value is the latest check-in by time, not by insertion order', () => {
    const kr = keyResult()
    const ins = checkIns('k1', [
      [10, 70],
      [2, 20],
      [5, 40],
    ])
    const snap = workspace({ keyResults: [kr], checkIns: ins })
    expect(checkInsOf(snap, kr.id).map((c) => c.value)).toEqual([20, 40, 70])
    expect(keyResultProgress(snap, kr).current).toBe(70)
  })

  it('[P1] check-ins at the same instant are ordered by id, the greater id is latest', () => {
    const kr = keyResult()
    const same = day(3)
    const ins = [
      { ...checkIns('k1', [[3, 55]])[0]!, id: 'b' as CheckInId, at: same },
      { ...checkIns('k1', [[3, 45]])[0]!, id: 'a' as CheckInId, at: same },
    ]
    const snap = workspace({ keyResults: [kr], checkIns: ins })
    expect(checkInsOf(snap, kr.id).map((c) => c.id)).toEqual(['a', 'b'])
    expect(keyResultProgress(snap, kr).current).toBe(55)
  })

  it('[P1] no check-in: current and raw are null and progress is 0', () => {
    expect(progressAt(keyResult(), null)).toMatchObject({
      current: null,
      raw: null,
      progress: 0,
      basis: 'value',
    })
  })

  it('[P1] check-ins of other key results are ignored', () => {
    const kr = keyResult()
    const snap = workspace({ keyResults: [kr], checkIns: checkIns('k2', [[1, 90]]) })
    expect(checkInsOf(snap, kr.id)).toEqual([])
    expect(keyResultProgress(snap, kr).current).toBeNull()
  })
})

describe('increase and count', () => {
  it('[P2] increase is (value - start) / (target - start)', () => {
    const kr = keyResult({ start: 20, target: 120 })
    expect(progressAt(kr, 45)).toMatchObject({ progress: 0.25, raw: 0.25, current: 45 })
  })

  it('[P2] values past the target clamp to 1 but keep the raw ratio', () => {
    expect(progressAt(keyResult({ start: 0, target: 100 }), 150)).toMatchObject({ progress: 1, raw: 1.5 })
  })

  it('[P2] values behind the start clamp to 0 with a negative raw ratio', () => {
    expect(progressAt(keyResult({ start: 10, target: 20 }), 5)).toMatchObject({ progress: 0, raw: -0.5 })
  })

  it('[P2] negative numbers need no special case', () => {
    // A loss of -50 shrinking toward -10: half-way at -30.
    expect(progressAt(keyResult({ start: -50, target: -10 }), -30)).toMatchObject({ progress: 0.5, raw: 0.5 })
  })

  it('[P2] target equal to start: 1 once the value is at or above it, else 0', () => {
    const kr = keyResult({ start: 40, target: 40 })
    expect(progressAt(kr, 40).progress).toBe(1)
    expect(progressAt(kr, 41).progress).toBe(1)
    expect(progressAt(kr, 39)).toMatchObject({ progress: 0, raw: 0 })
  })

  it('[P2] an increase without start or target cannot be measured', () => {
    expect(progressAt(keyResult({ start: null }), 50)).toMatchObject({
      progress: 0,
      raw: null,
      basis: 'none',
      current: 50,
    })
    expect(progressAt(keyResult({ target: null }), 50)).toMatchObject({ progress: 0, raw: null, basis: 'none' })
  })

  it('[P2] a count without a start counts from 0', () => {
    const kr = keyResult({ kind: 'count', start: null, target: 10 })
    expect(progressAt(kr, 4)).toMatchObject({ progress: 0.4, raw: 0.4, basis: 'value' })
  })

  it('[P2] a count without a target cannot be measured', () => {
    expect(progressAt(keyResult({ kind: 'count', start: null, target: null }), 4).basis).toBe('none')
  })

  it('[P2] a target below the start is a target to move down to', () => {
    expect(progressAt(keyResult({ start: 10, target: 5 }), 7).raw).toBeCloseTo(0.6, 12)
  })
})

describe('decrease', () => {
  it('[P3] decrease is (start - value) / (start - target)', () => {
    const kr = keyResult({ kind: 'decrease', start: 8, target: 4 })
    expect(progressAt(kr, 7)).toMatchObject({ progress: 0.25, raw: 0.25 })
  })

  it('[P3] going below the target clamps to 1, going above the start clamps to 0', () => {
    const kr = keyResult({ kind: 'decrease', start: 8, target: 4 })
    expect(progressAt(kr, 2)).toMatchObject({ progress: 1, raw: 1.5 })
    expect(progressAt(kr, 10)).toMatchObject({ progress: 0, raw: -0.5 })
  })

  it('[P3] target equal to start: 1 once the value is at or below it, else 0', () => {
    const kr = keyResult({ kind: 'decrease', start: 5, target: 5 })
    expect(progressAt(kr, 5).progress).toBe(1)
    expect(progressAt(kr, 3).progress).toBe(1)
    expect(progressAt(kr, 6).progress).toBe(0)
  })

  it('[P3] a decrease without a start cannot be measured', () => {
    expect(progressAt(keyResult({ kind: 'decrease', start: null, target: 2 }), 1).basis).toBe('none')
  })
})

describe('range', () => {
  const range = keyResult({ kind: 'range', start: null, target: null, rangeLow: 60, rangeHigh: 90 })

  it('[P4] inside the band, bounds included, progress is 1', () => {
    expect(progressAt(range, 60).progress).toBe(1)
    expect(progressAt(range, 75).progress).toBe(1)
    expect(progressAt(range, 90).progress).toBe(1)
  })

  it('[P4] outside the band progress falls linearly over one band width', () => {
    expect(progressAt(range, 45)).toMatchObject({ progress: 0.5, raw: 0.5 })
    expect(progressAt(range, 105)).toMatchObject({ progress: 0.5, raw: 0.5 })
    expect(progressAt(range, 30).progress).toBe(0)
    expect(progressAt(range, 0)).toMatchObject({ progress: 0, raw: -1 })
  })

  it('[P4] swapped bounds are read as the same band', () => {
    const swapped = { ...range, rangeLow: 90, rangeHigh: 60 }
    expect(progressAt(swapped, 75).progress).toBe(1)
    expect(progressAt(swapped, 45).progress).toBe(0.5)
  })

  it('[P4] a zero-width band is a point target', () => {
    const point = { ...range, rangeLow: 7, rangeHigh: 7 }
    expect(progressAt(point, 7).progress).toBe(1)
    expect(progressAt(point, 7.01)).toMatchObject({ progress: 0, raw: 0 })
  })

  it('[P4] a range missing an end cannot be measured', () => {
    expect(progressAt({ ...range, rangeHigh: null }, 70).basis).toBe('none')
  })

  it('[P4] a range with no check-in has no progress', () => {
    expect(progressAt(range, null)).toMatchObject({ progress: 0, raw: null })
  })
})

describe('milestone and baseline', () => {
  const milestone = keyResult({ kind: 'milestone', start: null, target: null, dueDate: '2025-03-01' })
  const linked = (id: string, column: string) =>
    task({ id: taskId(id), placement: { columnId: columnId(column), keyResultId: krId('k1') } })

  it('[P5] a check-in value of 1 or more means achieved', () => {
    expect(progressAt(milestone, 1)).toMatchObject({ progress: 1, raw: 1, basis: 'binary' })
    expect(progressAt({ ...milestone, kind: 'baseline' }, 2).progress).toBe(1)
  })

  it('[P5] not achieved and no tasks: progress 0 (raw null without a check-in)', () => {
    expect(progressAt(milestone, 0.9)).toMatchObject({ progress: 0, raw: 0, basis: 'binary' })
    expect(progressAt(milestone, null)).toMatchObject({ progress: 0, raw: null, basis: 'binary' })
  })

  it('[P5] not achieved but with tasks: the share of its tasks done', () => {
    const snap = workspace({
      keyResults: [milestone],
      tasks: [linked('t1', 'done'), linked('t2', 'doing'), linked('t3', 'todo'), linked('t4', 'done')],
      checkIns: checkIns('k1', [[1, 0]]),
    })
    expect(keyResultProgress(snap, milestone)).toMatchObject({
      progress: 0.5,
      basis: 'tasks',
      tasksDone: 2,
      tasksTotal: 4,
    })
  })

  it('[P5] an achieved check-in wins over unfinished tasks', () => {
    const snap = workspace({
      keyResults: [milestone],
      tasks: [linked('t1', 'todo')],
      checkIns: checkIns('k1', [[1, 1]]),
    })
    expect(keyResultProgress(snap, milestone).progress).toBe(1)
  })
})

describe('task-driven', () => {
  const driven = keyResult({ kind: 'task-driven', start: null, target: null })
  const linked = (id: string, column: string, kr = 'k1') =>
    task({ id: taskId(id), placement: { columnId: columnId(column), keyResultId: krId(kr) } })

  it('[P6] progress is the share of its tasks in a done column', () => {
    const snap = workspace({
      keyResults: [driven],
      tasks: [linked('t1', 'done'), linked('t2', 'doing'), linked('t3', 'blocked'), linked('t4', 'done', 'k2')],
    })
    const result = keyResultProgress(snap, driven)
    expect(result.progress).toBeCloseTo(1 / 3, 12)
    expect(result).toMatchObject({ basis: 'tasks', tasksDone: 1, tasksTotal: 3 })
  })

  it('[P6] no tasks: progress 0, nothing measured', () => {
    expect(keyResultProgress(workspace({ keyResults: [driven] }), driven)).toMatchObject({
      progress: 0,
      raw: null,
      basis: 'none',
      tasksTotal: 0,
    })
  })

  it('[P6] a task in an unknown column counts as not done', () => {
    const snap = workspace({ keyResults: [driven], tasks: [linked('t1', 'done'), linked('t2', 'gone')] })
    expect(keyResultProgress(snap, driven).progress).toBe(0.5)
  })

  it('[P6] check-in values do not move a task-driven KR', () => {
    const snap = workspace({ keyResults: [driven], tasks: [linked('t1', 'todo')], checkIns: checkIns('k1', [[1, 1]]) })
    expect(keyResultProgress(snap, driven)).toMatchObject({ progress: 0, current: 1 })
  })

  it('[P6] valueProgress has nothing to say about task-driven KRs', () => {
    expect(valueProgress(driven, 1)).toBeNull()
    expect(valueProgress(keyResult(), 30)).toBe(0.3)
  })
})
