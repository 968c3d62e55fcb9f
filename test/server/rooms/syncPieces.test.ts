import * as decoding from 'lib0/decoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MessageType, SyncStep } from '../../../shared/protocol/index.ts'
import { SYNC_PIECE_BYTES } from '../../../server/rooms/encode.ts'
import { syncPieces } from '../../../shared/doc/syncPieces.ts'
import { exchange, harness } from './harness.ts'

/** A board-like document: `n` task maps with titles, some retitled by typing, some deleted. */
function board(n: number, clientID = 7): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  const tasks = doc.getMap<Y.Map<unknown>>('tasks')
  for (let i = 0; i < n; i++) {
    const task = new Y.Map<unknown>()
    const title = new Y.Text(`Task ${i}: follow up on item ${i}`)
    task.set('title', title)
    task.set('column', 'todo')
    tasks.set(`task-${i}`, task)
    if (i % 7 === 0) title.delete(0, 5)
    if (i % 5 === 0) task.set('column', 'done')
  }
  for (let i = 0; i < n; i += 11) tasks.delete(`task-${i}`)
  return doc
}

const json = (doc: Y.Doc) => doc.getMap('tasks').toJSON()

describe('syncPieces', () => {
  it('cuts a large document into updates that rebuild it in order, each about the asked size', () => {
    const source = board(600)
    const full = Y.encodeStateAsUpdate(source)
    const { pieces, reached } = syncPieces(source, Y.encodeStateVector(new Y.Doc()), 4_000)
    expect(pieces.length).toBeGreaterThan(full.length / 8_000)
    for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeLessThan(8_000)
    const peer = new Y.Doc()
    for (const piece of pieces) {
      Y.applyUpdate(peer, piece)
      // One writer: every piece integrates at once, nothing waits for a later one.
      expect(peer.store.pendingStructs).toBeNull()
      expect(peer.store.pendingDs).toBeNull()
    }
    // The deletions travel with their pieces: no deleted task or typed-over text before the end.
    expect(json(peer)).toEqual(json(source))
    expect(reached).toEqual(Y.encodeStateVector(source))
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(source, reached))
    expect(Y.encodeStateAsUpdate(peer)).toEqual(full)
  })

  it('sends only what the peer lacks, from the middle of a struct too, with two writers', () => {
    const source = board(300)
    const peer = new Y.Doc()
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(source))
    const other = new Y.Doc()
    other.clientID = 3
    Y.applyUpdate(other, Y.encodeStateAsUpdate(source))
    const tasks = other.getMap<Y.Map<unknown>>('tasks')
    for (let i = 1; i < 300; i += 3) (tasks.get(`task-${i}`)?.get('title') as Y.Text | undefined)?.insert(2, 'x'.repeat(40))
    Y.applyUpdate(source, Y.encodeStateAsUpdate(other))
    const tail = source.getMap<Y.Map<unknown>>('tasks').get('task-2')!.get('title') as Y.Text
    tail.insert(tail.length, ' and more'.repeat(300))
    const { pieces, reached } = syncPieces(source, Y.encodeStateVector(peer), 2_000)
    expect(pieces.length).toBeGreaterThan(1)
    expect(pieces.reduce((n, p) => n + p.length, 0)).toBeLessThan(Y.encodeStateAsUpdate(source).length / 2)
    for (const piece of pieces) Y.applyUpdate(peer, piece)
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(source, reached))
    expect(json(peer)).toEqual(json(source))
    expect(Y.encodeStateVector(peer)).toEqual(Y.encodeStateVector(source))
  })

  it('leaves a document that fits in one piece whole', () => {
    const source = board(20)
    const empty = Y.encodeStateVector(new Y.Doc())
    expect(syncPieces(source, empty, 64_000)).toEqual({ pieces: [], reached: empty })
    expect(syncPieces(source, Y.encodeStateVector(source), 10).pieces).toEqual([])
  })
})

describe('a room answers a late joiner of a large board in pieces', () => {
  it('sends updates of about SYNC_PIECE_BYTES, then sync step 2; the joiner holds the board once synced', async () => {
    const h = harness()
    try {
      const writer = h.client('w1')
      await exchange(writer)
      Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(board(3_000)))
      await exchange(writer)
      const late = h.client('w1')
      await exchange(writer, late)
      const answer = late.received.map((frame) => {
        const decoder = decoding.createDecoder(frame)
        const type = decoding.readVarUint(decoder)
        return { type, step: type === MessageType.Sync ? decoding.readVarUint(decoder) : null, bytes: frame.length }
      })
      const firstStep2 = answer.findIndex((m) => m.step === SyncStep.Step2)
      const pieces = answer.slice(0, firstStep2).filter((m) => m.step === SyncStep.Update)
      expect(pieces.length).toBeGreaterThan(1)
      for (const piece of pieces.slice(0, -1)) expect(piece.bytes).toBeLessThan(2 * SYNC_PIECE_BYTES)
      expect(late.synced).toBe(true)
      expect(json(late.doc)).toEqual(json(writer.doc))
      expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(writer.doc))
    } finally {
      await h.dispose()
    }
  })
})
