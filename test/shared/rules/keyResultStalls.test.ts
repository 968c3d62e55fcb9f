import { describe, expect, it } from 'vitest'
import type { KeyResult, Task } from '../../../shared/model/index.ts'
import {
  DEFAULT_STALL_SETTINGS,
  confidenceDropWarning,
  flatTrendWarning,
  keyResultFacts,
  lowConfidenceWarning,
  noCheckInWarning,
  paceWarning,
  stallWarnings,
} from '../../../shared/rules/index.ts'
import type { StallWarning } from '../../../shared/rules/index.ts'
import {
  checkIns,
  columnId,
  cycle,
  day,
  keyResult,
  krId,
  objective,
  task,
  taskId,
  workspace,
} from './fixtures.ts'

type Rows = ReadonlyArray<readonly [number, number, number?]>

/** One KR under one active objective in the default published cycle. */
function oneKr(kr: KeyResult = keyResult(), rows: Rows = [], tasks: readonly Task[] = []) {
  return workspace({ objectives: [objective()], keyResults: [kr], checkIns: checkIns(kr.id, rows), tasks })
}

/** The warnings of one rule for the whole snapshot at `now`. */
function warnings(snap: ReturnType<typeof workspace>, now: number, ruleId: string): readonly StallWarning[] {
  return stallWarnings(snap, now).filter((w) => w.ruleId === ruleId)
}

const linked = (id: string, column: string, movedAt = day(0)) =>
  task({ id: taskId(id), movedAt, placement: { columnId: columnId(column), keyResultId: krId('k1') } })

describe('S1 no check-in', () => {
  it('[S1] a complete KR or one measured by its cards needs no check-ins', () => {
    expect(warnings(oneKr(keyResult(), [[10, 100]]), day(60), 'S1')).toEqual([])
    const taskDriven = keyResult({ kind: 'task-driven', start: null, target: null })
    expect(warnings(oneKr(taskDriven, [], [linked('t1', 'todo')]), day(60), 'S1')).toEqual([])
    expect(warnings(oneKr(taskDriven, [], []), day(60), 'S1')).toHaveLength(1)
  })

  it('[S1] a KR with no check-in for 7 days is stalled', () => {
    const snap = oneKr(keyResult(), [[10, 50]])
    expect(warnings(snap, day(17), 'S1')).toEqual([
      {
        ruleId: 'S1',
        severity: 'warning',
        target: { kind: 'keyResult', id: 'k1' },
        keyResultId: 'k1',
        reason: 'no check-in for 7 days',
      },
    ])
    expect(warnings(snap, day(16.99), 'S1')).toEqual([])
  })

  it('[S1] a KR that never had a check-in is silent since the cycle started', () => {
    const snap = oneKr()
    expect(warnings(snap, day(6.99), 'S1')).toEqual([])
    expect(warnings(snap, day(7.5), 'S1')[0]?.reason).toBe('no check-in in the 7 days since the cycle started')
  })

  it('[S1] a KR created after the cycle start counts from its creation', () => {
    const snap = oneKr(keyResult({ createdAt: day(20) }))
    expect(warnings(snap, day(26), 'S1')).toEqual([])
    expect(warnings(snap, day(27), 'S1')[0]?.reason).toBe('no check-in in the 7 days since it was added')
  })

  it('[S1] silence of twice the limit is critical', () => {
    const snap = oneKr(keyResult(), [[10, 50]])
    expect(warnings(snap, day(23.9), 'S1')[0]?.severity).toBe('warning')
    expect(warnings(snap, day(24), 'S1')[0]).toMatchObject({ severity: 'critical', reason: 'no check-in for 14 days' })
  })

  it('[S1] nothing is silent before the cycle starts', () => {
    const later = cycle({ startDate: '2025-02-01', endDate: '2025-04-30' })
    const snap = workspace({ cycles: [later], objectives: [objective()], keyResults: [keyResult()] })
    expect(warnings(snap, day(30), 'S1')).toEqual([])
    expect(warnings(snap, day(38), 'S1')[0]?.reason).toBe('no check-in in the 7 days since the cycle started')
  })

  it('[S1] the per-rule function honours custom and disabled settings', () => {
    const snap = oneKr(keyResult(), [[10, 50]])
    const facts = keyResultFacts(snap, keyResult(), cycle())
    const tuned = { ...DEFAULT_STALL_SETTINGS, checkInDays: 3 }
    expect(noCheckInWarning(facts, day(13), tuned)?.reason).toBe('no check-in for 3 days')
    expect(noCheckInWarning(facts, day(80), { ...tuned, checkInDays: 0 })).toBeNull()
    expect(noCheckInWarning(facts, day(80), { ...tuned, checkInDays: -2 })).toBeNull()
  })
})

