import { describe, expect, it } from 'vitest'
import type { KeyResult, Objective } from '../../../shared/model/index.ts'
import {
  DAY_MS,
  checkInSlots,
  cycleWindow,
  forecast,
  insightScope,
  insights,
  paceStatus,
} from '../../../shared/rules/index.ts'
import type { Insights } from '../../../shared/rules/index.ts'
import {
  DEFAULT_COLUMNS,
  T0,
  checkIns,
  columnId,
  cycle,
  cycleId,
  day,
  keyResult,
  krId,
  objective,
  objectiveId,
  personId,
  score,
  task,
  taskId,
  teamId,
  workspace,
} from './fixtures.ts'

type Rows = ReadonlyArray<readonly [number, number, number?]>
const C1 = cycleId('c1')
const window = cycleWindow(cycle())!
const settings = { checkInDays: 7, paceAtRisk: 0.75, paceBehind: 0.95, staleTaskDays: 5, idleKeyResultDays: 10 }

/** Insights of a workspace with the given objectives, KRs and check-in rows per KR. */
function run(parts: { objectives?: Objective[]; keyResults?: KeyResult[]; rows?: Record<string, Rows>; now?: number; scores?: ReturnType<typeof score>[]; tasks?: ReturnType<typeof task>[] }, filters = {}): Insights {
  const krs = parts.keyResults ?? [keyResult()]
  const snap = workspace({
    objectives: parts.objectives ?? [objective()],
    keyResults: krs,
    checkIns: Object.entries(parts.rows ?? {}).flatMap(([id, rows]) => checkIns(id, rows)),
    scores: parts.scores ?? [],
    tasks: parts.tasks ?? [],
    teams: [{ id: teamId('t1'), name: 'Platform' }],
    people: [{ id: personId('ana'), name: 'Ana', teamId: teamId('t1') }],
  })
  return insights(snap, C1, parts.now ?? day(45), filters)!
}

describe('I1 progress against the pace', () => {
  it('[I1] pace statuses follow S2 thresholds, with done and early', () => {
    expect(paceStatus(1, 0.5, settings)).toBe('done')
    expect(paceStatus(0, 0.05, settings)).toBe('early')
    expect(paceStatus(0.3, 0.5, settings)).toBe('atRisk')
    expect(paceStatus(0.375, 0.5, settings)).toBe('behind')
    expect(paceStatus(0.475, 0.5, settings)).toBe('onPace')
  })

  it('[I1] an objective shows its weighted progress against the elapsed share, and the cycle the mean of objectives', () => {
    const o2 = objective({ id: objectiveId('o2'), createdAt: T0 })
    const result = run({
      objectives: [objective(), o2],
      keyResults: [keyResult({ weight: 75 }), keyResult({ id: krId('k2'), weight: 25 }), keyResult({ id: krId('k3'), objectiveId: o2.id })],
      rows: { k1: [[10, 40]], k2: [[10, 80]], k3: [[10, 10]] },
    })
    const [first, second] = result.progress.objectives
    expect(first?.progress).toBeCloseTo(0.75 * 0.4 + 0.25 * 0.8)
    expect(first?.expected).toBeCloseTo(0.5)
    expect(first?.status).toBe('onPace')
    expect(second?.status).toBe('atRisk')
    expect(result.progress.progress).toBeCloseTo((0.5 + 0.1) / 2)
    expect(first?.keyResults.map((k) => k.status)).toEqual(['behind', 'onPace'])
  })

  it('[I1] a milestone not yet done is not paced; an objective without KRs is left out of the mean', () => {
    const empty = objective({ id: objectiveId('o2') })
    const result = run({ objectives: [objective(), empty], keyResults: [keyResult({ kind: 'milestone', start: null, target: null, dueDate: '2025-02-01' })] })
    expect(result.progress.objectives[0]?.keyResults[0]?.status).toBe('notPaced')
    expect(result.progress.objectives.map((o) => o.status)).toEqual(['atRisk', 'notPaced'])
    expect(result.progress.progress).toBe(0)
  })
})

