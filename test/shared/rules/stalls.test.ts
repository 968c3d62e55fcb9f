import { describe, expect, it } from 'vitest'
import type { WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { compareStallWarnings, severityRank, stallWarnings } from '../../../shared/rules/index.ts'
import {
  BLOCKED,
  DOING,
  DONE,
  TODO,
  checkIns,
  columnId,
  cycle,
  cycleId,
  day,
  keyResult,
  krId,
  objective,
  objectiveId,
  task,
  taskId,
  workspace,
} from './fixtures.ts'

const summary = (snap: WorkspaceSnapshot, now: number, opts = {}) =>
  stallWarnings(snap, now, opts).map((w) => `${w.ruleId} ${w.severity} ${w.target.kind}:${w.target.id}`)

describe('stall scope', () => {
  const silent = (status: 'draft' | 'published' | 'closed') =>
    workspace({
      cycles: [cycle({ status })],
      objectives: [objective()],
      keyResults: [keyResult({ kind: 'milestone', dueDate: '2025-03-01' })],
    })

  it('[S1] only KRs of published cycles are evaluated', () => {
    expect(summary(silent('published'), day(30))).toEqual(['S1 critical keyResult:k1'])
    expect(summary(silent('draft'), day(30))).toEqual([])
    expect(summary(silent('closed'), day(30))).toEqual([])
  })

  it('[S1] KRs of dropped and achieved objectives are not evaluated, nor their tasks', () => {
    const build = (status: 'active' | 'dropped' | 'achieved') =>
      workspace({
        objectives: [objective({ status })],
        keyResults: [keyResult({ kind: 'milestone', dueDate: '2025-03-01' })],
        tasks: [task({ placement: { columnId: columnId('doing'), keyResultId: krId('k1') } })],
      })
    // With a task under it, the milestone is paced by its tasks (S2) and watched by S9, not S1.
    expect(summary(build('active'), day(30))).toEqual([
      'S2 critical keyResult:k1',
      'S9 warning keyResult:k1',
      'S6 info task:t1',
    ])
    expect(summary(build('dropped'), day(30))).toEqual([])
    expect(summary(build('achieved'), day(30))).toEqual([])
  })

  it('[S1] opts.cycleId narrows to one cycle, and to nothing when it is not published', () => {
    const snap = workspace({
      cycles: [cycle(), cycle({ id: cycleId('c2') }), cycle({ id: cycleId('c3'), status: 'draft' })],
      objectives: [
        objective(),
        objective({ id: objectiveId('o2'), cycleId: cycleId('c2') }),
        objective({ id: objectiveId('o3'), cycleId: cycleId('c3') }),
      ],
      keyResults: [
        keyResult({ kind: 'milestone' }),
        keyResult({ id: krId('k2'), objectiveId: objectiveId('o2'), kind: 'milestone' }),
        keyResult({ id: krId('k3'), objectiveId: objectiveId('o3'), kind: 'milestone' }),
      ],
    })
    expect(summary(snap, day(8))).toEqual(['S1 warning keyResult:k1', 'S1 warning keyResult:k2'])
    expect(summary(snap, day(8), { cycleId: cycleId('c2') })).toEqual(['S1 warning keyResult:k2'])
    expect(summary(snap, day(8), { cycleId: cycleId('c3') })).toEqual([])
    expect(summary(snap, day(8), { cycleId: cycleId('nope') })).toEqual([])
  })

  it('[S6] unlinked cards of published cycles are evaluated; cards in unknown columns are skipped', () => {
    const snap = workspace({
      cycles: [cycle(), cycle({ id: cycleId('c2'), status: 'draft' })],
      tasks: [
        task({ id: taskId('t1'), placement: { columnId: columnId('doing') } }),
        task({ id: taskId('t2'), cycleId: cycleId('c2'), placement: { columnId: columnId('doing') } }),
        task({ id: taskId('t3'), placement: { columnId: columnId('gone') } }),
      ],
    })
    expect(summary(snap, day(6))).toEqual(['S6 info task:t1'])
  })
})

describe('stall order', () => {
  function busy(reversed: boolean) {
    const order = <T,>(xs: T[]) => (reversed ? [...xs].reverse() : xs)
    return workspace({
      objectives: [objective()],
      keyResults: order([keyResult(), keyResult({ id: krId('k2') })]),
      checkIns: order(checkIns('k2', [[44, 50, 2]])),
      columns: order([TODO, { ...DOING, wipLimit: 0 }, BLOCKED, DONE]),
      tasks: order([
        task({ id: taskId('t1'), placement: { columnId: columnId('doing') } }),
        task({ id: taskId('t2'), dueDate: '2025-01-10', movedAt: day(44) }),
      ]),
    })
  }

  it('stall warnings come most severe first, then by rule number, target kind and id', () => {
    expect(summary(busy(false), day(45))).toEqual([
      'S1 critical keyResult:k1',
      'S2 critical keyResult:k1',
      'S3 warning keyResult:k2',
      'S7 warning task:t2',
      'S6 info task:t1',
      'S8 info column:doing',
    ])
  })

  it('stall warnings are the same whatever the order of the maps', () => {
    expect(stallWarnings(busy(true), day(45))).toEqual(stallWarnings(busy(false), day(45)))
  })

  it('severities rank info < warning < critical', () => {
    expect([severityRank('info'), severityRank('warning'), severityRank('critical')]).toEqual([0, 1, 2])
    const target = { kind: 'keyResult', id: krId('a') } as const
    const warn = { ruleId: 'S9', severity: 'warning', target, reason: '' } as const
    expect(compareStallWarnings(warn, { ...warn, ruleId: 'S1', severity: 'info' })).toBeLessThan(0)
    expect(compareStallWarnings({ ...warn, ruleId: 'S1' }, warn)).toBeLessThan(0)
  })
})