describe('S2 pace', () => {
  const recent: Rows = [[44, 30]]

  it('[S2] below 75% of the expected pace is at risk', () => {
    expect(warnings(oneKr(keyResult(), recent), day(45), 'S2')).toEqual([
      {
        ruleId: 'S2',
        severity: 'critical',
        target: { kind: 'keyResult', id: 'k1' },
        keyResultId: 'k1',
        reason: '30% done at 50% of the cycle (at risk)',
      },
    ])
  })

  it('[S2] the reason rounds to whole percentages', () => {
    const snap = oneKr(keyResult(), [[62, 38]])
    expect(warnings(snap, day(63), 'S2')[0]?.reason).toBe('38% done at 70% of the cycle (at risk)')
  })

  it('[S2] exactly 75% of the pace is behind, not at risk', () => {
    const snap = oneKr(keyResult(), [[44, 37.5]])
    expect(warnings(snap, day(45), 'S2')[0]).toMatchObject({
      severity: 'warning',
      reason: '38% done at 50% of the cycle (behind)',
    })
  })

  it('[S2] exactly 95% of the pace is not flagged', () => {
    expect(warnings(oneKr(keyResult(), [[44, 47.5]]), day(45), 'S2')).toEqual([])
    expect(warnings(oneKr(keyResult(), [[44, 47.4]]), day(45), 'S2')).toHaveLength(1)
  })

  it('[S2] before the cycle starts nothing is expected', () => {
    expect(warnings(oneKr(), day(-1), 'S2')).toEqual([])
    expect(warnings(oneKr(), day(0), 'S2')).toEqual([])
  })

  it('[S2] the first tenth of the cycle is too early to judge pace', () => {
    expect(warnings(oneKr(), day(5), 'S2')).toEqual([])
    expect(warnings(oneKr(keyResult({ createdAt: day(30) }), [[31, 0]]), day(35), 'S2')).toEqual([])
  })

  it('[S2] a KR with no check-in is not on track', () => {
    expect(warnings(oneKr(), day(9), 'S2')[0]?.reason).toBe('0% done at 10% of the cycle (at risk)')
  })

  it('[S2] a KR at or past its target is never behind', () => {
    expect(warnings(oneKr(keyResult(), [[1, 140]]), day(89), 'S2')).toEqual([])
  })

  it('[S2] a KR created mid-cycle is paced from its creation', () => {
    const snap = oneKr(keyResult({ createdAt: day(30) }), [[59, 40]])
    expect(warnings(snap, day(60), 'S2')[0]).toMatchObject({
      severity: 'warning',
      reason: '40% done at 50% of its time since it was added (behind)',
    })
  })

  it('[S2] a task-driven KR is paced by its share of tasks done', () => {
    const kr = keyResult({ kind: 'task-driven', start: null, target: null })
    const tasks = [linked('t1', 'done'), linked('t2', 'todo'), linked('t3', 'todo'), linked('t4', 'doing')]
    expect(warnings(oneKr(kr, [], tasks), day(45), 'S2')[0]?.reason).toBe('25% done at 50% of the cycle (at risk)')
  })

  it('[S2] binary milestones without tasks and unmeasurable KRs are not paced', () => {
    const milestone = keyResult({ kind: 'milestone', start: null, target: null, dueDate: '2025-03-01' })
    expect(warnings(oneKr(milestone, [[44, 0]]), day(80), 'S2')).toEqual([])
    expect(warnings(oneKr(keyResult({ target: null }), [[44, 10]]), day(80), 'S2')).toEqual([])
  })

  it('[S2] a zero-length cycle expects everything from its start', () => {
    const inverted = cycle({ startDate: '2025-01-02', endDate: '2025-01-01' })
    const snap = workspace({
      cycles: [inverted],
      objectives: [objective()],
      keyResults: [keyResult()],
      checkIns: checkIns('k1', [[0.9, 60]]),
    })
    expect(warnings(snap, day(0.95), 'S2')).toEqual([])
    expect(warnings(snap, day(1), 'S2')[0]?.reason).toBe('60% done at 100% of the cycle (at risk)')
  })

  it('[S2] the thresholds come from the workspace settings', () => {
    const snap = oneKr(keyResult(), recent)
    const facts = keyResultFacts(snap, keyResult(), cycle())
    const lenient = { ...DEFAULT_STALL_SETTINGS, paceAtRisk: 0.5, paceBehind: 0.7 }
    expect(paceWarning(facts, day(45), lenient)?.severity).toBe('warning')
    expect(paceWarning(facts, day(45), { ...lenient, paceBehind: 0.55 })).toBeNull()
  })
})

