import { describe, expect, it } from 'vitest'
import {
  DAY_MS,
  cycleElapsedShare,
  cycleWindow,
  dayEnd,
  dayStart,
  expectedProgress,
  quarterAround,
} from '../../../shared/rules/index.ts'
import { CYCLE_DAYS, T0, cycle, day } from './fixtures.ts'

describe('cycle window', () => {
  it('[P7] a cycle runs from startDate 00:00 UTC to the end of endDate', () => {
    expect(DAY_MS).toBe(24 * 60 * 60 * 1000)
    expect(cycleWindow(cycle())).toEqual({ start: T0, end: T0 + CYCLE_DAYS * DAY_MS })
    expect(dayStart('2025-03-31')).toBe(Date.UTC(2025, 2, 31))
    expect(dayEnd('2025-03-31')).toBe(Date.UTC(2025, 3, 1))
  })

  it('[P7] dates that do not parse or do not exist are missing', () => {
    expect(dayStart('2025-02-30')).toBeNull()
    expect(dayStart('2025-2-3')).toBeNull()
    expect(dayStart('')).toBeNull()
    expect(dayStart(null)).toBeNull()
    expect(cycleWindow(cycle({ endDate: 'soon' }))).toBeNull()
    expect(cycleElapsedShare(cycle({ endDate: 'soon' }), day(10))).toBe(0)
  })

  it('[P7] the elapsed share is linear and clamped to 0..1', () => {
    const c = cycle()
    expect(cycleElapsedShare(c, day(-5))).toBe(0)
    expect(cycleElapsedShare(c, T0)).toBe(0)
    expect(cycleElapsedShare(c, day(45))).toBe(0.5)
    expect(cycleElapsedShare(c, day(CYCLE_DAYS))).toBe(1)
    expect(cycleElapsedShare(c, day(200))).toBe(1)
  })

  it('[P7] a cycle whose start and end dates are equal lasts one day', () => {
    const oneDay = cycle({ startDate: '2025-01-01', endDate: '2025-01-01' })
    expect(cycleElapsedShare(oneDay, day(0.25))).toBe(0.25)
  })

  it('[P7] a zero-length (inverted) cycle is 0 before its start and 1 from it', () => {
    const inverted = cycle({ startDate: '2025-01-02', endDate: '2025-01-01' })
    expect(cycleElapsedShare(inverted, day(0.5))).toBe(0)
    expect(cycleElapsedShare(inverted, day(1))).toBe(1)
    expect(expectedProgress(inverted, day(3))).toBe(1)
  })
})

describe('expected progress', () => {
  it('[P7] expected progress is the elapsed share of the cycle', () => {
    expect(expectedProgress(cycle(), day(30))).toBeCloseTo(1 / 3, 12)
    expect(expectedProgress(cycle(), day(-1))).toBe(0)
  })

  it('[P7] a KR created mid-cycle is paced from its creation', () => {
    // Created on day 30 of 90: at day 60 half of its 60 days have gone.
    expect(expectedProgress(cycle(), day(60), day(30))).toBe(0.5)
    // Created before the cycle: the cycle start counts.
    expect(expectedProgress(cycle(), day(45), day(-10))).toBe(0.5)
  })

  it('[P7] a KR created at or after the cycle end is expected done from its creation', () => {
    expect(expectedProgress(cycle(), day(95), day(CYCLE_DAYS))).toBe(1)
    expect(expectedProgress(cycle(), day(95), day(100))).toBe(0)
  })
})

describe('quarterAround', () => {
  it('gives the calendar quarter of a date', () => {
    expect(quarterAround(Date.UTC(2026, 10, 21))).toEqual({ start: '2026-10-01', end: '2026-12-31', name: 'Q4 2026' })
    expect(quarterAround(Date.UTC(2026, 0, 1))).toEqual({ start: '2026-01-01', end: '2026-03-31', name: 'Q1 2026' })
  })
})
