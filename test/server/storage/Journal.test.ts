/**
 * @module The write-ahead journal behind FileStorage: documents' logs are written only at
 * checkpoints, so between them the journal alone holds what was acknowledged; it must give all of
 * it back after a crash, must not bring a deleted document back, and must stay small (checkpoints).
 */
import { appendFile, cp, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Metrics } from '../../../server/metrics.ts'
import { decodeJournal, encodeJournal, JOURNAL_FILE, replayPlan } from '../../../server/storage/Journal.ts'
import { FileStorage } from '../../../server/storage/FileStorage.ts'
import type { FileStorageOptions } from '../../../server/storage/FileStorage.ts'
import { encodeRecords } from '../../../server/storage/updateLog.ts'
import { appendEdits, editor, expectSameDoc } from './contract.ts'

let root: string
const opened: FileStorage[] = []

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'roundtable-journal-'))
})
afterEach(async () => {
  await Promise.allSettled(opened.splice(0).map((s) => s.close()))
  await rm(root, { recursive: true, force: true })
})

async function open(dir: string, options: Partial<FileStorageOptions> = {}): Promise<FileStorage> {
  const storage = await FileStorage.open({ dir, commitWindowMs: 5, ...options })
  opened.push(storage)
  return storage
}

/**
 * The directory as a power loss would leave it while `storage` runs: a copy taken without closing,
 * so the journal holds everything since the last checkpoint.
 */
async function crashCopy(from: string): Promise<string> {
  const to = join(root, `crash-${Math.random().toString(36).slice(2)}`)
  await cp(from, to, { recursive: true })
  return to
}