describe('I2 burn-up', () => {
  it('[I2] an increase KR plots its values against the line from start to target', () => {
    const result = run({ keyResults: [keyResult({ start: 10, target: 50 })], rows: { k1: [[7, 12], [14, 20]] } })
    const burnUp = result.burnUps.keyResults[0]!
    expect(burnUp.unit).toBe('value')
    expect(burnUp.actual).toEqual([{ at: day(7), value: 12 }, { at: day(14), value: 20 }])
    expect(burnUp.expected).toEqual({ kind: 'line', points: [{ at: T0, value: 10 }, { at: window.end, value: 50 }] })
  })

  it('[I2] a range KR has the band; a milestone the due-date step; a KR added late starts its line then', () => {
    const range = keyResult({ kind: 'range', start: null, target: null, rangeLow: 30, rangeHigh: 20 })
    expect(run({ keyResults: [range] }).burnUps.keyResults[0]?.expected).toEqual({ kind: 'band', low: 20, high: 30, from: T0, to: window.end })
    const milestone = keyResult({ kind: 'milestone', start: null, target: null, dueDate: '2025-02-01' })
    const due = Date.UTC(2025, 1, 2)
    expect(run({ keyResults: [milestone], rows: { k1: [[40, 1]] } }).burnUps.keyResults[0]).toEqual({
      keyResultId: 'k1',
      unit: 'progress',
      actual: [{ at: T0, value: 0 }, { at: day(40), value: 1 }, { at: day(45), value: 1 }],
      expected: { kind: 'steps', points: [{ at: T0, value: 0 }, { at: due, value: 0 }, { at: due, value: 1 }, { at: window.end, value: 1 }] },
    })
    const late = keyResult({ createdAt: day(30) })
    expect(run({ keyResults: [late] }).burnUps.keyResults[0]?.expected).toEqual({ kind: 'line', points: [{ at: day(30), value: 0 }, { at: window.end, value: 100 }] })
  })

  it('[I2] a task-driven KR counts cards done by when they reached done; the objective samples weekly', () => {
    const kr = keyResult({ kind: 'task-driven', start: null, target: null })
    const tasks = [
      task({ id: taskId('a'), movedAt: day(3), placement: { columnId: columnId('done'), keyResultId: krId('k1') } }),
      task({ id: taskId('b'), movedAt: day(10), placement: { columnId: columnId('done'), keyResultId: krId('k1') } }),
      task({ id: taskId('c'), movedAt: day(1), placement: { columnId: columnId('doing'), keyResultId: krId('k1') } }),
      task({ id: taskId('d'), movedAt: day(2), placement: { columnId: columnId('todo'), keyResultId: krId('k1') } }),
    ]
    const result = run({ keyResults: [kr], tasks, now: day(15) })
    expect(result.burnUps.keyResults[0]?.actual).toEqual([{ at: T0, value: 0 }, { at: day(3), value: 0.25 }, { at: day(10), value: 0.5 }, { at: day(15), value: 0.5 }])
    expect(result.burnUps.objectives[0]?.actual).toEqual([{ at: T0, value: 0 }, { at: day(7), value: 0.25 }, { at: day(14), value: 0.5 }, { at: day(15), value: 0.5 }])
    expect(result.burnUps.objectives[0]?.expected).toEqual([{ at: T0, value: 0 }, { at: window.end, value: 1 }])
    expect(DEFAULT_COLUMNS).toHaveLength(4)
  })
})

describe('I3 forecast', () => {
  const kr = keyResult({ start: 0, target: 100 })
  it('[I3] no forecast from fewer than 3 check-ins or for a KR done or not, and it says why', () => {
    expect(forecast(kr, cycle(), checkIns('k1', [[10, 10], [20, 20]]))).toEqual({ status: 'tooFew', points: 2, text: 'no forecast: 2 check-ins, at least 3 needed' })
    expect(forecast(kr, cycle(), []).text).toBe('no forecast: 0 check-ins, at least 3 needed')
    const milestone = keyResult({ kind: 'milestone', start: null, target: null })
    expect(forecast(milestone, cycle(), checkIns('k1', [[1, 0], [2, 0], [3, 0]]))).toEqual({ status: 'notMeasured', points: 0, text: 'no forecast: a milestone is done or not' })
    expect(forecast(keyResult({ target: null }), cycle(), checkIns('k1', [[1, 0], [2, 0], [3, 0]])).text).toBe('no forecast: it has no target to aim at')
  })

  it('[I3] a least-squares line over the check-ins, extended to the cycle end, in words', () => {
    // 0.5 a day from day 0: 45 at day 90 (the exclusive end of Mar 31).
    const result = forecast(kr, cycle(), checkIns('k1', [[10, 5], [20, 10], [30, 15]]))
    expect(result.status).toBe('forecast')
    if (result.status !== 'forecast') return
    expect(result.points).toBe(3)
    expect(result.slopePerDay).toBeCloseTo(0.5)
    expect(result.value).toBeCloseTo(45)
    expect(result.progress).toBeCloseTo(0.45)
    expect(result.line[0]).toEqual({ at: day(10), value: 5 })
    expect(result.line[1].at).toBe(window.end)
    expect(result.text).toBe('on this pace: 45% by Mar 31 (line over the last 3 check-ins)')
  })

  it('[I3] only the last 6 check-ins make the line; past the target it reads 100%; a new check-in moves it', () => {
    const rows: Rows = [[1, 90], [2, 0], [10, 10], [20, 20], [30, 30], [40, 40], [50, 50], [60, 60]]
    const result = forecast(kr, cycle(), checkIns('k1', rows))
    expect(result.status === 'forecast' && result.points).toBe(6)
    expect(result.status === 'forecast' && result.value).toBeCloseTo(90)
    const more = forecast(kr, cycle(), checkIns('k1', [...rows, [70, 95]]))
    expect(more.status === 'forecast' && more.value).toBeGreaterThan(100)
    expect(more.status === 'forecast' && more.progress).toBe(1)
    expect(more.text).toMatch(/^on this pace: 100% by Mar 31/)
    const decrease = forecast(keyResult({ kind: 'decrease', start: 10, target: 0 }), cycle(), checkIns('k1', [[0, 10], [45, 8], [45, 6]]))
    expect(decrease.status === 'forecast' && decrease.progress).toBeCloseTo(0.6)
  })
})

