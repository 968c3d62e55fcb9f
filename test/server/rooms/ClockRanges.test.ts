/** ClockRanges: a set of item ids as merged clock ranges per client, checked against a plain set. */
import { describe, expect, it } from 'vitest'
import { ClockRanges } from '../../../server/rooms/ClockRanges.ts'
import { seededRandom } from '../../helpers/random.ts'

describe('ClockRanges', () => {
  it('answers like a set of every clock added, ranges merged', () => {
    const random = seededRandom(7)
    for (let round = 0; round < 50; round++) {
      const ranges = new ClockRanges()
      const plain = new Set<string>()
      for (let i = 0; i < 30; i++) {
        const client = random.int(3)
        const clock = random.int(200)
        const length = 1 + random.int(random.bool(0.2) ? 40 : 3)
        ranges.add(client, clock, length)
        for (let c = clock; c < clock + length; c++) plain.add(`${client}:${c}`)
      }
      for (let client = 0; client < 4; client++) {
        for (let clock = 0; clock < 260; clock++) {
          const length = 1 + random.int(5)
          let expected = false
          for (let c = clock; c < clock + length; c++) expected ||= plain.has(`${client}:${c}`)
          expect(ranges.overlaps(client, clock, length), `${client}:${clock}+${length}`).toBe(expected)
        }
      }
    }
  })

  it('merges touching and overlapping ranges', () => {
    const ranges = new ClockRanges()
    ranges.add(1, 10, 2)
    ranges.add(1, 14, 2)
    ranges.add(1, 12, 2)
    expect(ranges.size).toBe(1)
    ranges.add(1, 0, 1)
    ranges.add(1, 30, 5)
    ranges.add(1, 11, 20)
    expect(ranges.size).toBe(2)
    expect(ranges.overlaps(1, 1, 9)).toBe(false)
    expect(ranges.overlaps(1, 34, 1)).toBe(true)
    expect(ranges.overlaps(1, 35, 1)).toBe(false)
    expect(ranges.overlaps(2, 10, 1)).toBe(false)
  })
})
