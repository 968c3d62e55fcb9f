/**
 * Hand-crafted updates that pass validateUpdate but point at random existing items (origins in
 * one list, right origins in another, parents that are not types, map keys on lists...). Yjs
 * trusts its peers; the room must stay encodable and syncable whatever such an editor sends.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { Root, createTask, openSession, snapshot, updateObjective } from '../../../shared/doc/index.ts'
import { validateUpdate } from '../../../shared/protocol/validateUpdate.ts'
import { seededRandom } from '../../helpers/random.ts'
import type { Random } from '../../helpers/random.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'
import { CloseCode } from '../../../shared/protocol/index.ts'
import { exchange, harness, step2Message, updateMessage } from './harness.ts'
import type { Harness } from './harness.ts'

let h: Harness
afterEach(async () => {
  await h.dispose()
})

const ROOTS = [...Object.values(Root), 'junk']

interface Ref {
  readonly client: number
  readonly clock: number
}

/** A random id inside a random struct of `doc`. */
function existingId(doc: Y.Doc, random: Random): Ref {
  const [client, structs] = random.pick([...doc.store.clients.entries()])
  const struct = random.pick(structs)
  return { client, clock: struct.id.clock + random.int(struct.length) }
}

const CONTENT_REFS = [1, 3, 4, 5, 6, 7, 8]

function writeContent(e: encoding.Encoder, ref: number, random: Random): void {
  switch (ref) {
    case 1:
      encoding.writeVarUint(e, 1 + random.int(3))
      break
    case 3:
      encoding.writeVarUint8Array(e, Uint8Array.of(1, 2))
      break
    case 4:
      encoding.writeVarString(e, random.pick(['a', 'xy', '😀']))
      break
    case 5:
      encoding.writeVarString(e, '{"e":1}')
      break
    case 6:
      encoding.writeVarString(e, 'bold')
      encoding.writeVarString(e, random.pick(['true', 'null']))
      break
    case 7: {
      const typeRef = random.int(7)
      encoding.writeVarUint(e, typeRef)
      if (typeRef === 3 || typeRef === 5) encoding.writeVarString(e, 'p')
      break
    }
    default:
      encoding.writeVarUint(e, 1)
      encoding.writeAny(e, random.pick([1, 'a', null, { k: 1 }, [1]]))
  }
}

/** An update of 1-4 items by one client whose neighbours and parents are random existing ids. */
function craftedUpdate(doc: Y.Doc, random: Random): Uint8Array {
  const e = encoding.createEncoder()
  const client = random.bool() ? random.pick([...doc.store.clients.keys()]) : 7_000 + random.int(3)
  const start = Y.getState(doc.store, client)
  const count = 1 + random.int(4)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, count)
  encoding.writeVarUint(e, client)
  encoding.writeVarUint(e, start)
  const older = (): Ref => {
    const id = existingId(doc, random)
    return id.client === client ? { client, clock: Math.max(0, Math.min(id.clock, start - 1)) } : id
  }
  for (let i = 0; i < count; i++) {
    const hasOrigin = random.bool(0.6)
    const hasRight = random.bool(0.4)
    const withKey = !hasOrigin && !hasRight && random.bool(0.4)
    const ref = random.pick(CONTENT_REFS)
    encoding.writeUint8(e, (hasOrigin ? 128 : 0) | (hasRight ? 64 : 0) | (withKey ? 32 : 0) | ref)
    for (const present of [hasOrigin, hasRight]) {
      if (!present) continue
      const id = older()
      encoding.writeVarUint(e, id.client)
      encoding.writeVarUint(e, id.clock)
    }
    if (!hasOrigin && !hasRight) {
      if (random.bool()) {
        encoding.writeVarUint(e, 1)
        encoding.writeVarString(e, random.pick(ROOTS))
      } else {
        const id = older()
        encoding.writeVarUint(e, 0)
        encoding.writeVarUint(e, id.client)
        encoding.writeVarUint(e, id.clock)
      }
      if (withKey) encoding.writeVarString(e, random.pick(['name', 'title', 'k']))
    }
    writeContent(e, ref, random)
  }
  const deletes = random.int(2)
  encoding.writeVarUint(e, deletes)
  for (let i = 0; i < deletes; i++) {
    const id = existingId(doc, random)
    encoding.writeVarUint(e, id.client)
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint(e, id.clock)
    encoding.writeVarUint(e, 1 + random.int(2))
  }
  return encoding.toUint8Array(e)
}

