import { describe, expect, it } from 'vitest'
import {
  DEFAULT_STALL_SETTINGS,
  overWipWarning,
  overdueTaskWarning,
  staleTaskWarning,
  stallWarnings,
} from '../../../shared/rules/index.ts'
import type { Task } from '../../../shared/model/index.ts'
import {
  BLOCKED,
  DOING,
  DONE,
  TODO,
  column,
  columnId,
  cycle,
  cycleId,
  day,
  krId,
  task,
  taskId,
  workspace,
} from './fixtures.ts'

const [todo, doing, blocked, done] = [TODO, DOING, BLOCKED, DONE]
const settings = DEFAULT_STALL_SETTINGS

const card = (id: string, columnKey: string, over: Partial<Omit<Task, 'placement'>> = {}) =>
  task({ id: taskId(id), ...over, placement: { columnId: columnId(columnKey) } })

describe('S6 stuck cards', () => {
  it('[S6] a card in doing for 5 days without moving is flagged as info', () => {
    expect(staleTaskWarning(card('t1', 'doing'), doing, day(5), settings)).toEqual({
      ruleId: 'S6',
      severity: 'info',
      target: { kind: 'task', id: 't1' },
      reason: 'in Doing for 5 days without moving',
    })
    expect(staleTaskWarning(card('t1', 'doing'), doing, day(4.99), settings)).toBeNull()
  })

  it('[S6] a stuck card in a blocked column is a warning', () => {
    expect(staleTaskWarning(card('t1', 'blocked'), blocked, day(9), settings)).toMatchObject({
      severity: 'warning',
      reason: 'in Blocked for 9 days without moving',
    })
  })

  it('[S6] cards waiting in todo or done are not stuck', () => {
    expect(staleTaskWarning(card('t1', 'todo'), todo, day(50), settings)).toBeNull()
    expect(staleTaskWarning(card('t1', 'done'), done, day(50), settings)).toBeNull()
  })

  it('[S6] renaming a card does not reset its age: only movedAt counts', () => {
    const renamed = card('t1', 'doing', { title: 'Renamed a minute ago', labels: ['fresh'], movedAt: day(0) })
    const snap = workspace({ tasks: [renamed] })
    expect(stallWarnings(snap, day(6)).map((w) => [w.ruleId, w.target.id])).toEqual([['S6', 't1']])
    const moved = { ...renamed, movedAt: day(5) }
    expect(stallWarnings(workspace({ tasks: [moved] }), day(6))).toEqual([])
  })

  it('[S6] a card under a KR carries the KR id', () => {
    const linked = task({ placement: { columnId: columnId('doing'), keyResultId: krId('k9') } })
    expect(staleTaskWarning(linked, doing, day(6), settings)?.keyResultId).toBe('k9')
  })

  it('[S6] a non-positive staleTaskDays disables the rule', () => {
    expect(staleTaskWarning(card('t1', 'doing'), doing, day(50), { ...settings, staleTaskDays: 0 })).toBeNull()
  })
})

describe('S7 overdue cards', () => {
  const due = (over: Partial<Omit<Task, 'placement'>> = {}) => card('t1', 'doing', { dueDate: '2025-01-10', ...over })

  it('[S7] a card past the end of its due day and not done is overdue', () => {
    expect(overdueTaskWarning(due(), doing, day(9.99))).toBeNull()
    expect(overdueTaskWarning(due(), doing, day(10))).toEqual({
      ruleId: 'S7',
      severity: 'warning',
      target: { kind: 'task', id: 't1' },
      reason: '1 day past its due date 2025-01-10, no reason given',
    })
    expect(overdueTaskWarning(due(), todo, day(13.5))?.reason).toBe(
      '4 days past its due date 2025-01-10, no reason given',
    )
  })

  it('[S7] a done card, or one without a due date, is never overdue', () => {
    expect(overdueTaskWarning(due(), done, day(40))).toBeNull()
    expect(overdueTaskWarning(due({ dueDate: null }), doing, day(40))).toBeNull()
    expect(overdueTaskWarning(due({ dueDate: 'someday' }), doing, day(40))).toBeNull()
  })

  it('[S7] once a reason is given the card is only info', () => {
    // day(12) is 2025-01-13: three days after the due day.
    expect(overdueTaskWarning(due({ missedReason: 'vendor late' }), doing, day(12))).toMatchObject({
      severity: 'info',
      reason: '3 days past its due date 2025-01-10, reason given',
    })
    expect(overdueTaskWarning(due({ missedReason: '  ' }), doing, day(12))?.severity).toBe('warning')
  })
})

describe('S8 WIP limits', () => {
  const limited = (wipLimit: number | null) => column({ id: columnId('doing'), name: 'Doing', kind: 'doing', wipLimit })

  it('[S8] a column holding more cards than its limit is flagged', () => {
    expect(overWipWarning(limited(2), 3)).toEqual({
      ruleId: 'S8',
      severity: 'info',
      target: { kind: 'column', id: 'doing' },
      reason: '3 cards, limit 2',
    })
    expect(overWipWarning(limited(2), 2)).toBeNull()
  })

  it('[S8] a limit of 0 is over with one card; null, negative or NaN is no limit', () => {
    expect(overWipWarning(limited(0), 1)?.reason).toBe('1 card, limit 0')
    expect(overWipWarning(limited(null), 99)).toBeNull()
    expect(overWipWarning(limited(-1), 99)).toBeNull()
    expect(overWipWarning(limited(Number.NaN), 99)).toBeNull()
  })

  it('[S8] only cards of evaluated cycles fill a column', () => {
    const columns = [todo, limited(1), blocked, done]
    const fresh = { movedAt: day(9) }
    const tasks = [
      card('t1', 'doing', fresh),
      card('t2', 'doing', { ...fresh, cycleId: cycleId('c2') }),
      card('t3', 'doing', { ...fresh, cycleId: cycleId('c2') }),
    ]
    const cycles = [cycle(), cycle({ id: cycleId('c2'), status: 'draft' })]
    expect(stallWarnings(workspace({ cycles, columns, tasks }), day(10))).toEqual([])
    const published = [cycle(), cycle({ id: cycleId('c2') })]
    expect(stallWarnings(workspace({ cycles: published, columns, tasks }), day(10))).toEqual([
      { ruleId: 'S8', severity: 'info', target: { kind: 'column', id: 'doing' }, reason: '3 cards, limit 1' },
    ])
    expect(
      stallWarnings(workspace({ cycles: published, columns, tasks }), day(10), { cycleId: cycleId('c2') })[0]?.reason,
    ).toBe('2 cards, limit 1')
  })
})
