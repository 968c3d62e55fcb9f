/** @module FileStorage on real files: layout, torn tails, checksums, group commit, crash states. */
import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, rmdir, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Metrics } from '../../../server/metrics.ts'
import { FileStorage } from '../../../server/storage/FileStorage.ts'
import type { FileStorageOptions } from '../../../server/storage/FileStorage.ts'
import { DirectoryInUseError, LOCK_FILE } from '../../../server/storage/DirectoryLock.ts'
import { JOURNAL_FILE } from '../../../server/storage/Journal.ts'
import { CorruptSnapshotError } from '../../../server/storage/snapshotFile.ts'
import { decodeRecords, RECORD_HEADER_BYTES } from '../../../server/storage/updateLog.ts'
import { appendEdits, editor, expectSameDoc } from './contract.ts'
import type { Editor } from './contract.ts'

let dir: string
const opened: FileStorage[] = []

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'roundtable-lowdb-'))
})
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((s) => s.close()))
  await rm(dir, { recursive: true, force: true })
})

/**
 * These tests look at the documents' log files, so every batch checkpoints at once (records reach
 * the logs); Journal.test covers records waiting in the journal.
 */
async function open(options: Partial<FileStorageOptions> = {}): Promise<FileStorage> {
  const storage = await FileStorage.open({ dir, commitWindowMs: 5, checkpointBytes: 1, ...options })
  opened.push(storage)
  return storage
}

/** The documents' files (without the journal and the lock, which all of them share). */
const files = async () => (await readdir(dir)).filter((name) => name !== JOURNAL_FILE && name !== LOCK_FILE).sort()

describe('FileStorage files', () => {
  it('keeps everything across close and reopen', async () => {
    const a = editor()
    const b = editor()
    let storage = await open()
    await appendEdits(storage, 'a', a, 10)
    await storage.compact('a', Y.encodeStateAsUpdate(a.doc))
    await appendEdits(storage, 'a', a, 4, 'after')
    await appendEdits(storage, 'b', b, 7)
    await storage.close()
    storage = await open()
    expectSameDoc(await storage.load('a'), a.doc)
    expectSameDoc(await storage.load('b'), b.doc)
    expect(await files()).toEqual(['a.1.log', 'a.json', 'b.0.log'])
  })

  it('writes the snapshot as valid JSON in the documented shape, with no temporary file left', async () => {
    const e = editor()
    const storage = await open()
    await appendEdits(storage, 'doc', e, 3)
    const state = Y.encodeStateAsUpdate(e.doc)
    await storage.compact('doc', state)
    const json = JSON.parse(await readFile(join(dir, 'doc.json'), 'utf8'))
    expect(json).toEqual({ version: 1, logGeneration: 1, state: expect.any(String), compactedAt: expect.any(String) })
    expect(Buffer.from(json.state, 'base64')).toEqual(Buffer.from(state))
    expect(Number.isNaN(Date.parse(json.compactedAt))).toBe(false)
    expect(await files()).toEqual(['doc.json'])
  })

  it('removes the logs a compaction covers', async () => {
    // An append resolves once the journal holds it; its checkpoint into the log may land just after.
    const e = editor()
    const storage = await open()
    await appendEdits(storage, 'doc', e, 3)
    await expect.poll(files).toEqual(['doc.0.log'])
    await storage.compact('doc', Y.encodeStateAsUpdate(e.doc))
    await expect.poll(files).toEqual(['doc.json'])
    await appendEdits(storage, 'doc', e, 3, 'x')
    await expect.poll(files).toEqual(['doc.1.log', 'doc.json'])
    await storage.compact('doc', Y.encodeStateAsUpdate(e.doc))
    await appendEdits(storage, 'doc', e, 1, 'y')
    await expect.poll(files).toEqual(['doc.2.log', 'doc.json'])
    expectSameDoc(await storage.load('doc'), e.doc)
  })

  it('a load while a checkpoint moves records from the journal into a log sees every record', async () => {
    const e = editor()
    const storage = await open()
    for (let i = 0; i < 30; i++) {
      // The append resolves once the journal holds the record; its batch checkpoints after that
      // (checkpointBytes 1), so this load runs while the record moves into doc.0.log.
      await storage.append('doc', e.edit((m) => m.set(`k${i}`, i)))
      expectSameDoc(await storage.load('doc'), e.doc)
    }
  })

  it('refuses document ids that are not 1-64 of [A-Za-z0-9_-]', async () => {
    const storage = await open()
    const bad = ['../x', 'a/b', '', 'x'.repeat(65), '.', 'a.b', 'a\\b', 'é', 'a\0b']
    for (const id of bad) {
      await expect(storage.load(id)).rejects.toThrow(/invalid document id/)
      await expect(storage.append(id, new Uint8Array([1]))).rejects.toThrow(/invalid document id/)
      await expect(storage.compact(id, new Uint8Array([1]))).rejects.toThrow(/invalid document id/)
      await expect(storage.delete(id)).rejects.toThrow(/invalid document id/)
    }
    await storage.append('x'.repeat(64), new Uint8Array([0, 0]))
    expect(await files()).toEqual([`${'x'.repeat(64)}.0.log`])
  })
})

