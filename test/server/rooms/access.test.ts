/** A viewer watches everything live, but its writes never reach the document. */
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { CloseCode, Role } from '../../../shared/protocol/index.ts'
import { RefuseReason } from '../../../server/rooms/refusal.ts'
import { RoomMetricName } from '../../../server/rooms/roomMetrics.ts'
import { exchange, harness, step2Message, text, updateMessage } from './harness.ts'
import type { Harness } from './harness.ts'

let h: Harness
afterEach(async () => {
  await h.dispose()
})

describe('viewers', () => {
  it('receive the document and every change live', async () => {
    h = harness()
    const editor = h.client('w1')
    await exchange(editor)
    editor.doc.getText('t').insert(0, 'agenda')
    await exchange(editor)
    const viewer = h.client('w1', { role: Role.Viewer })
    await exchange(editor, viewer)
    expect(text(viewer.doc)).toBe('agenda')
    editor.doc.getText('t').insert(6, ' item')
    await exchange(editor, viewer)
    expect(text(viewer.doc)).toBe('agenda item')
    // Its client's empty step 2 on connect was accepted silently.
    expect(viewer.closeCode).toBeNull()
  })

  it('an update from a viewer closes it with 4403 and the document does not change', async () => {
    h = harness()
    const editor = h.client('w1')
    const viewer = h.client('w1', { role: Role.Viewer })
    await exchange(editor, viewer)
    viewer.doc.getText('t').insert(0, 'vandalism')
    await exchange(editor, viewer)
    expect(viewer.closeCode).toBe(CloseCode.Forbidden)
    expect(text(editor.doc)).toBe('')
    expect(text(await h.storage.stored('w1'))).toBe('')
    expect(h.metrics.value(RoomMetricName.Refused, { reason: RefuseReason.ViewerWrite })).toBe(1)
    // The editor keeps working.
    editor.doc.getText('t').insert(0, 'fine')
    await exchange(editor)
    expect(text(await h.storage.stored('w1'))).toBe('fine')
  })

  it('an empty update from a viewer is accepted silently', async () => {
    h = harness()
    const viewer = h.client('w1', { role: Role.Viewer })
    await exchange(viewer)
    viewer.send(updateMessage(Y.encodeStateAsUpdate(new Y.Doc())))
    await exchange(viewer)
    expect(viewer.closeCode).toBeNull()
  })

  it("a viewer's non-empty sync step 2 is dropped without closing it", async () => {
    h = harness()
    const editor = h.client('w1')
    await exchange(editor)
    // A viewer whose cached doc holds something the server does not have.
    const viewer = h.client('w1', { role: Role.Viewer, open: false })
    Y.applyUpdate(viewer.doc, Y.encodeStateAsUpdate(docWith('cached')), viewer) // from its cache: not sent
    viewer.open()
    await exchange(editor, viewer)
    expect(viewer.closeCode).toBeNull()
    expect(text(editor.doc)).toBe('')
    expect(h.metrics.value(RoomMetricName.Refused, { reason: RefuseReason.ViewerSyncStep2 })).toBe(1)
    // ... and it keeps receiving changes.
    editor.doc.getText('t').insert(0, 'live ')
    await exchange(editor, viewer)
    expect(text(viewer.doc)).toMatch(/live /)
  })

  it('an owner writes like an editor', async () => {
    h = harness()
    const owner = h.client('w1', { role: Role.Owner })
    await exchange(owner)
    owner.send(step2Message(Y.encodeStateAsUpdate(docWith('owned'))))
    await exchange(owner)
    expect(text(owner.doc)).toBe('owned')
  })
})

function docWith(content: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, content)
  return doc
}