describe('I4 check-in discipline', () => {
  const kr = keyResult()
  const statuses = (rows: Rows, now: number, k: KeyResult = kr) => checkInSlots(k, window, checkIns('k1', rows), now).map((s) => s.status)

  it('[I4] each week is on time, late within 3 days, missed, or not yet due', () => {
    // Weeks end at days 7, 14, 21, 28. Day 6: on time. Week 2: none, day 16 within 3 days: late.
    // Week 3 (14-21): day 16 counted already: missed. Week 4 (21-28), now day 29: its grace runs.
    expect(statuses([[6, 1], [16, 2]], day(29)).slice(0, 5)).toEqual(['onTime', 'late', 'missed', 'notYetDue', 'notYetDue'])
    expect(statuses([[6, 1], [16, 2]], day(31)).slice(0, 4)).toEqual(['onTime', 'late', 'missed', 'missed'])
    expect(statuses([], day(16.9)).slice(0, 2)).toEqual(['missed', 'notYetDue'])
    expect(statuses([], day(17)).slice(0, 2)).toEqual(['missed', 'missed'])
  })

  it('[I4] a check-in at the very end of its week is late and fills no other week; 3 days after is too late', () => {
    expect(statuses([[7, 1]], day(20)).slice(0, 2)).toEqual(['late', 'missed'])
    expect(statuses([[10, 1]], day(20)).slice(0, 2)).toEqual(['missed', 'onTime'])
  })

  it('[I4] only whole weeks in the cycle, from when the KR was added; none asked once it is complete', () => {
    expect(statuses([], day(100))).toHaveLength(12)
    expect(statuses([], day(100), keyResult({ createdAt: day(50) }))).toHaveLength(5)
    expect(statuses([[3, 100]], day(100))).toEqual(['onTime'])
    expect(statuses([[3, 100], [9, 50]], day(100)).slice(0, 3)).toEqual(['onTime', 'missed', 'missed'])
  })

  it('[I4] task-driven KRs are left out; slots list the check-in that counted', () => {
    const result = run({ keyResults: [kr, keyResult({ id: krId('k2'), kind: 'task-driven', start: null, target: null })], rows: { k1: [[6.5, 1]] }, now: day(10) })
    expect(result.discipline.keyResults.map((k) => k.keyResultId)).toEqual(['k1'])
    expect(result.discipline.keyResults[0]?.slots[0]).toEqual({ due: day(7), status: 'onTime', checkInAt: day(6.5) })
  })
})

describe('I5 on-time share', () => {
  it('[I5] per team, per owner and in total, over decided weeks only', () => {
    const o = objective({ teamId: teamId('t1') })
    const result = run({
      objectives: [o],
      keyResults: [keyResult({ ownerId: personId('ana') }), keyResult({ id: krId('k2'), ownerId: null })],
      rows: { k1: [[6, 1], [13, 2], [22, 3]], k2: [[6, 1]] },
      now: day(22),
    })
    // k1: on time, on time, late (day 22), not yet due. k2: on time, missed, not yet due.
    expect(result.discipline.owners).toEqual([
      { id: 'ana', counts: expect.objectContaining({ onTime: 2, late: 1, missed: 0, onTimeShare: 2 / 3 }) },
      { id: null, counts: expect.objectContaining({ onTime: 1, missed: 1, onTimeShare: 0.5 }) },
    ])
    expect(result.discipline.teams).toEqual([{ id: 't1', counts: expect.objectContaining({ onTime: 3, late: 1, missed: 1, onTimeShare: 0.6 }) }])
    expect(run({ now: day(3) }).discipline.total.onTimeShare).toBeNull()
  })
})

