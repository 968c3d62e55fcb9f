import { describe, expect, it } from 'vitest'
import {
  keyResultScore,
  normalisedWeights,
  objectiveProgress,
} from '../../../shared/rules/index.ts'
import { checkIns, keyResult, krId, objective, objectiveId, score, workspace } from './fixtures.ts'

/** Two increase KRs (0 -> 100) under o1 with the given weights, checked in at the given values. */
function twoKeyResults(weights: readonly [number, number], values: readonly [number, number]) {
  return workspace({
    objectives: [objective()],
    keyResults: [
      keyResult({ id: krId('k1'), weight: weights[0] }),
      keyResult({ id: krId('k2'), weight: weights[1] }),
    ],
    checkIns: [...checkIns('k1', [[1, values[0]]]), ...checkIns('k2', [[1, values[1]]])],
  })
}

describe('weights', () => {
  it('[O1] weights summing to 100 become shares of 1', () => {
    expect(normalisedWeights([70, 30])).toEqual([0.7, 0.3])
  })

  it('[O1] weights not summing to 100 are normalised', () => {
    expect(normalisedWeights([1, 3])).toEqual([0.25, 0.75])
    expect(normalisedWeights([60, 60])).toEqual([0.5, 0.5])
  })

  it('[O1] all-zero weights give a plain mean', () => {
    expect(normalisedWeights([0, 0, 0, 0])).toEqual([0.25, 0.25, 0.25, 0.25])
  })

  it('[O1] negative and non-finite weights count as 0', () => {
    expect(normalisedWeights([-50, 50])).toEqual([0, 1])
    expect(normalisedWeights([Number.NaN, 20, Number.POSITIVE_INFINITY])).toEqual([0, 1, 0])
    expect(normalisedWeights([-1, -1])).toEqual([0.5, 0.5])
  })

  it('[O1] no weights, no shares', () => {
    expect(normalisedWeights([])).toEqual([])
  })
})

describe('objective progress', () => {
  it('[O2] objective progress is the weighted mean of KR progress', () => {
    const result = objectiveProgress(twoKeyResults([75, 25], [40, 80]), objectiveId('o1'))
    expect(result.progress).toBeCloseTo(0.75 * 0.4 + 0.25 * 0.8, 12)
    expect(result.empty).toBe(false)
    expect(result.keyResults.map((c) => [c.keyResultId, c.weight, c.progress])).toEqual([
      ['k1', 0.75, 0.4],
      ['k2', 0.25, 0.8],
    ])
  })

  it('[O2] progress past a target counts as 1, not more', () => {
    const result = objectiveProgress(twoKeyResults([50, 50], [300, 0]), objectiveId('o1'))
    expect(result.progress).toBe(0.5)
  })

  it('[O2] an objective with no key results is empty with progress 0', () => {
    const snap = workspace({ objectives: [objective()] })
    expect(objectiveProgress(snap, objectiveId('o1'))).toEqual({ progress: 0, score: 0, empty: true, keyResults: [] })
    expect(objectiveProgress(snap, objectiveId('nope')).empty).toBe(true)
  })

  it('[O2] all-zero weights average the KRs equally', () => {
    const result = objectiveProgress(twoKeyResults([0, 0], [20, 60]), objectiveId('o1'))
    expect(result.progress).toBeCloseTo(0.4, 12)
  })
})

describe('key-result score', () => {
  it('[O3] the lead score wins over the self score and progress', () => {
    const kr = keyResult()
    const snap = workspace({ keyResults: [kr], checkIns: checkIns('k1', [[1, 90]]), scores: [score('k1', 0.5, 0.3)] })
    expect(keyResultScore(snap, kr)).toEqual({ score: 0.3, source: 'lead' })
  })

  it('[O3] without a lead score the self score counts', () => {
    const kr = keyResult()
    const snap = workspace({ keyResults: [kr], checkIns: checkIns('k1', [[1, 90]]), scores: [score('k1', 0.5, null)] })
    expect(keyResultScore(snap, kr)).toEqual({ score: 0.5, source: 'self' })
  })

  it('[O3] without any score, progress stands in', () => {
    const kr = keyResult()
    const snap = workspace({ keyResults: [kr], checkIns: checkIns('k1', [[1, 90]]), scores: [score('k1', null, null)] })
    expect(keyResultScore(snap, kr)).toEqual({ score: 0.9, source: 'progress' })
  })

  it('[O3] given scores are clamped to 0..1 and non-finite ones are ignored', () => {
    const kr = keyResult()
    const scored = (self: number | null, lead: number | null) =>
      keyResultScore(workspace({ keyResults: [kr], scores: [score('k1', self, lead)] }), kr)
    expect(scored(null, 1.4)).toEqual({ score: 1, source: 'lead' })
    expect(scored(-0.2, null)).toEqual({ score: 0, source: 'self' })
    expect(scored(0.6, Number.NaN)).toEqual({ score: 0.6, source: 'self' })
  })
})

describe('objective score', () => {
  it('[O4] the objective score is the weighted mean of KR scores', () => {
    const snap = {
      ...twoKeyResults([60, 40], [100, 50]),
      scores: new Map([[krId('k1'), score('k1', 0.9, 0.7)]]),
    }
    const result = objectiveProgress(snap, objectiveId('o1'))
    // k1 by its lead score 0.7, k2 by its progress 0.5.
    expect(result.score).toBeCloseTo(0.6 * 0.7 + 0.4 * 0.5, 12)
    expect(result.keyResults.map((c) => c.scoreSource)).toEqual(['lead', 'progress'])
  })

  it('[O4] an empty objective scores 0', () => {
    expect(objectiveProgress(workspace({ objectives: [objective()] }), objectiveId('o1')).score).toBe(0)
  })
})