describe('FileStorage update log recovery', () => {
  async function writeLog(n: number) {
    const e = editor()
    const storage = await open()
    const updates = await appendEdits(storage, 'doc', e, n)
    await storage.close()
    return { e, updates, path: join(dir, 'doc.0.log') }
  }

  it('loads every complete record before a torn tail, and appends after it survive', async () => {
    const { e, updates, path } = await writeLog(6)
    const size = (await readFile(path)).byteLength
    await truncate(path, size - 3) // the last record lost its end
    let storage = await open()
    const loaded = await storage.load('doc')
    expect(loaded.updates).toHaveLength(5)
    expect(loaded.updates.map((u) => Buffer.from(u))).toEqual(updates.slice(0, 5).map((u) => Buffer.from(u)))

    // A client still holding the lost edit would push it again; then new edits arrive.
    await storage.append('doc', updates[5] as Uint8Array)
    await appendEdits(storage, 'doc', e, 2, 'new')
    await storage.close()
    storage = await open()
    const after = await storage.load('doc')
    expect(after.updates).toHaveLength(8)
    expectSameDoc(after, e.doc)
    expect(decodeRecords(await readFile(path)).torn).toBeNull()
  })

  it.each([
    ['a short header', Buffer.from([1, 2, 3])],
    ['a header promising more than is there', Buffer.from([200, 0, 0, 0, 1, 2, 3, 4, 9, 9])],
    ['a whole record with a wrong checksum', Buffer.from([2, 0, 0, 0, 1, 2, 3, 4, 9, 9])],
  ])('stops cleanly at garbage after the last record (%s) and cuts it off on the next append', async (_, garbage) => {
    const { e, path } = await writeLog(4)
    await appendFile(path, garbage)
    const metrics = new Metrics()
    let storage = await open({ metrics })
    expectSameDoc(await storage.load('doc'), e.doc)
    await appendEdits(storage, 'doc', e, 3, 'new')
    expect(metrics.value('roundtable_storage_torn_bytes_total')).toBe(garbage.byteLength)
    await storage.close()
    storage = await open()
    const loaded = await storage.load('doc')
    expect(loaded.updates).toHaveLength(7)
    expectSameDoc(loaded, e.doc)
  })

  it('stops replay at a record whose checksum does not match', async () => {
    const { updates, path } = await writeLog(5)
    const bytes = await readFile(path)
    // Flip one payload byte of the third record.
    const third = updates.slice(0, 2).reduce((n, u) => n + RECORD_HEADER_BYTES + u.byteLength, 0)
    const at = third + RECORD_HEADER_BYTES
    bytes.writeUInt8(bytes.readUInt8(at) ^ 0xff, at)
    await writeFile(path, bytes)
    const storage = await open()
    const loaded = await storage.load('doc')
    expect(loaded.updates.map((u) => Buffer.from(u))).toEqual(updates.slice(0, 2).map((u) => Buffer.from(u)))
    expect(loaded.logBytes).toBe(third)
  })
})