describe('crafted updates', () => {
  it('leave the document encodable, syncable and readable through shared/doc', async () => {
    // Yjs may still throw half-way through such an update (e.g. while garbage-collecting a type
    // whose crafted child was never deleted): then the room reloads from storage, which never saw
    // that update. Either way nothing escapes and the next request finds a sound document.
    h = harness()
    const fixture = buildWorkspace()
    createTask(fixture.s, { title: 'Ship it', keyResultId: fixture.krA, columnId: 'todo' })
    updateObjective(fixture.s, fixture.objectiveId, { title: 'Delight every new customer' })
    await h.storage.inner.append('w1', Y.encodeStateAsUpdate(fixture.doc))
    const honest = h.client('w1')
    await exchange(honest)

    const random = seededRandom(2024)
    let applied = 0
    for (let i = 0; i < 400; i++) {
      const server = await h.rooms.withDoc('w1', (doc) => Y.encodeStateAsUpdate(doc))
      const mirror = new Y.Doc()
      Y.applyUpdate(mirror, server)
      const update = craftedUpdate(mirror, random)
      if (!validateUpdate(update, { maxDepth: 32, maxDeleteRanges: 100 }).ok) continue
      const attacker = h.client('w1', { open: false, echoAwareness: false })
      attacker.send(random.bool() ? updateMessage(update) : step2Message(update))
      if (attacker.closeCode === null) applied++
      attacker.connection.close()
      // The server reads through shared/doc (the REST API does) and encodes for newcomers.
      await h.rooms.withDoc('w1', (doc) => {
        snapshot(openSession(doc, { source: 'api' }).doc)
        Y.encodeStateAsUpdate(doc)
      })
    }
    expect(applied).toBeGreaterThan(100)
    expect(h.logs.filter((line) => /internal error/.test(line))).toEqual([])
    // Reloads are the exception, not the rule.
    expect(h.logs.filter((line) => /failed to apply/.test(line)).length).toBeLessThan(applied / 10)

    const late = h.client('w1')
    await exchange(late)
    expect(late.synced).toBe(true)
    const server = await h.rooms.withDoc('w1', (doc) => Y.encodeStateVector(doc))
    expect(Y.encodeStateVector(late.doc)).toEqual(server)
    await h.rooms.close()
    const stored = await h.storage.stored('w1')
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(late.doc))
  })

  it("keep the document encodable when shared/doc's first read comes after them", async () => {
    // The order a conversion of untyped roots would hurt most (see declareRoots): crafted updates
    // first, then the first typed read.
    for (let seed = 1; seed <= 30; seed++) {
      h = harness()
      const fixture = buildWorkspace()
      await h.storage.inner.append('w1', Y.encodeStateAsUpdate(fixture.doc))
      const honest = h.client('w1')
      await exchange(honest)
      const random = seededRandom(seed)
      for (let i = 0; i < 15; i++) {
        const server = await h.rooms.withDoc('w1', (doc) => Y.encodeStateAsUpdate(doc))
        const mirror = new Y.Doc()
        Y.applyUpdate(mirror, server)
        const attacker = h.client('w1', { open: false, echoAwareness: false })
        attacker.send(updateMessage(craftedUpdate(mirror, random)))
        attacker.connection.close()
      }
      await h.rooms.withDoc('w1', (doc) => {
        snapshot(doc)
        expect(() => Y.encodeStateAsUpdate(doc)).not.toThrow()
      })
      await h.dispose()
    }
    h = harness()
  })

  it('an item linked into one list while naming a parent in another is refused before anyone sees it', async () => {
    h = harness()
    const [a, b, mallory] = [h.client('w1'), h.client('w1'), h.client('w1')]
    await exchange(a, b, mallory)
    // A map entry of client 500 in `meta`, and a list item of client 501 in `tasks`.
    mallory.send(updateMessage(item({ client: 500, clock: 0, parentKey: Root.Meta, key: 'k', values: 1 })))
    mallory.send(updateMessage(item({ client: 501, clock: 0, parentKey: Root.Tasks, values: 1 })))
    await exchange(a, b, mallory)
    expect(mallory.closeCode).toBeNull()
    // Client 500 again from clock 0 (its first clock is known, so Yjs links the rest after 500:0
    // in `meta`) while its right origin puts it in `tasks`.
    mallory.send(updateMessage(item({ client: 500, clock: 0, right: { client: 501, clock: 0 }, values: 2 })))
    expect(mallory.closeCode).toBe(CloseCode.BadMessage)
    expect(a.closeCode).toBe(CloseCode.GoingAway)
    expect(h.logs.some((line) => line.includes('inconsistent update'))).toBe(true)
    // Storage never saw it.
    const stored = await h.storage.stored('w1')
    expect(Y.getState(stored.store, 500)).toBe(1)
    // The reloaded room serves, reads and encodes.
    const c = h.client('w1')
    await exchange(c)
    expect(Y.getState(c.doc.store, 500)).toBe(1)
    await h.rooms.withDoc('w1', (doc) => {
      snapshot(doc)
      Y.encodeStateAsUpdate(doc)
    })
  })
})

/** One item with `values` numbers (ContentAny), placed by a root key or by a right origin. */
function item(spec: {
  client: number
  clock: number
  parentKey?: string
  key?: string
  right?: Ref
  values: number
}): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, spec.client)
  encoding.writeVarUint(e, spec.clock)
  const ANY = 8
  if (spec.right !== undefined) {
    encoding.writeUint8(e, 0b0100_0000 | ANY)
    encoding.writeVarUint(e, spec.right.client)
    encoding.writeVarUint(e, spec.right.clock)
  } else {
    encoding.writeUint8(e, (spec.key === undefined ? 0 : 0b0010_0000) | ANY)
    encoding.writeVarUint(e, 1)
    encoding.writeVarString(e, spec.parentKey ?? 'junk')
    if (spec.key !== undefined) encoding.writeVarString(e, spec.key)
  }
  encoding.writeVarUint(e, spec.values)
  for (let i = 0; i < spec.values; i++) encoding.writeAny(e, i)
  encoding.writeVarUint(e, 0)
  return encoding.toUint8Array(e)
}
