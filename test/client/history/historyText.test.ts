/** The history view's words: a checkpoint's reason, and what changed on each record since it. */
import { describe, expect, it } from 'vitest'
import { MeetingKind } from '../../../shared/model/index.ts'
import { changesBetween } from '../../../shared/rules/index.ts'
import { CheckpointReason } from '../../../shared/protocol/index.ts'
import { changeMarks } from '../../../client/features/history/changeMarks.ts'
import { checkpointReasonText } from '../../../client/features/history/checkpointText.ts'
import { checkIns, columnId, day, keyResult, krId, objective, objectiveId, task, taskId, workspace } from '../../shared/rules/fixtures.ts'

describe('checkpointReasonText', () => {
  it('names a meeting start or end by the meeting kind, and the other reasons in words', () => {
    expect(checkpointReasonText(CheckpointReason.MeetingEnd, MeetingKind.Weekly)).toBe('End of weekly check-in')
    expect(checkpointReasonText(CheckpointReason.MeetingStart, MeetingKind.Review)).toBe('Start of review meeting')
    expect(checkpointReasonText(CheckpointReason.MeetingEnd, null)).toBe('End of a meeting')
    expect(checkpointReasonText(CheckpointReason.Publish, null)).toBe('Cycle published')
    expect(checkpointReasonText(CheckpointReason.Close, null)).toBe('Cycle closed')
    expect(checkpointReasonText(CheckpointReason.Daily, null)).toBe('Daily')
  })
})

describe('changeMarks', () => {
  const base = {
    objectives: [objective(), objective({ id: objectiveId('o2'), title: 'Second objective' })],
    keyResults: [keyResult({ id: krId('k1') }), keyResult({ id: krId('k2'), title: 'Second' }), keyResult({ id: krId('k3'), title: 'Third' })],
    tasks: [
      task({ id: taskId('t1'), placement: { columnId: columnId('todo'), keyResultId: krId('k1') } }),
      task({ id: taskId('t2'), placement: { columnId: columnId('doing'), keyResultId: krId('k1') } }),
      task({ id: taskId('t3'), title: 'Call', placement: { columnId: columnId('todo'), keyResultId: krId('k1') } }),
    ],
    checkIns: [...checkIns('k1', [[10, 10, 7]]), ...checkIns('k2', [[10, 10, 7]])],
  }

  it('says what changed on each record that was there then, with the earlier value and the one now', () => {
    const before = workspace(base)
    const after = workspace({
      ...base,
      objectives: [objective({ title: 'Delight them more' })],
      keyResults: [keyResult({ id: krId('k1') }), keyResult({ id: krId('k2'), title: 'Second', target: 200 }), keyResult({ id: krId('k4'), title: 'New' })],
      tasks: [
        task({ id: taskId('t1'), placement: { columnId: columnId('done'), keyResultId: krId('k1') } }),
        task({ id: taskId('t3'), title: 'Call them', placement: { columnId: columnId('doing'), keyResultId: krId('k1') } }),
        task({ id: taskId('t9'), placement: { columnId: columnId('todo'), keyResultId: krId('k1') } }),
      ],
      checkIns: [...base.checkIns, ...checkIns('k1', [[17, 30, 4]]).map((c) => ({ ...c, id: 'new' as typeof c.id }))],
    })
    const marks = changeMarks(changesBetween(before, after, day(11), day(18)), after)
    expect(Object.fromEntries(marks)).toEqual({
      k1: 'progress 10% → 30%, confidence 7 → 4 now',
      // The target doubled: the same value is half the progress.
      k2: 'progress 10% → 5% now, edited target',
      k3: 'removed',
      t1: 'done, moved to Done',
      t2: 'removed',
      t3: 'moved to Doing, edited title',
      o1: 'edited title',
      o2: 'removed',
    })
  })

  it('marks nothing when nothing changed', () => {
    const snap = workspace(base)
    expect(changeMarks(changesBetween(snap, snap, day(11), day(11)), snap).size).toBe(0)
  })
})