describe('FileStorage group commit', () => {
  it('writes many appends of one window as one flush, and counts it', async () => {
    const metrics = new Metrics()
    const storage = await open({ commitWindowMs: 50, checkpointBytes: 1024 * 1024, metrics })
    const docs = ['a', 'b', 'c']
    const editors = docs.map(() => editor())
    const appends: Promise<void>[] = []
    for (let i = 0; i < 300; i++) {
      const at = i % docs.length
      appends.push(storage.append(docs[at] as string, (editors[at] as Editor).edit((m) => m.set(`k${i}`, i))))
    }
    await Promise.all(appends) // no flush(): the window's timer writes them
    expect(metrics.value('roundtable_storage_appends_total')).toBe(300)
    expect(metrics.value('roundtable_storage_flushes_total')).toBe(1)
    // One journal write and sync for the three documents; their logs are written at checkpoints.
    expect(metrics.value('roundtable_storage_log_fsyncs_total')).toBe(1)
    expect(metrics.value('roundtable_storage_appended_bytes_total')).toBeGreaterThan(300)
    expect(metrics.value('roundtable_storage_flush_seconds_sum')).toBeGreaterThan(0)
    for (const [at, id] of docs.entries()) expectSameDoc(await storage.load(id), (editors[at] as Editor).doc)
  })

  it('flushes on the next tick with a zero window', async () => {
    const metrics = new Metrics()
    const storage = await open({ commitWindowMs: 0, metrics })
    const e = editor()
    await Promise.all([1, 2, 3].map((i) => storage.append('doc', e.edit((m) => m.set(`k${i}`, i)))))
    expect(metrics.value('roundtable_storage_flushes_total')).toBe(1)
    await appendEdits(storage, 'doc', e, 2, 'x')
    expect(metrics.value('roundtable_storage_flushes_total')).toBe(3)
  })

  it('refuses a second storage on a directory in use, and takes over the lock of a process that died', async () => {
    const first = await open()
    await expect(FileStorage.open({ dir })).rejects.toThrow(DirectoryInUseError)
    await expect(FileStorage.open({ dir })).rejects.toThrow(/in use by process \d+/)
    await first.close()
    // A lock file naming a process that no longer runs (a kill -9) does not block a restart.
    await writeFile(join(dir, LOCK_FILE), '2147483646\n')
    const second = await open()
    await second.append('doc', editor().edit((m) => m.set('a', 1)))
  })

  it('lets only one of two storages opened at the same moment have the directory', async () => {
    const results = await Promise.allSettled([FileStorage.open({ dir }), FileStorage.open({ dir })])
    const winners = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []))
    opened.push(...winners)
    expect(winners).toHaveLength(1)
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: expect.any(DirectoryInUseError) })
  })

  it('keeps the records of a log it cannot write in the journal, checkpoints the others, and writes them once it can', async () => {
    const metrics = new Metrics()
    const storage = await open({ metrics })
    await mkdir(join(dir, 'bad.0.log')) // opening this "log" fails
    const good = editor()
    const bad = editor()
    // Durable in the journal, so acknowledged: a log that cannot be written loses nothing.
    await storage.append('bad', bad.edit((m) => m.set('a', 1)))
    await storage.append('good', good.edit((m) => m.set('a', 1)))
    expect(metrics.value('roundtable_storage_write_errors_total')).toBeGreaterThan(0)
    // The good document's log is written by the checkpoint that follows the journal write: on a
    // busy machine it may land a moment after the append resolved.
    const deadline = Date.now() + 5_000
    while ((await files()).length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(await files()).toEqual(['bad.0.log', 'good.0.log'])
    await rmdir(join(dir, 'bad.0.log'))
    expectSameDoc(await storage.load('bad'), bad.doc)
    await storage.append('bad', bad.edit((m) => m.set('b', 2)))
    await storage.close()
    const reopened = await open()
    expectSameDoc(await reopened.load('bad'), bad.doc)
    expectSameDoc(await reopened.load('good'), good.doc)
  })
})

