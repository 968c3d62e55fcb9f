/** Words for what changed and how long a meeting took: the banner's line, the minutes' summary and figures. */
import { describe, expect, it } from 'vitest'
import type { ChangeSummary } from '../../../shared/rules/index.ts'
import { confidenceChangeText, countText, scoreText, hasChanges, progressChangeText, summaryParts, summaryText, taskChangeText } from '../../../client/format/changesText.ts'
import { durationText, meetingWhenText, overTimeText, timeboxText } from '../../../client/format/meetingTimes.ts'

const NONE: ChangeSummary = { keyResultsMoved: 0, newStalls: 0, stallsCleared: 0, tasksDone: 0, tasksAdded: 0, checkIns: 0 }

describe('change summaries', () => {
  it('says only the non-zero counts, in a fixed order, singular or plural', () => {
    expect(summaryParts({ ...NONE, keyResultsMoved: 4, newStalls: 2, tasksDone: 9 })).toEqual(['4 KRs moved', '2 new stalls', '9 tasks done'])
    expect(summaryParts({ keyResultsMoved: 1, newStalls: 1, stallsCleared: 1, tasksDone: 1, tasksAdded: 1, checkIns: 1 })).toEqual([
      '1 KR moved',
      '1 check-in',
      '1 new stall',
      '1 task done',
      '1 stall cleared',
      '1 task added',
    ])
    expect(summaryText({ ...NONE, keyResultsMoved: 4, checkIns: 3, tasksDone: 2 })).toBe('4 KRs moved, 3 check-ins, 2 tasks done')
  })

  it('has nothing to say when nothing moved', () => {
    expect(summaryParts(NONE)).toEqual([])
    expect(summaryText(NONE)).toBe('No changes on the board')
    expect(hasChanges(NONE)).toBe(false)
    expect(hasChanges({ ...NONE, tasksAdded: 1 })).toBe(true)
  })

  it('writes before and after, with a dash for a side that did not exist', () => {
    expect(progressChangeText(0.3, 0.45)).toBe('30% → 45%')
    expect(progressChangeText(null, 0.1)).toBe('– → 10%')
    expect(confidenceChangeText(6, 7)).toBe('6 → 7')
    expect(confidenceChangeText(null, 5)).toBe('– → 5')
    expect(scoreText(0.7)).toBe('0.70')
    expect(scoreText(null)).toBe('–')
    expect(countText(0, 'attendee', 'attendees')).toBe('0 attendees')
    expect(countText(1, 'attendee', 'attendees')).toBe('1 attendee')
  })

  it('says what happened to a card: done wins, a changed placement is a move', () => {
    const placement = { columnId: 'c' as never, keyResultId: null, rank: 'a0' } as never
    expect(taskChangeText({ change: 'changed', done: true, from: placement })).toBe('done')
    expect(taskChangeText({ change: 'added', done: false, from: null })).toBe('added')
    expect(taskChangeText({ change: 'removed', done: false, from: null })).toBe('removed')
    expect(taskChangeText({ change: 'changed', done: false, from: placement })).toBe('moved')
    expect(taskChangeText({ change: 'changed', done: false, from: null })).toBe('edited')
  })
})

describe('meeting times', () => {
  it('writes a meeting’s length in minutes, hours past sixty', () => {
    expect(durationText(10_000)).toBe('under a minute')
    expect(durationText(42 * 60_000 + 10_000)).toBe('42 min')
    expect(durationText(65 * 60_000)).toBe('1 h 05 min')
    expect(durationText(-5)).toBe('under a minute')
  })

  it('writes an item’s time against its timebox, and how far over it ran', () => {
    expect(timeboxText(370_000, 300_000)).toBe('6:10 of 5:00')
    expect(overTimeText(370_000, 300_000)).toBe('1:10 over')
    expect(overTimeText(299_000, 300_000)).toBeNull()
    expect(overTimeText(300_400, 300_000)).toBeNull()
  })

  it('writes when a meeting was, with the year only when it is not this year', () => {
    const now = Date.parse('2026-12-02T12:00:00Z')
    expect(meetingWhenText('2026-12-02T09:05:00.000Z', now, 'UTC')).toBe('Wed, Dec 2, 09:05')
    expect(meetingWhenText(Date.parse('2025-11-28T17:30:00Z'), now, 'UTC')).toBe('Fri, Nov 28, 2025, 17:30')
    expect(meetingWhenText('2026-12-02T09:05:00.000Z', now, 'Europe/Paris')).toBe('Wed, Dec 2, 10:05')
    expect(meetingWhenText('not a date', now)).toBe('not a date')
  })
})
