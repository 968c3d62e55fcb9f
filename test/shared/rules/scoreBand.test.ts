import { describe, expect, it } from 'vitest'
import {
  SCORE_BAND_ADVICE,
  SCORE_CONTINUE,
  SCORE_STRETCH_HIGH,
  SCORE_STRETCH_LOW,
  ScoreBand,
  scoreBand,
} from '../../../shared/rules/index.ts'

describe('score bands', () => {
  it('[B1] below 0.4 asks whether to continue', () => {
    expect(SCORE_CONTINUE).toBe(0.4)
    expect(scoreBand(0)).toBe(ScoreBand.Reconsider)
    expect(scoreBand(0.39)).toBe(ScoreBand.Reconsider)
    expect(scoreBand(0.3999999)).toBe(ScoreBand.Reconsider)
  })

  it('[B1] negative scores and NaN fall in the lowest band', () => {
    expect(scoreBand(-0.5)).toBe(ScoreBand.Reconsider)
    expect(scoreBand(Number.NaN)).toBe(ScoreBand.Reconsider)
  })

  it('[B2] 0.4 up to but not including 0.6 is short of the stretch zone', () => {
    expect(scoreBand(0.4)).toBe(ScoreBand.Short)
    expect(scoreBand(0.59)).toBe(ScoreBand.Short)
  })

  it('[B3] 0.6 to 0.7, both ends included, is the healthy stretch zone', () => {
    expect([SCORE_STRETCH_LOW, SCORE_STRETCH_HIGH]).toEqual([0.6, 0.7])
    expect(scoreBand(0.6)).toBe(ScoreBand.Stretch)
    expect(scoreBand(0.65)).toBe(ScoreBand.Stretch)
    expect(scoreBand(0.7)).toBe(ScoreBand.Stretch)
  })

  it('[B3] float noise around the band edges does not change the band', () => {
    expect(0.7000000000000001).toBeGreaterThan(0.7)
    expect(scoreBand(0.7000000000000001)).toBe(ScoreBand.Stretch)
    expect(scoreBand(0.5999999999999999)).toBe(ScoreBand.Stretch)
  })

  it('[B4] above 0.7 and below 1 is strong', () => {
    expect(scoreBand(0.71)).toBe(ScoreBand.Strong)
    expect(scoreBand(0.99)).toBe(ScoreBand.Strong)
  })

  it('[B5] exactly 1.0 is flagged as probably not ambitious enough', () => {
    expect(scoreBand(1)).toBe(ScoreBand.NotAmbitious)
    expect(scoreBand(0.9999999999999999)).toBe(ScoreBand.NotAmbitious)
    expect(scoreBand(1.3)).toBe(ScoreBand.NotAmbitious)
    expect(SCORE_BAND_ADVICE[ScoreBand.NotAmbitious]).toMatch(/not ambitious/)
  })
})
