/** The activity log contract over the file and memory logs; the file one bounds itself. */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { FileActivityLog, MAX_ACTIVITY, MemoryActivityLog } from '../../../server/storage/ActivityLog.ts'
import type { ActivityLog } from '../../../server/storage/ActivityLog.ts'
import type { Activity, KeyResultId } from '../../../shared/model/index.ts'
import { migrate } from '../../../server/storage/pg/migrations.ts'
import { PgActivityLog } from '../../../server/storage/pg/PgActivityLog.ts'
import { openPool } from '../../../server/storage/pg/pgPool.ts'
import { postgresForFile } from '../../helpers/postgres.ts'

const postgres = postgresForFile(afterAll)

const entry = (i: number, targetId = 't1', keyResultId: string | null = 'kr1'): Activity => ({
  kind: 'moved',
  target: { kind: 'task', id: targetId },
  keyResultId: keyResultId as KeyResultId | null,
  detail: `step ${i}`,
  at: 1_000 + i,
  personId: null,
})

const logs: ReadonlyArray<readonly [string, () => Promise<{ log: ActivityLog; reopen?: () => ActivityLog; cleanup: () => Promise<void> }>]> = [
  ['memory', async () => ({ log: new MemoryActivityLog(), cleanup: async () => {} })],
  [
    'file',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'rt-activity-'))
      return { log: new FileActivityLog(dir), reopen: () => new FileActivityLog(dir), cleanup: () => rm(dir, { recursive: true, force: true }) }
    },
  ],
  // PostgreSQL (DATABASE_URL) when its binaries are here (or ROUNDTABLE_SCALE_TESTS=require).
  ...(postgres.skip
    ? []
    : ([
        [
          'postgres',
          async () => {
            const pool = openPool(await postgres.database('activity'))
            await migrate(pool)
            return { log: new PgActivityLog(pool), reopen: () => new PgActivityLog(pool), cleanup: () => pool.end() }
          },
        ],
      ] as const)),
]

describe.each(logs)('%s activity log', (_name, make) => {
  it('lists the newest first, about a record or a KR with its cards, and keeps it across a reopen', async () => {
    const h = await make()
    try {
      h.log.append('ws1', [entry(1), entry(2, 't2', 'kr2'), { ...entry(3), kind: 'checked-in', target: { kind: 'keyResult', id: 'kr1' } }])
      h.log.append('ws2', [entry(9)])
      expect((await h.log.list('ws1', { limit: 10 })).map((e) => e.detail)).toEqual(['step 3', 'step 2', 'step 1'])
      expect((await h.log.list('ws1', { targetId: 'kr1', limit: 10 })).map((e) => e.detail)).toEqual(['step 3', 'step 1'])
      expect((await h.log.list('ws1', { targetId: 't2', limit: 10 })).map((e) => e.detail)).toEqual(['step 2'])
      expect(await h.log.list('ws1', { limit: 1 })).toHaveLength(1)
      await h.log.flush()
      const again = h.reopen?.() ?? h.log
      expect((await again.list('ws1', { limit: 10 })).map((e) => e.detail)).toEqual(['step 3', 'step 2', 'step 1'])
      expect(() => h.log.append('../evil', [entry(1)])).toThrow()
    } finally {
      await h.cleanup()
    }
  })

  it('lists one person\'s entries, and a person\'s entries about one record', async () => {
    const h = await make()
    try {
      const by = (i: number, personId: string | null, targetId = 't1'): Activity => ({ ...entry(i, targetId), personId: personId as Activity['personId'] })
      h.log.append('ws1', [by(1, 'ada'), by(2, 'ben'), by(3, 'ada', 't2'), by(4, null)])
      expect((await h.log.list('ws1', { personId: 'ada', limit: 10 })).map((e) => e.detail)).toEqual(['step 3', 'step 1'])
      expect((await h.log.list('ws1', { personId: 'ada', targetId: 't1', limit: 10 })).map((e) => e.detail)).toEqual(['step 1'])
      expect(await h.log.list('ws1', { personId: 'cyd', limit: 10 })).toEqual([])
    } finally {
      await h.cleanup()
    }
  })
})

describe('file activity log', () => {
  it('keeps the newest MAX_ACTIVITY entries once the file holds twice that', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rt-activity-'))
    try {
      const log = new FileActivityLog(dir)
      const batch = Array.from({ length: MAX_ACTIVITY }, (_, i) => entry(i))
      log.append('ws1', batch)
      await log.flush()
      log.append('ws1', batch.map((e, i) => ({ ...e, detail: `second ${i}` })))
      await log.flush()
      log.append('ws1', [entry(-1)])
      await log.flush()
      const lines = (await readFile(join(dir, 'ws1.jsonl'), 'utf8')).trim().split('\n')
      expect(lines).toHaveLength(MAX_ACTIVITY)
      expect(JSON.parse(lines.at(-1)!).detail).toBe('step -1')
      expect(JSON.parse(lines[0]!).detail).toBe('second 1')
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
