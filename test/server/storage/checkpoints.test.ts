/** The checkpoint store contract, run against the file store and the memory store alike. */
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MemoryCheckpoints } from '../../../server/storage/CheckpointStore.ts'
import type { CheckpointStore } from '../../../server/storage/CheckpointStore.ts'
import { FileCheckpoints } from '../../../server/storage/FileCheckpoints.ts'
import { CheckpointReason } from '../../../shared/protocol/index.ts'

interface Harness {
  readonly store: CheckpointStore
  /** The same data through a new store (file only: memory keeps nothing). */
  readonly reopen?: () => CheckpointStore
  readonly cleanup: () => Promise<void>
}

const harnesses: ReadonlyArray<readonly [string, () => Promise<Harness>]> = [
  ['memory', async () => ({ store: new MemoryCheckpoints(), cleanup: async () => {} })],
  [
    'file',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'rt-checkpoints-'))
      return { store: new FileCheckpoints(dir), reopen: () => new FileCheckpoints(dir), cleanup: () => rm(dir, { recursive: true, force: true }) }
    },
  ],
]

function state(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getMap('m').set('text', text)
  return Y.encodeStateAsUpdate(doc)
}

function textOf(update: Uint8Array | null): unknown {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update!)
  return doc.getMap('m').get('text')
}

describe.each(harnesses)('%s checkpoints', (_name, make) => {
  let h: Harness
  afterEach(async () => h?.cleanup())

  it('keeps each checkpoint with its time, reason and meeting, listed oldest first', async () => {
    h = await make()
    const late = await h.store.write('ws1', 2_000, CheckpointReason.MeetingEnd, 'meet1', state('late'))
    const earlyState = state('early')
    const early = await h.store.write('ws1', 1_000, CheckpointReason.MeetingStart, 'meet1', earlyState)
    await h.store.write('ws2', 1_500, CheckpointReason.Daily, null, state('other'))
    const list = await h.store.list('ws1')
    expect(list.map((c) => [c.at, c.reason, c.meetingId])).toEqual([
      [1_000, 'meeting-start', 'meet1'],
      [2_000, 'meeting-end', 'meet1'],
    ])
    expect(list.map((c) => c.id)).toEqual([early.id, late.id])
    expect(list[0]!.bytes).toBe(earlyState.length)
    expect(textOf(await h.store.read('ws1', late.id))).toBe('late')
    expect(await h.store.read('ws1', 'nope')).toBeNull()
    expect(await h.store.read('ws3', early.id)).toBeNull()
    expect(await h.store.list('ws3')).toEqual([])
  })

  it('prunes what is older than the retention', async () => {
    h = await make()
    for (const at of [1_000, 2_000, 3_000]) await h.store.write('ws1', at, CheckpointReason.Daily, null, state(String(at)))
    expect(await h.store.prune('ws1', 2_500)).toBe(2)
    expect((await h.store.list('ws1')).map((c) => c.at)).toEqual([3_000])
  })

  it('survives a reopen (file store) and refuses ids that are not ids', async () => {
    h = await make()
    const written = await h.store.write('ws1', 5_000, CheckpointReason.Publish, null, state('kept'))
    const again = h.reopen?.() ?? h.store
    expect(textOf(await again.read('ws1', written.id))).toBe('kept')
    await expect(h.store.write('../evil', 1, CheckpointReason.Daily, null, state('x'))).rejects.toThrow()
    expect(await h.store.read('ws1', '../../etc/passwd')).toBeNull()
  })
})

describe('file checkpoints on disk', () => {
  it('are one .ydoc file per checkpoint under the workspace folder', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'rt-checkpoints-'))
    try {
      const store = new FileCheckpoints(dir)
      const info = await store.write('ws1', 7, CheckpointReason.Close, null, state('x'))
      expect(await readdir(join(dir, 'ws1'))).toEqual([`${info.id}.ydoc`])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