describe('S3 and S4 confidence', () => {
  it('[S3] a latest confidence of 3 or lower is flagged', () => {
    const facts = keyResultFacts(oneKr(keyResult(), [[1, 10, 8], [5, 20, 3]]), keyResult(), cycle())
    expect(lowConfidenceWarning(facts)).toMatchObject({
      ruleId: 'S3',
      severity: 'warning',
      reason: 'confidence 3 of 10 in the latest check-in',
    })
  })

  it('[S3] only the latest check-in counts', () => {
    const snap = oneKr(keyResult(), [[1, 10, 1], [5, 20, 4]])
    expect(lowConfidenceWarning(keyResultFacts(snap, keyResult(), cycle()))).toBeNull()
    expect(lowConfidenceWarning(keyResultFacts(oneKr(), keyResult(), cycle()))).toBeNull()
  })

  it('[S4] confidence dropping by 3 or more is flagged', () => {
    const snap = oneKr(keyResult(), [[1, 10, 7], [5, 20, 4]])
    expect(warnings(snap, day(6), 'S4')).toEqual([
      {
        ruleId: 'S4',
        severity: 'warning',
        target: { kind: 'keyResult', id: 'k1' },
        keyResultId: 'k1',
        reason: 'confidence dropped from 7 to 4',
      },
    ])
  })

  it('[S4] a drop of 2, or a drop before the latest pair, is not flagged', () => {
    const small = keyResultFacts(oneKr(keyResult(), [[1, 10, 7], [5, 20, 5]]), keyResult(), cycle())
    const recovered = keyResultFacts(oneKr(keyResult(), [[1, 10, 9], [3, 12, 4], [5, 20, 6]]), keyResult(), cycle())
    const single = keyResultFacts(oneKr(keyResult(), [[1, 10, 1]]), keyResult(), cycle())
    expect(confidenceDropWarning(small)).toBeNull()
    expect(confidenceDropWarning(recovered)).toBeNull()
    expect(confidenceDropWarning(single)).toBeNull()
  })
})

