/**
 * The ballot stores' one contract, run against the file and the in-memory store, then what only the
 * file promises: ballots survive a reopen, concurrent casts all land, a damaged file is refused.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { PersonId, VoteRoundId } from '../../../shared/model/index.ts'
import type { BallotStore } from '../../../server/storage/BallotStore.ts'
import { BALLOTS_FILE, FileBallotStore } from '../../../server/storage/FileBallotStore.ts'
import { MemoryBallotStore } from '../../../server/storage/MemoryBallotStore.ts'

const r1 = 'r1' as VoteRoundId
const r2 = 'r2' as VoteRoundId
const ada = 'ada' as PersonId
const bob = 'bob' as PersonId

const dirs: string[] = []
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'roundtable-ballots-'))
  dirs.push(dir)
  return dir
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

const stores: [string, () => Promise<BallotStore>][] = [
  ['MemoryBallotStore', async () => new MemoryBallotStore()],
  ['FileBallotStore', async () => FileBallotStore.open(await tempDir())],
]

describe.each(stores)('%s (contract)', (_name, open) => {
  it('keeps one ballot per person and round, the last one cast, ordered by person', async () => {
    const store = await open()
    await store.cast('w1', r1, { personId: bob, value: 3 })
    await store.cast('w1', r1, { personId: ada, value: 7 })
    await store.cast('w1', r1, { personId: bob, value: 4 })
    expect(store.ballots('w1', r1)).toEqual([
      { personId: ada, value: 7 },
      { personId: bob, value: 4 },
    ])
    await store.close()
  })

  it('keeps workspaces and rounds apart, lists a workspace rounds, and forgets a dropped round', async () => {
    const store = await open()
    await store.cast('w1', r1, { personId: ada, value: 1 })
    await store.cast('w1', r2, { personId: ada, value: 2 })
    await store.cast('w2', r1, { personId: ada, value: 9 })
    expect([...store.rounds('w1')].sort()).toEqual([r1, r2])
    await store.drop('w1', r1)
    expect(store.ballots('w1', r1)).toEqual([])
    expect(store.ballots('w1', r2)).toEqual([{ personId: ada, value: 2 }])
    expect(store.ballots('w2', r1)).toEqual([{ personId: ada, value: 9 }])
    expect(store.rounds('w1')).toEqual([r2])
    await store.drop('w1', r2)
    await store.drop('w3', r2)
    expect(store.rounds('w1')).toEqual([])
    await store.close()
  })

  it('takes ids that are object keys elsewhere without harm', async () => {
    const store = await open()
    await store.cast('__proto__', 'constructor' as VoteRoundId, { personId: '__proto__' as PersonId, value: 5 })
    expect(store.ballots('__proto__', 'constructor' as VoteRoundId)).toEqual([{ personId: '__proto__', value: 5 }])
    expect(store.ballots('w1', r1)).toEqual([])
    await store.close()
  })
})

describe('FileBallotStore', () => {
  it('ballots survive a reopen; dropped rounds do not come back', async () => {
    const dir = await tempDir()
    const store = await FileBallotStore.open(dir)
    await store.cast('w1', r1, { personId: ada, value: 7 })
    await store.cast('w1', r1, { personId: bob, value: 3 })
    await store.cast('w1', r2, { personId: bob, value: 5 })
    await store.drop('w1', r2)
    await store.close()
    const again = await FileBallotStore.open(dir)
    expect(again.ballots('w1', r1)).toEqual([
      { personId: ada, value: 7 },
      { personId: bob, value: 3 },
    ])
    expect(again.rounds('w1')).toEqual([r1])
    const file = JSON.parse(await readFile(join(dir, BALLOTS_FILE), 'utf8')) as { version: number; ballots: unknown[] }
    expect(file.version).toBe(1)
    expect(file.ballots).toHaveLength(2)
  })

  it('many casts at once all land', async () => {
    const dir = await tempDir()
    const store = await FileBallotStore.open(dir)
    const people = Array.from({ length: 40 }, (_, i) => `p${i}` as PersonId)
    await Promise.all(people.map((personId, i) => store.cast('w1', r1, { personId, value: i % 11 })))
    await store.close()
    const again = await FileBallotStore.open(dir)
    expect(again.ballots('w1', r1)).toHaveLength(40)
  })

  it('a ballot whose write fails is taken back, the earlier one kept', async () => {
    const dir = await tempDir()
    const store = await FileBallotStore.open(dir)
    await store.cast('w1', r1, { personId: ada, value: 4 })
    // The temporary file's place taken by a folder: the next write cannot happen.
    await mkdir(join(dir, `.${BALLOTS_FILE}.tmp`))
    await expect(store.cast('w1', r1, { personId: ada, value: 9 })).rejects.toThrow()
    await expect(store.cast('w1', r1, { personId: bob, value: 1 })).rejects.toThrow()
    expect(store.ballots('w1', r1)).toEqual([{ personId: ada, value: 4 }])
    await rm(join(dir, `.${BALLOTS_FILE}.tmp`), { recursive: true })
    await store.cast('w1', r1, { personId: bob, value: 2 })
    expect((await FileBallotStore.open(dir)).ballots('w1', r1)).toEqual([
      { personId: ada, value: 4 },
      { personId: bob, value: 2 },
    ])
  })

  it('starts empty without a file, refuses one that is not JSON, skips entries that are not ballots', async () => {
    const dir = await tempDir()
    expect((await FileBallotStore.open(dir)).rounds('w1')).toEqual([])
    await writeFile(join(dir, BALLOTS_FILE), '{"version":1,"ballots":[')
    await expect(FileBallotStore.open(dir)).rejects.toThrow(/not readable JSON/)
    const ok = { workspaceId: 'w1', roundId: 'r1', personId: 'ada', value: 7 }
    const junk = [null, { ...ok, value: 'x' }, { ...ok, personId: '../x' }, { ...ok, roundId: 3 }]
    await writeFile(join(dir, BALLOTS_FILE), JSON.stringify({ version: 1, ballots: [...junk, ok] }))
    expect((await FileBallotStore.open(dir)).ballots('w1', r1)).toEqual([{ personId: 'ada', value: 7 }])
  })
})
