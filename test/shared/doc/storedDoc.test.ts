/** A checkpoint's state as a document of its own: it reads as the workspace did then, whatever the live one does after. */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { checkIn, readSnapshot, snapshot } from '../../../shared/doc/index.ts'
import { storedDoc } from '../../../shared/doc/storedDoc.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

describe('storedDoc', () => {
  it('holds the stored state, read with the live readers, and stays as it was when the live document moves on', () => {
    const w = buildWorkspace()
    checkIn(w.s, { keyResultId: w.krA, value: 25, confidence: 6 })
    const stored = Y.encodeStateAsUpdate(w.doc)
    const then = readSnapshot(w.doc)
    checkIn(w.s, { keyResultId: w.krA, value: 35, confidence: 8 })

    const past = storedDoc(stored)
    expect(snapshot(past)).toEqual(then)
    expect([...snapshot(past).checkIns.values()].map((c) => c.value)).toEqual([25])
    expect([...snapshot(w.doc).checkIns.values()].map((c) => c.value).sort()).toEqual([25, 35])
  })
})
