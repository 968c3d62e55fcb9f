/** @module The DocStorage contract against PgStorage on a real, throwaway PostgreSQL server. */
import pg from 'pg'
import { afterAll, describe } from 'vitest'
import { migrate } from '../../../server/storage/pg/migrations.ts'
import { PgStorage } from '../../../server/storage/pg/PgStorage.ts'
import type { DocStorage } from '../../../server/storage/DocStorage.ts'
import { postgresForFile } from '../../helpers/postgres.ts'
import { describeStorageContract } from './contract.ts'

const postgres = postgresForFile(afterAll)

describe.skipIf(postgres.skip)('PostgreSQL', () => {
  describeStorageContract('PgStorage', async () => {
    const pool = new pg.Pool({ connectionString: await postgres.database('contract') })
    pool.on('error', () => {})
    await migrate(pool)
    const opened: DocStorage[] = []
    const open = async () => {
      const storage = new PgStorage({ pool, commitWindowMs: 5 })
      opened.push(storage)
      return storage
    }
    return {
      storage: await open(),
      reopen: open,
      cleanup: async () => {
        await Promise.allSettled(opened.map((s) => s.close()))
        await pool.end()
      },
    }
  })
})