describe('I6 confidence and pace', () => {
  it('[I6] trends and the distribution of latest confidences', () => {
    const result = run({
      keyResults: [keyResult(), keyResult({ id: krId('k2') }), keyResult({ id: krId('k3') }), keyResult({ id: krId('k4') })],
      rows: { k1: [[5, 10, 8], [10, 20, 3]], k2: [[5, 10, 5]], k3: [[5, 10, 7]] },
    })
    expect(result.confidence.distribution).toEqual({ low: 1, medium: 1, high: 1, none: 1 })
    expect(result.confidence.trends[0]).toMatchObject({ latest: 3, change: -5, points: [{ at: day(5), confidence: 8 }, { at: day(10), confidence: 3 }] })
  })

  it('[I6] confident but far behind, and worried but ahead, are the conversations to have', () => {
    const result = run({
      keyResults: [keyResult(), keyResult({ id: krId('k2') }), keyResult({ id: krId('k3') }), keyResult({ id: krId('k4') })],
      // At day 45 half the cycle is expected: k1 20% with 8/10; k2 60% with 2/10; k3 20% with 5/10; k4 50% with 3/10.
      rows: { k1: [[40, 20, 8]], k2: [[40, 60, 2]], k3: [[40, 20, 5]], k4: [[40, 50, 3]] },
    })
    expect(result.confidence.disagreements.map((d) => [d.keyResultId, d.kind])).toEqual([
      ['k1', 'confidentButBehind'],
      ['k2', 'worriedButAhead'],
      ['k4', 'worriedButAhead'],
    ])
    expect(result.confidence.disagreements[0]?.text).toBe('confidence 8 of 10 at 20% done, 50% expected')
    expect(run({ rows: { k1: [[2, 0, 9]] }, now: day(5) }).confidence.disagreements).toEqual([])
  })
})

describe('I7 score distribution', () => {
  it('[I7] each KR in the band of its score, lead or self scores counted as scored', () => {
    const krs = ['k1', 'k2', 'k3', 'k4', 'k5'].map((id) => keyResult({ id: krId(id) }))
    const result = run({ keyResults: krs, rows: { k1: [[5, 30]], k2: [[5, 100]] }, scores: [score('k3', 0.65, null), score('k4', 0.5, 0.8)] })
    expect(result.scores).toEqual({ bands: { reconsider: 2, short: 0, stretch: 1, strong: 1, notAmbitious: 1 }, scored: 2, total: 5 })
  })
})

describe('I8 scope and filters', () => {
  const objectives = [
    objective({ id: objectiveId('ind'), level: 'individual', ownerId: personId('ana'), createdAt: T0 - 5 * DAY_MS }),
    objective({ id: objectiveId('team'), level: 'team', teamId: teamId('t1'), createdAt: T0 }),
    objective({ id: objectiveId('co'), level: 'company', createdAt: T0 }),
    objective({ id: objectiveId('gone'), status: 'dropped' }),
  ]
  const keyResults = [
    keyResult({ id: krId('a'), objectiveId: objectiveId('team'), ownerId: personId('ana') }),
    keyResult({ id: krId('b'), objectiveId: objectiveId('team') }),
    keyResult({ id: krId('c'), objectiveId: objectiveId('ind') }),
    keyResult({ id: krId('d'), objectiveId: objectiveId('gone') }),
  ]
  const snap = workspace({ objectives, keyResults, people: [{ id: personId('ana'), name: 'Ana', teamId: teamId('t1') }] })
  const ids = (filters = {}) => insightScope(snap, C1, filters)!.objectives.map((o) => `${o.objective.id}:${o.shown.map((k) => k.keyResult.id).join('')}`)

  it('[I8] objectives in tree order without dropped ones; unknown cycle is null', () => {
    expect(ids()).toEqual(['co:', 'team:ab', 'ind:c'])
    expect(insights(snap, cycleId('nope'), day(1))).toBeNull()
  })

  it('[I8] level, team and owner filters; an owner filter keeps the objective\'s own progress', () => {
    expect(ids({ level: 'team' })).toEqual(['team:ab'])
    // The individual objective belongs to Platform through its owner.
    expect(ids({ teamId: teamId('t1') })).toEqual(['team:ab', 'ind:c'])
    expect(ids({ ownerId: personId('ana') })).toEqual(['team:a', 'ind:c'])
    const snapWithCheckIns = workspace({ objectives, keyResults, checkIns: checkIns('b', [[5, 50]]) })
    const filtered = insights(snapWithCheckIns, C1, day(10), { ownerId: personId('ana') })!
    expect(filtered.progress.objectives[0]?.progress).toBeCloseTo(0.25)
    expect(filtered.forecasts.map((f) => f.keyResultId)).toEqual(['a', 'c'])
  })
})