describe('FileStorage crash states (what a crash leaves at each step of compaction)', () => {
  /** Appends A (log 0), keeps a copy of log 0, compacts, appends B (log 1), closes. */
  async function compactedWithCopy() {
    const e = editor()
    const storage = await open()
    await appendEdits(storage, 'doc', e, 5, 'a')
    await copyFile(join(dir, 'doc.0.log'), join(dir, 'copy'))
    const compaction = storage.compact('doc', Y.encodeStateAsUpdate(e.doc))
    const late = storage.append('doc', e.edit((m) => m.set('late', 1))) // lands in log 1
    await Promise.all([compaction, late])
    await appendEdits(storage, 'doc', e, 3, 'b')
    await storage.close()
    return e
  }

  it('after the switch, before the snapshot: old log and new log, no snapshot', async () => {
    const e = await compactedWithCopy()
    await rm(join(dir, 'doc.json'))
    await copyFile(join(dir, 'copy'), join(dir, 'doc.0.log'))
    await rm(join(dir, 'copy'))
    let storage = await open()
    expectSameDoc(await storage.load('doc'), e.doc)
    // Appends continue in the newest log, and the next compaction clears the old one.
    await appendEdits(storage, 'doc', e, 2, 'c')
    await storage.close()
    storage = await open()
    expectSameDoc(await storage.load('doc'), e.doc)
    await storage.compact('doc', Y.encodeStateAsUpdate(e.doc))
    expect(await files()).toEqual(['doc.json'])
    expect(JSON.parse(await readFile(join(dir, 'doc.json'), 'utf8')).logGeneration).toBe(2)
  })

  it('while writing the snapshot: a half-written temporary file is ignored', async () => {
    const e = await compactedWithCopy()
    await writeFile(join(dir, '.doc.json.tmp'), '{"version":1,"logGenera')
    const storage = await open()
    expectSameDoc(await storage.load('doc'), e.doc)
    await storage.compact('doc', Y.encodeStateAsUpdate(e.doc))
    expect(await files()).toEqual(['copy', 'doc.json'])
  })

  it('after the snapshot, before removing old logs: the covered log is ignored', async () => {
    const e = await compactedWithCopy()
    await copyFile(join(dir, 'copy'), join(dir, 'doc.0.log'))
    const storage = await open()
    const loaded = await storage.load('doc')
    expect(loaded.updates).toHaveLength(1 + 4) // snapshot + log 1 (late, b0-b2); log 0 is covered
    expectSameDoc(loaded, e.doc)
    await storage.compact('doc', Y.encodeStateAsUpdate(e.doc))
    expect(await files()).toEqual(['copy', 'doc.json'])
  })
})

describe('FileStorage unreadable snapshot', () => {
  it('refuses that document only, and never overwrites or removes the file by itself', async () => {
    const e = editor()
    const other = editor()
    let storage = await open()
    await appendEdits(storage, 'doc', e, 3)
    await storage.compact('doc', Y.encodeStateAsUpdate(e.doc))
    await appendEdits(storage, 'other', other, 3)
    await storage.close()
    const path = join(dir, 'doc.json')
    const text = await readFile(path, 'utf8')
    await writeFile(path, text.slice(0, 20)) // as if another tool truncated it

    storage = await open()
    await expect(storage.load('doc')).rejects.toThrow(CorruptSnapshotError)
    await expect(storage.load('doc')).rejects.toThrow(/doc\.json/)
    await expect(storage.append('doc', e.edit((m) => m.set('x', 1)))).rejects.toThrow(CorruptSnapshotError)
    await expect(storage.compact('doc', Y.encodeStateAsUpdate(e.doc))).rejects.toThrow(CorruptSnapshotError)
    expectSameDoc(await storage.load('other'), other.doc)
    expect(await readFile(path, 'utf8')).toBe(text.slice(0, 20))

    await writeFile(path, text) // an operator restores it: the next call works again
    expectSameDoc(await storage.load('doc'), (() => {
      const d = new Y.Doc()
      Y.applyUpdate(d, Buffer.from(JSON.parse(text).state, 'base64'))
      return d
    })())
    await storage.delete('doc')
    expect(await files()).toEqual(['other.0.log'])
  })
})
