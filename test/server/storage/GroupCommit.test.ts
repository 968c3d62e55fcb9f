import { afterEach, describe, expect, it, vi } from 'vitest'
import { GroupCommit } from '../../../server/storage/GroupCommit.ts'

afterEach(() => vi.useRealTimers())

describe('GroupCommit', () => {
  it('writes everything added in one window as one batch', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const batches: number[][] = []
    const commit = new GroupCommit<number>(100, async (batch) => {
      batches.push(batch.map((q) => q.item))
      for (const q of batch) q.resolve()
    })
    const done = [1, 2, 3].map((n) => commit.add(n))
    await vi.advanceTimersByTimeAsync(100)
    await Promise.all(done)
    expect(batches).toEqual([[1, 2, 3]])
  })

  it('starts a batch early by the time writes take, so an item is written within the window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] })
    const WRITE_MS = 30
    const commit = new GroupCommit<number>(100, async (batch) => {
      await new Promise((resolve) => setTimeout(resolve, WRITE_MS))
      for (const q of batch) q.resolve()
    })
    // The first batch teaches it how long a write takes.
    const first = commit.add(1)
    await vi.advanceTimersByTimeAsync(200)
    await first
    let written = false
    void commit.add(2).then(() => (written = true))
    await vi.advanceTimersByTimeAsync(99)
    expect(written).toBe(true)
  })
})
