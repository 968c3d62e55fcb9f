/** TokenBucket: a steady rate with a bounded burst, on an injected clock. */
import { describe, expect, it } from 'vitest'
import { TokenBucket } from '../../../server/rooms/TokenBucket.ts'

describe('TokenBucket', () => {
  it('allows a full burst, then the rate', () => {
    let now = 0
    const bucket = new TokenBucket(10, 20, () => now)
    for (let i = 0; i < 20; i++) expect(bucket.take(1)).toBe(true)
    expect(bucket.take(1)).toBe(false)
    now += 100
    expect(bucket.take(1)).toBe(true)
    expect(bucket.take(1)).toBe(false)
  })

  it('never holds more than its capacity, and takes nothing when refusing', () => {
    let now = 0
    const bucket = new TokenBucket(1000, 100, () => now)
    now += 60_000
    expect(bucket.take(101)).toBe(false)
    expect(bucket.take(100)).toBe(true)
  })

  it('survives a clock that steps back', () => {
    let now = 1000
    const bucket = new TokenBucket(1, 1, () => now)
    expect(bucket.take(1)).toBe(true)
    now = 0
    expect(bucket.take(1)).toBe(false)
    now = 1000
    expect(bucket.take(1)).toBe(true)
  })
})
