/** @module Runs the DocStorage contract against every implementation. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { DocStorage } from '../../../server/storage/DocStorage.ts'
import { FileStorage } from '../../../server/storage/FileStorage.ts'
import { MemoryStorage } from '../../../server/storage/MemoryStorage.ts'
import { describeStorageContract } from './contract.ts'

describeStorageContract('MemoryStorage', async () => {
  const storage = new MemoryStorage()
  return { storage, cleanup: () => storage.close() }
})

describeStorageContract('FileStorage', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'roundtable-contract-'))
  const opened: DocStorage[] = []
  const open = async () => {
    const storage = await FileStorage.open({ dir, commitWindowMs: 5 })
    opened.push(storage)
    return storage
  }
  return {
    storage: await open(),
    reopen: open,
    cleanup: async () => {
      await Promise.allSettled(opened.map((s) => s.close()))
      await rm(dir, { recursive: true, force: true })
    },
  }
})
