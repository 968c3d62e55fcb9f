/** A typed score: blank clears, a decimal comma reads as a point, outside 0..1 or not a number is refused. */
import { describe, expect, it } from 'vitest'
import { readScore } from '../../../client/features/meeting/readScore.ts'

describe('readScore', () => {
  it('reads 0 to 1, with a point or a comma; blank is no score', () => {
    expect(['0', '0.7', '0,65', ' 1 ', ''].map(readScore)).toEqual([0, 0.7, 0.65, 1, null])
  })
  it('refuses what is not a score', () => {
    expect(['1.5', '-0.1', 'abc', '0.7.1', 'Infinity'].map(readScore)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid'])
  })
})
