import { describe, expect, it } from 'vitest'
import type { KeyResult, Objective, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import {
  bottomUpShare,
  isMeasurable,
  missingMeasure,
  writingHints,
} from '../../../shared/rules/index.ts'
import type { WritingHint } from '../../../shared/rules/index.ts'
import {
  columnId,
  cycle,
  cycleId,
  keyResult,
  krId,
  objective,
  objectiveId,
  personId,
  task,
  teamId,
  workspace,
} from './fixtures.ts'

const ana = { id: personId('p1'), name: 'Ana', teamId: teamId('tm1') }
const platform = { id: teamId('tm1'), name: 'Platform' }

/** `n` objectives built from `over`, ids o1..on, each with one fully weighted measurable KR. */
function objectives(n: number, over: Partial<Objective> = {}, prefix = 'o'): Objective[] {
  return Array.from({ length: n }, (_, i) => objective({ id: objectiveId(`${prefix}${i + 1}`), ...over }))
}
function oneKrEach(objs: readonly Objective[]): KeyResult[] {
  return objs.map((o) => keyResult({ id: krId(`k-${o.id}`), objectiveId: o.id }))
}

const hintsOf = (snap: WorkspaceSnapshot, ruleId: string, opts = {}): readonly WritingHint[] =>
  writingHints(snap, opts).filter((h) => h.ruleId === ruleId)

describe('L1 objectives per owner', () => {
  it('[L1] more than 5 objectives for one person in a cycle is flagged', () => {
    const six = objectives(6, { ownerId: ana.id })
    const snap = workspace({ people: [ana], objectives: six, keyResults: oneKrEach(six) })
    expect(writingHints(snap)).toEqual([
      {
        ruleId: 'L1',
        target: { kind: 'person', id: 'p1' },
        cycleId: 'c1',
        message: 'Ana owns 6 objectives in Q1; keep it to 5 or fewer.',
      },
    ])
    const five = six.slice(0, 5)
    expect(writingHints(workspace({ people: [ana], objectives: five, keyResults: oneKrEach(five) }))).toEqual([])
  })

  it('[L1] unowned objectives are grouped by team, then by cycle', () => {
    const byTeam = objectives(6, { teamId: platform.id })
    expect(hintsOf(workspace({ teams: [platform], objectives: byTeam }), 'L1')[0]).toMatchObject({
      target: { kind: 'team', id: 'tm1' },
      message: 'Platform owns 6 objectives in Q1; keep it to 5 or fewer.',
    })
    const nobody = objectives(6, { level: 'company' })
    expect(hintsOf(workspace({ objectives: nobody }), 'L1')[0]).toMatchObject({
      target: { kind: 'cycle', id: 'c1' },
      message: '6 objectives without an owner in Q1; keep it to 5 or fewer.',
    })
  })

  it('[L1] dropped objectives and other cycles do not count', () => {
    const objs = [
      ...objectives(5, { ownerId: ana.id }),
      objective({ id: objectiveId('x1'), ownerId: ana.id, status: 'dropped' }),
      objective({ id: objectiveId('x2'), ownerId: ana.id, cycleId: cycleId('c2') }),
    ]
    const cycles = [cycle(), cycle({ id: cycleId('c2'), name: 'Q2' })]
    const snap = workspace({ cycles, people: [ana], objectives: objs })
    expect(hintsOf(snap, 'L1')).toEqual([])
  })
})

describe('L2, L3 and L5 key results of an objective', () => {
  const withKrs = (weights: readonly number[]) =>
    workspace({
      objectives: [objective()],
      keyResults: weights.map((weight, i) => keyResult({ id: krId(`k${i + 1}`), weight })),
    })

  it('[L2] more than 5 key results under an objective is flagged', () => {
    expect(hintsOf(withKrs([20, 20, 20, 20, 10, 10]), 'L2')).toEqual([
      {
        ruleId: 'L2',
        target: { kind: 'objective', id: 'o1' },
        cycleId: 'c1',
        message: '6 key results; keep it to 5 or fewer.',
      },
    ])
    expect(hintsOf(withKrs([20, 20, 20, 20, 20]), 'L2')).toEqual([])
  })

  it('[L3] weights not summing to 100% are flagged', () => {
    expect(hintsOf(withKrs([50, 40]), 'L3')).toEqual([
      {
        ruleId: 'L3',
        target: { kind: 'objective', id: 'o1' },
        cycleId: 'c1',
        message: 'Key-result weights sum to 90%, not 100%.',
      },
    ])
    expect(hintsOf(withKrs([60, 60]), 'L3')[0]?.message).toBe('Key-result weights sum to 120%, not 100%.')
    expect(hintsOf(withKrs([0, 0]), 'L3')[0]?.message).toBe('Key-result weights sum to 0%, not 100%.')
  })

  it('[L3] float error is tolerated, a real shortfall is not', () => {
    expect(hintsOf(withKrs([33.33, 33.33, 33.34]), 'L3')).toEqual([])
    expect(hintsOf(withKrs([10, 20, 30, 40.0005]), 'L3')).toEqual([])
    expect(hintsOf(withKrs([33.3, 33.3, 33.3]), 'L3')[0]?.message).toBe('Key-result weights sum to 99.9%, not 100%.')
  })

  it('[L5] an objective with no key result is flagged', () => {
    expect(writingHints(workspace({ objectives: [objective()] }))).toEqual([
      {
        ruleId: 'L5',
        target: { kind: 'objective', id: 'o1' },
        cycleId: 'c1',
        message: 'No key results yet: add the 2 to 5 measurable results that show it is achieved.',
      },
    ])
  })

  it('[L5] dropped objectives and closed cycles are not linted unless asked for', () => {
    expect(writingHints(workspace({ objectives: [objective({ status: 'dropped' })] }))).toEqual([])
    const closed = workspace({ cycles: [cycle({ status: 'closed' })], objectives: [objective()] })
    expect(writingHints(closed)).toEqual([])
    expect(writingHints(closed, { cycleId: cycleId('c1') }).map((h) => h.ruleId)).toEqual(['L5'])
    const draft = workspace({ cycles: [cycle({ status: 'draft' })], objectives: [objective()] })
    expect(writingHints(draft).map((h) => h.ruleId)).toEqual(['L5'])
  })
})

describe('L4 measurable key results', () => {
  const bare = { start: null, target: null, rangeLow: null, rangeHigh: null, dueDate: null }

  it('[L4] increase and decrease need a start and a target', () => {
    expect(isMeasurable(keyResult({ start: 0, target: 10 }), 0)).toBe(true)
    expect(missingMeasure(keyResult({ ...bare }), 0)).toBe('set a start value and a target value')
    expect(missingMeasure(keyResult({ kind: 'decrease', start: 5, target: null }), 0)).toBe('set a target value')
    expect(missingMeasure(keyResult({ start: Number.NaN, target: 3 }), 0)).toBe('set a start value')
  })

  it('[L4] a count needs only its target, a range both ends', () => {
    expect(isMeasurable(keyResult({ ...bare, kind: 'count', target: 10 }), 0)).toBe(true)
    expect(isMeasurable(keyResult({ ...bare, kind: 'count' }), 0)).toBe(false)
    expect(isMeasurable(keyResult({ ...bare, kind: 'range', rangeLow: 60, rangeHigh: 90 }), 0)).toBe(true)
    expect(missingMeasure(keyResult({ ...bare, kind: 'range', rangeLow: 60 }), 0)).toBe(
      'set the low and high ends of the range',
    )
  })

  it('[L4] milestones and baselines need a valid due date', () => {
    expect(isMeasurable(keyResult({ ...bare, kind: 'milestone', dueDate: '2025-03-01' }), 0)).toBe(true)
    expect(isMeasurable(keyResult({ ...bare, kind: 'baseline', dueDate: '2025-03-01' }), 0)).toBe(true)
    expect(missingMeasure(keyResult({ ...bare, kind: 'baseline' }), 0)).toBe('set the date it is due by')
    expect(isMeasurable(keyResult({ ...bare, kind: 'milestone', dueDate: '2025-02-30' }), 0)).toBe(false)
  })

  it('[L4] a task-driven KR is measurable once it has a task', () => {
    const driven = keyResult({ ...bare, kind: 'task-driven', title: '  Ship the beta  ' })
    const snap = (tasks: number) =>
      workspace({
        objectives: [objective()],
        keyResults: [driven],
        tasks: tasks > 0 ? [task({ placement: { columnId: columnId('todo'), keyResultId: krId('k1') } })] : [],
      })
    expect(writingHints(snap(0))).toEqual([
      {
        ruleId: 'L4',
        target: { kind: 'keyResult', id: 'k1' },
        cycleId: 'c1',
        message: '"Ship the beta" has no measurable target: put at least one task under it.',
      },
    ])
    expect(writingHints(snap(1))).toEqual([])
  })
})

describe('L6 bottom-up share', () => {
  const teamObjectives = (origins: readonly ('bottom-up' | 'top-down')[]) =>
    origins.map((origin, i) => objective({ id: objectiveId(`o${i + 1}`), teamId: platform.id, origin }))

  it('[L6] a team below 50% bottom-up is flagged', () => {
    const objs = teamObjectives(['bottom-up', 'top-down', 'top-down'])
    const snap = workspace({ teams: [platform], objectives: objs, keyResults: oneKrEach(objs) })
    expect(bottomUpShare(snap, platform.id, cycleId('c1'))).toEqual({ bottomUp: 1, total: 3, share: 1 / 3 })
    expect(writingHints(snap)).toEqual([
      {
        ruleId: 'L6',
        target: { kind: 'team', id: 'tm1' },
        cycleId: 'c1',
        message: "Only 33% of Platform's objectives in Q1 are bottom-up (1 of 3); aim for at least 50%.",
      },
    ])
  })

  it('[L6] exactly 50% is fine', () => {
    const objs = teamObjectives(['bottom-up', 'top-down', 'bottom-up', 'top-down'])
    expect(hintsOf(workspace({ teams: [platform], objectives: objs }), 'L6')).toEqual([])
  })

  it('[L6] individual objectives count for their owner team; company ones do not count', () => {
    const objs = [
      objective({ id: objectiveId('o1'), teamId: platform.id, origin: 'top-down' }),
      objective({ id: objectiveId('o2'), level: 'individual', ownerId: ana.id, origin: 'bottom-up' }),
      objective({ id: objectiveId('o3'), level: 'company', teamId: platform.id, origin: 'top-down' }),
      objective({ id: objectiveId('o4'), teamId: platform.id, origin: 'top-down', status: 'dropped' }),
    ]
    const snap = workspace({ teams: [platform], people: [ana], objectives: objs })
    expect(bottomUpShare(snap, platform.id, cycleId('c1'))).toEqual({ bottomUp: 1, total: 2, share: 0.5 })
    expect(hintsOf(snap, 'L6')).toEqual([])
  })

  it('[L6] a team with no objectives in the cycle has no share and no hint', () => {
    const snap = workspace({ teams: [platform], objectives: [objective({ level: 'company', origin: 'top-down' })] })
    expect(bottomUpShare(snap, platform.id, cycleId('c1'))).toEqual({ bottomUp: 0, total: 0, share: null })
    expect(hintsOf(snap, 'L6')).toEqual([])
  })
})

describe('hint order', () => {
  it('writing hints are sorted by cycle, rule number and target', () => {
    const objs = [objective({ id: objectiveId('o2') }), objective({ id: objectiveId('o1') })]
    const krs = [keyResult({ id: krId('k9'), objectiveId: objectiveId('o1'), weight: 50, target: null })]
    const snap = workspace({ objectives: objs, keyResults: krs })
    expect(writingHints(snap).map((h) => `${h.ruleId} ${h.target.id}`)).toEqual(['L3 o1', 'L4 k9', 'L5 o2'])
  })
})
