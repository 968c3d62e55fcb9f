import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  createTask,
  createUndoHistory,
  moveTask,
  openSession,
  snapshot,
  subscribe,
  updateObjective,
} from '../../../shared/doc/index.ts'
import type { ChangeEvent } from '../../../shared/doc/index.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

function peerOf(doc: Y.Doc): Y.Doc {
  const peer = new Y.Doc()
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(doc))
  doc.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(peer, u, 'peer'))
  peer.on('update', (u: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(doc, u, 'peer'))
  return peer
}

describe('subscribe', () => {
  it('fires once per changing transaction and tells local from remote', () => {
    const w = buildWorkspace()
    const peer = peerOf(w.doc)
    const events: ChangeEvent[] = []
    const stop = subscribe(w.doc, (e) => events.push(e))
    createTask(w.s, { title: 'Mine', columnId: 'todo', keyResultId: w.krA })
    createTask(openSession(peer), { title: 'Theirs', columnId: 'todo', keyResultId: w.krA })
    w.doc.transact(() => {}, 'nothing')
    expect(events).toEqual([
      { origin: w.s.origin, local: true },
      { origin: null, local: false },
    ])
    stop()
    createTask(w.s, { title: 'Unheard', columnId: 'todo', keyResultId: w.krA })
    expect(events).toHaveLength(2)
    expect(snapshot(w.doc).tasks.size).toBe(3)
  })
})

describe('undo history', () => {
  it('undoes and redoes only this session’s own changes', () => {
    const w = buildWorkspace()
    const peer = peerOf(w.doc)
    const history = createUndoHistory(w.s, { captureTimeout: 0 })
    const task = createTask(w.s, { title: 'Mine', columnId: 'todo', keyResultId: w.krA })
    moveTask(w.s, { taskId: task, columnId: 'doing', keyResultId: w.krA, index: 0 })
    updateObjective(openSession(peer), w.objectiveId, { title: 'Edited by a peer' })
    expect(history.canUndo()).toBe(true)
    history.undo()
    expect(snapshot(w.doc).tasks.get(task)?.placement.columnId).toBe('todo')
    expect(snapshot(peer).tasks.get(task)?.placement.columnId).toBe('todo')
    history.undo()
    expect(snapshot(w.doc).tasks.has(task)).toBe(false)
    expect(history.undo()).toBe(false)
    expect(snapshot(w.doc).objectives.get(w.objectiveId)?.title).toBe('Edited by a peer')
    history.redo()
    history.redo()
    expect(snapshot(w.doc).tasks.get(task)?.placement.columnId).toBe('doing')
    history.destroy()
  })

  it('notifies when undo becomes possible', () => {
    const w = buildWorkspace()
    const history = createUndoHistory(w.s)
    let calls = 0
    history.subscribe(() => calls++)
    createTask(w.s, { title: 'One', columnId: 'todo', keyResultId: w.krA })
    expect(calls).toBeGreaterThan(0)
    expect(history.canUndo()).toBe(true)
  })
})
