/** The real server process refuses REDIS_URL without DATABASE_URL, in one line and exit code 1. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { startServerProcess } from '../../helpers/serverProcess.ts'

it('REDIS_URL alone stops the start with a message saying why (instances could not share documents)', async () => {
  const root = await mkdtemp(join(tmpdir(), 'roundtable-redis-alone-'))
  try {
    const started = startServerProcess(join(root, 'data'), { REDIS_URL: 'redis://127.0.0.1:6379', DATABASE_URL: '' })
    const err = (await started.then(() => null, (e: unknown) => e)) as Error | null
    expect(err?.message).toContain('Roundtable: REDIS_URL is set but DATABASE_URL is not')
    expect(err?.message).not.toMatch(/\n\s+at /)
  } finally {
    await rm(root, { recursive: true, force: true })
  }
})