describe('FileStorage journal', () => {
  it('gives back every acknowledged update after a crash: the journal is replayed into the logs', async () => {
    const dir = join(root, 'live')
    const storage = await open(dir, { checkpointBytes: 1024 * 1024 })
    const a = editor()
    const b = editor()
    await appendEdits(storage, 'a', a, 20)
    await appendEdits(storage, 'b', b, 5)
    // Between checkpoints the records are in the journal (and in memory), not in the logs.
    expect((await readdir(dir)).filter((name) => name.endsWith('.log'))).toEqual([JOURNAL_FILE])
    const crashed = await crashCopy(dir)
    const metrics = new Metrics()
    const reopened = await open(crashed, { metrics })
    expectSameDoc(await reopened.load('a'), a.doc)
    expectSameDoc(await reopened.load('b'), b.doc)
    expect(metrics.value('roundtable_storage_journal_replayed_total')).toBe(25)
    expect((await stat(join(crashed, JOURNAL_FILE))).size).toBe(0)
    expect((await readdir(crashed)).sort()).toEqual(['LOCK', 'a.0.log', 'b.0.log', JOURNAL_FILE])
  })

  it('a crash half-way through a checkpoint: the torn log tail is cut off and the journal replayed', async () => {
    const dir = join(root, 'live')
    const storage = await open(dir, { checkpointBytes: 1024 * 1024 })
    const a = editor()
    await appendEdits(storage, 'a', a, 6)
    const crashed = await crashCopy(dir)
    // The checkpoint had written part of a record to the log when the power went.
    const partial = encodeRecords([editor().edit((m) => m.set('never', 1))])
    await writeFile(join(crashed, 'a.0.log'), partial.subarray(0, partial.length - 2))
    const metrics = new Metrics()
    const reopened = await open(crashed, { metrics })
    const loaded = await reopened.load('a')
    expect(loaded.updates).toHaveLength(6)
    expectSameDoc(loaded, a.doc)
    expect(metrics.value('roundtable_storage_torn_bytes_total')).toBe(partial.length - 2)
  })

  it('syncs one journal per group commit, whatever the number of documents', async () => {
    const metrics = new Metrics()
    const storage = await open(join(root, 'live'), { commitWindowMs: 50, metrics })
    const editors = Array.from({ length: 20 }, () => editor())
    await Promise.all(editors.map((e, i) => storage.append(`doc${i}`, e.edit((m) => m.set('k', i)))))
    expect(metrics.value('roundtable_storage_flushes_total')).toBe(1)
    expect(metrics.value('roundtable_storage_log_fsyncs_total')).toBe(1)
  })

  it('checkpoints once the journal passes checkpointBytes: the logs are synced and the journal emptied', async () => {
    const metrics = new Metrics()
    const dir = join(root, 'live')
    const storage = await open(dir, { checkpointBytes: 200, metrics })
    const a = editor()
    await appendEdits(storage, 'a', a, 30)
    expect(metrics.value('roundtable_storage_checkpoints_total')).toBeGreaterThan(0)
    expect((await stat(join(dir, JOURNAL_FILE))).size).toBeLessThan(400)
    // What a checkpoint emptied out of the journal is in the synced log: a crash now loses nothing.
    const crashed = await crashCopy(dir)
    expectSameDoc(await (await open(crashed)).load('a'), a.doc)
  })

  it('a clean close leaves an empty journal', async () => {
    const dir = join(root, 'live')
    const storage = await open(dir, { checkpointBytes: 1024 * 1024 })
    await appendEdits(storage, 'a', editor(), 5)
    expect((await stat(join(dir, JOURNAL_FILE))).size).toBeGreaterThan(0)
    await storage.close()
    expect((await stat(join(dir, JOURNAL_FILE))).size).toBe(0)
  })

  it('does not bring a deleted document back, and keeps what was written after its deletion', async () => {
    const dir = join(root, 'live')
    const storage = await open(dir, { checkpointBytes: 1024 * 1024 })
    await appendEdits(storage, 'gone', editor(), 5)
    await storage.delete('gone')
    const again = editor()
    await appendEdits(storage, 'gone', again, 3, 'new')
    const crashed = await crashCopy(dir)
    const reopened = await open(crashed)
    expectSameDoc(await reopened.load('gone'), again.doc)
  })

  it('finishes a deletion that a crash interrupted after its tombstone', async () => {
    const dir = join(root, 'live')
    const storage = await open(dir, { checkpointBytes: 1024 * 1024 })
    await appendEdits(storage, 'gone', editor(), 5)
    await storage.compact('gone', editor().edit((m) => m.set('x', 1)))
    const crashed = await crashCopy(dir)
    // The tombstone reached the journal, the crash came before the files were removed.
    await appendFile(join(crashed, JOURNAL_FILE), encodeJournal([{ docId: 'gone', update: null }]))
    const reopened = await open(crashed)
    expect((await readdir(crashed)).filter((name) => name.startsWith('gone'))).toEqual([])
    expect((await reopened.load('gone')).updates).toEqual([])
  })

  it('replays every whole record before a torn tail of the journal', async () => {
    const dir = join(root, 'live')
    const storage = await open(dir, { checkpointBytes: 1024 * 1024 })
    const a = editor()
    await appendEdits(storage, 'a', a, 4)
    const crashed = await crashCopy(dir)
    const torn = encodeJournal([{ docId: 'a', update: editor().edit((m) => m.set('never', 1)) }])
    await appendFile(join(crashed, JOURNAL_FILE), torn.subarray(0, torn.length - 3))
    expectSameDoc(await (await open(crashed)).load('a'), a.doc)
  })
})

describe('journal records', () => {
  it('round-trip updates and tombstones, and a tombstone voids what came before it', () => {
    const u1 = new Uint8Array([1, 2, 3])
    const u2 = new Uint8Array([4])
    const u3 = new Uint8Array([5, 6])
    const entries = [
      { docId: 'a', update: u1 },
      { docId: 'b', update: u2 },
      { docId: 'a', update: null },
      { docId: 'a', update: u3 },
    ]
    const decoded = decodeJournal(encodeJournal(entries))
    expect(decoded).toEqual(entries)
    const plan = replayPlan(decoded)
    expect(plan.get('a')).toEqual({ deleted: true, updates: [u3] })
    expect(plan.get('b')).toEqual({ deleted: false, updates: [u2] })
  })

  it('writes each entry as a log record of [kind][id length][id][update]', () => {
    const update = new Uint8Array([7, 8, 9])
    const bytes = encodeJournal([
      { docId: 'doc-1', update },
      { docId: 'x', update: null },
    ])
    const id = new TextEncoder().encode('doc-1')
    expect(bytes).toEqual(encodeRecords([new Uint8Array([1, id.length, ...id, ...update]), new Uint8Array([2, 1, 'x'.charCodeAt(0)])]))
  })
})
