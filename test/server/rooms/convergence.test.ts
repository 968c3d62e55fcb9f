/**
 * Honest clients never trip a check: three replicas make random edits of every kind (shared/doc
 * commands, rich text, nested types, deletions), hear from the room at random moments, drop and
 * reconnect with offline edits, and must all end with the server's exact state.
 */
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { createTask, moveTask, openSession, updateObjective } from '../../../shared/doc/index.ts'
import { RoomMetricName } from '../../../server/rooms/roomMetrics.ts'
import { seededIds, seededRandom } from '../../helpers/random.ts'
import type { Random } from '../../helpers/random.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'
import { exchange, harness, turn } from './harness.ts'
import type { FakeClient, Harness } from './harness.ts'

let h: Harness
afterEach(async () => {
  await h.dispose()
})

const COLUMNS = ['todo', 'doing', 'done']

function randomEdit(client: FakeClient, random: Random, ids: () => string, fixture: ReturnType<typeof buildWorkspace>): void {
  const doc = client.doc
  const s = openSession(doc, { newId: ids })
  switch (random.int(6)) {
    case 0: {
      const id = createTask(s, { title: random.word(), keyResultId: fixture.krA, columnId: random.pick(COLUMNS) })
      if (random.bool()) moveTask(s, { taskId: id, columnId: random.pick(COLUMNS), keyResultId: fixture.krB, index: 0 })
      break
    }
    case 1:
      updateObjective(s, fixture.objectiveId, { title: `Objective ${random.word(4)}` })
      break
    case 2: {
      const t = doc.getText('notes')
      t.insert(random.int(t.length + 1), `${random.word(3)} `, random.bool(0.3) ? { bold: true } : undefined)
      if (t.length > 6 && random.bool()) t.delete(random.int(t.length - 3), 3)
      if (random.bool(0.2)) t.insertEmbed(random.int(t.length + 1), { image: random.word() })
      if (t.length > 4 && random.bool(0.3)) t.format(random.int(t.length - 2), 2, { italic: random.bool() ? true : null })
      if (random.bool(0.2)) {
        const xml = doc.getXmlFragment('xml')
        const p = new Y.XmlElement('p')
        xml.insert(random.int(xml.length + 1), [p])
        p.insert(0, [new Y.XmlText(random.word())])
        p.setAttribute('class', random.word(2))
        if (xml.length > 3) xml.delete(0, 1)
      }
      break
    }
    case 3: {
      const a = doc.getArray<unknown>('list')
      a.insert(random.int(a.length + 1), [random.int(100), { nested: [random.word()] }, new Uint8Array([1])])
      if (random.bool(0.3)) {
        const m = new Y.Map<unknown>()
        a.insert(0, [m])
        m.set('inner', new Y.Text(random.word()))
      }
      if (a.length > 4 && random.bool()) a.delete(random.int(a.length - 2), 2)
      break
    }
    case 4: {
      const m = doc.getMap<unknown>('kv')
      m.set(random.word(1), random.bool() ? random.word() : { n: random.int(9) })
      if (m.size > 2 && random.bool(0.3)) m.delete(random.pick([...m.keys()]))
      break
    }
    default: {
      const list = doc.getArray<unknown>('list')
      const maps = list.toArray().filter((v): v is Y.Map<unknown> => v instanceof Y.Map)
      if (maps.length > 0) {
        const text = random.pick(maps).get('inner')
        if (text instanceof Y.Text) text.insert(0, random.word(2))
      } else if (list.length > 0) list.delete(0, 1)
    }
  }
}

describe('honest replicas', () => {
  it.each([1, 2, 3, 4, 5])('converge with the room through random edits, delays and reconnects (seed %i)', async (seed) => {
    h = harness()
    const random = seededRandom(seed)
    const fixture = buildWorkspace()
    await h.storage.inner.append('w1', Y.encodeStateAsUpdate(fixture.doc))
    let clients = [h.client('w1'), h.client('w1'), h.client('w1')]
    await exchange(...clients)
    const idGens = clients.map((_, i) => seededIds(random, `c${i}`))

    for (let round = 0; round < 60; round++) {
      const i = random.int(clients.length)
      const client = clients[i]!
      const edits = 1 + random.int(3)
      for (let e = 0; e < edits; e++) randomEdit(client, random, idGens[i]!, fixture)
      if (random.bool(0.1)) {
        // Drop, edit offline, come back with the same document.
        client.disconnect()
        randomEdit(client, random, idGens[i]!, fixture)
        await turn()
        clients = clients.map((c) => (c === client ? h.client('w1', { doc: client.doc }) : c))
      }
      // Only some replicas hear from the room this round.
      await turn()
      for (const c of clients) if (random.bool(0.6)) c.pump()
    }
    await exchange(...clients)

    for (const c of clients) expect(c.closeCode).toBeNull()
    // Only dropped parts that a resync brought back: edits typed on a reconnect before the
    // offline edits they build on had reached the room.
    const refused = h.metrics.render().split('\n').filter((l) => l.startsWith('roundtable_refused'))
    expect(refused.filter((l) => !l.includes('missing_dependency'))).toEqual([])
    expect(h.logs).toEqual([])
    const server = await h.rooms.withDoc('w1', (doc) => Y.encodeStateVector(doc))
    for (const c of clients) expect(Y.encodeStateVector(c.doc)).toEqual(server)
    const json = (doc: Y.Doc) => ({
      notes: doc.getText('notes').toDelta(),
      list: doc.getArray('list').toJSON(),
      kv: doc.getMap('kv').toJSON(),
      tasks: doc.getMap('tasks').toJSON(),
      xml: doc.getXmlFragment('xml').toString(),
    })
    for (const c of clients.slice(1)) expect(json(c.doc)).toEqual(json(clients[0]!.doc))
    expect(h.metrics.value(RoomMetricName.UpdatesIn)).toBeGreaterThan(60)
  })
})