describe('S5 trend', () => {
  const trend = (kr: KeyResult, rows: Rows) => flatTrendWarning(keyResultFacts(oneKr(kr, rows), kr, cycle()))

  it('[S5] a flat trend short of the target is flagged', () => {
    expect(trend(keyResult(), [[10, 40], [20, 40], [30, 40]])).toMatchObject({
      ruleId: 'S5',
      severity: 'warning',
      reason: 'flat or falling over the last 3 check-ins: on this trend 40% by the cycle end',
    })
  })

  it('[S5] a falling trend is extrapolated to the cycle end', () => {
    // -5 every 10 days from 40 at day 30: 10 by day 90.
    expect(trend(keyResult(), [[10, 50], [20, 45], [30, 40]])?.reason).toBe(
      'flat or falling over the last 3 check-ins: on this trend 10% by the cycle end',
    )
    expect(trend(keyResult(), [[10, 50], [20, 30], [30, 10]])?.reason).toMatch(/on this trend 0% by/)
  })

  it('[S5] a rising trend is not flagged, and only the last 3 check-ins count', () => {
    expect(trend(keyResult(), [[10, 30], [20, 40], [30, 50]])).toBeNull()
    expect(trend(keyResult(), [[5, 80], [10, 20], [20, 30], [30, 40], [40, 50]])).toBeNull()
  })

  it('[S5] fewer than 3 check-ins make no trend', () => {
    expect(trend(keyResult(), [[10, 40], [20, 40]])).toBeNull()
  })

  it('[S5] past the target, a falling trend is flagged only if it ends below the target', () => {
    expect(trend(keyResult(), [[10, 250], [20, 240], [30, 230]])).toBeNull()
    expect(trend(keyResult(), [[10, 130], [20, 120], [30, 110]])?.reason).toMatch(/on this trend 50% by/)
    expect(trend(keyResult(), [[10, 100], [20, 100], [30, 100]])).toBeNull()
  })

  it('[S5] for a decrease, rising values are a falling trend', () => {
    const kr = keyResult({ kind: 'decrease', start: 10, target: 2 })
    expect(trend(kr, [[10, 6], [20, 6.5], [30, 7]])).not.toBeNull()
    expect(trend(kr, [[10, 7], [20, 6.5], [30, 6]])).toBeNull()
  })

  it('[S5] a range KR inside its band, a milestone and simultaneous check-ins', () => {
    const range = keyResult({ kind: 'range', start: null, target: null, rangeLow: 60, rangeHigh: 90 })
    expect(trend(range, [[10, 70], [20, 70], [30, 70]])).toBeNull()
    expect(trend(range, [[10, 40], [20, 40], [30, 40]])).not.toBeNull()
    const milestone = keyResult({ kind: 'milestone', start: null, target: null, dueDate: '2025-03-01' })
    expect(trend(milestone, [[10, 0], [20, 0], [30, 0]])).toBeNull()
    expect(trend(keyResult(), [[10, 20], [10, 40], [10, 30]])?.reason).toMatch(/on this trend 30% by/)
  })

  it('[S5] negative values trend like any other', () => {
    const kr = keyResult({ start: -50, target: -10 })
    expect(trend(kr, [[10, -30], [20, -30], [30, -30]])?.reason).toMatch(/on this trend 50% by/)
  })
})

describe('S9 idle key result', () => {
  it('[S9] a KR whose open tasks all sat still for 10 days is flagged', () => {
    const tasks = [linked('t1', 'todo'), linked('t2', 'doing', day(1)), linked('t3', 'done', day(9))]
    const snap = oneKr(keyResult(), [[9, 50]], tasks)
    expect(warnings(snap, day(11), 'S9')).toEqual([
      {
        ruleId: 'S9',
        severity: 'warning',
        target: { kind: 'keyResult', id: 'k1' },
        keyResultId: 'k1',
        reason: 'none of its 2 open tasks moved in 10 days',
      },
    ])
    expect(warnings(snap, day(10.99), 'S9')).toEqual([])
  })

  it('[S9] one recent move keeps the KR alive', () => {
    const snap = oneKr(keyResult(), [], [linked('t1', 'todo'), linked('t2', 'doing', day(8))])
    expect(warnings(snap, day(12), 'S9')).toEqual([])
  })

  it('[S9] a KR with no open tasks is not idle', () => {
    expect(warnings(oneKr(keyResult(), [], [linked('t1', 'done')]), day(40), 'S9')).toEqual([])
    expect(warnings(oneKr(), day(40), 'S9')).toEqual([])
  })

  it('[S9] a single open task reads naturally', () => {
    const snap = oneKr(keyResult(), [], [linked('t1', 'blocked')])
    expect(warnings(snap, day(12), 'S9')[0]?.reason).toBe('its only open task has not moved in 12 days')
  })
})
