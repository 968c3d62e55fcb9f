/**
 * validateUpdate (shared/protocol) accepts everything Yjs writes and nothing Yjs would choke on:
 * checked on honest updates of every content kind, then on thousands of mutated ones.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { UpdateProblem, validateUpdate } from '../../../shared/protocol/validateUpdate.ts'
import { seededRandom } from '../../helpers/random.ts'
import type { Random } from '../../helpers/random.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

const LIMITS = { maxDepth: 32, maxDeleteRanges: 100_000 }

/** A document touched with every kind of content and edit, by two clients. */
function richDoc(random: Random): { doc: Y.Doc; updates: Uint8Array[] } {
  const doc = new Y.Doc()
  const other = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (u: Uint8Array) => updates.push(u))
  for (let round = 0; round < 6; round++) {
    const d = random.bool() ? doc : other
    const t = d.getText('t')
    t.insert(random.int(t.length + 1), `${random.word(3)} 😀`, random.bool() ? { bold: true } : undefined)
    if (t.length > 4) t.delete(random.int(t.length - 2), 2)
    if (random.bool(0.3)) t.insertEmbed(random.int(t.length + 1), { image: random.word(), size: [1, 2] })
    if (t.length > 2 && random.bool(0.3)) t.format(0, 2, { italic: true })
    const a = d.getArray<unknown>('a')
    a.insert(random.int(a.length + 1), [
      random.int(1000) - 500,
      random.next(),
      random.word(),
      null,
      true,
      new Uint8Array([random.int(256)]),
      { nested: { list: [1, 'two', { three: 3n }] } },
    ])
    if (random.bool(0.3)) a.insert(0, [new Y.Map(), new Y.Text('inner'), new Y.Array()])
    if (a.length > 3 && random.bool()) a.delete(random.int(a.length - 2), 2)
    const m = d.getMap<unknown>('m')
    m.set(random.word(2), random.bool() ? random.word() : { n: random.int(9) })
    if (random.bool(0.3)) m.delete(random.pick([...m.keys()]))
    const x = d.getXmlFragment('x')
    if (random.bool(0.3)) x.insert(0, [new Y.XmlElement('p'), new Y.XmlText('xml'), new Y.XmlHook('hook') as unknown as Y.XmlElement])
    // Exchange so that origins cross clients.
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(other)))
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)))
  }
  return { doc, updates }
}

describe('validateUpdate', () => {
  it('accepts what Yjs writes: full states, diffs, single updates, merged updates', () => {
    const random = seededRandom(1)
    for (let i = 0; i < 20; i++) {
      const { doc, updates } = richDoc(random)
      const candidates = [Y.encodeStateAsUpdate(doc), ...updates, Y.mergeUpdates(updates)]
      const half = new Y.Doc()
      for (const u of updates.slice(0, updates.length >> 1)) Y.applyUpdate(half, u)
      candidates.push(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(half)))
      for (const update of candidates) expect(validateUpdate(update, LIMITS)).toMatchObject({ ok: true })
    }
    expect(validateUpdate(Y.encodeStateAsUpdate(buildWorkspace().doc), LIMITS)).toMatchObject({ ok: true })
  })

  it('knows an empty update', () => {
    expect(validateUpdate(Y.encodeStateAsUpdate(new Y.Doc()), LIMITS)).toEqual({
      ok: true,
      structs: 0,
      deleteRanges: 0,
      empty: true,
      touchesWatched: false,
      touched: [],
    })
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x')
    expect(validateUpdate(Y.encodeStateAsUpdate(doc), LIMITS)).toMatchObject({ ok: true, empty: false })
  })

  it('refuses deep values at the limit, not before', () => {
    const nest = (depth: number) => {
      let value: unknown = 1
      for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { k: value }
      const doc = new Y.Doc()
      doc.getArray('a').insert(0, [value])
      return Y.encodeStateAsUpdate(doc)
    }
    expect(validateUpdate(nest(32), LIMITS)).toMatchObject({ ok: true })
    expect(validateUpdate(nest(33), LIMITS)).toMatchObject({ ok: false, problem: UpdateProblem.TooDeep })
  })

  it('refuses a value nested far beyond the stack without overflowing it', () => {
    // 200 000 nested arrays: a recursive reader would blow the stack.
    const e = encoding.createEncoder()
    header(e, 8)
    encoding.writeVarUint(e, 1)
    for (let i = 0; i < 200_000; i++) {
      encoding.writeUint8(e, 117)
      encoding.writeVarUint(e, 1)
    }
    encoding.writeUint8(e, 126)
    encoding.writeVarUint(e, 0)
    expect(validateUpdate(encoding.toUint8Array(e), LIMITS)).toMatchObject({ ok: false, problem: UpdateProblem.TooDeep })
  })

  it('refuses a __proto__ key inside a value', () => {
    const e = encoding.createEncoder()
    header(e, 8)
    encoding.writeVarUint(e, 1)
    encoding.writeAny(e, JSON.parse('{"__proto__":{"polluted":true}}'))
    encoding.writeVarUint(e, 0)
    expect(validateUpdate(encoding.toUint8Array(e), LIMITS)).toMatchObject({ ok: false, problem: UpdateProblem.Malformed })
  })

  it('refuses headers that claim more than the bytes hold, without allocating for them', () => {
    const e = encoding.createEncoder()
    encoding.writeVarUint(e, 2 ** 40) // clients
    expect(validateUpdate(encoding.toUint8Array(e), LIMITS)).toMatchObject({ ok: false, problem: UpdateProblem.Malformed })
  })

  it('refuses zero-length structs, duplicate client sections and trailing bytes', () => {
    const emptyString = encoding.createEncoder()
    header(emptyString, 4)
    encoding.writeVarString(emptyString, '')
    encoding.writeVarUint(emptyString, 0)
    expect(validateUpdate(encoding.toUint8Array(emptyString), LIMITS)).toMatchObject({ ok: false })

    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'x')
    const update = Y.encodeStateAsUpdate(doc)
    expect(validateUpdate(Uint8Array.of(...update, 0), LIMITS)).toMatchObject({ ok: false })
  })

  it('counts delete ranges against the limit', () => {
    const doc = new Y.Doc()
    const t = doc.getText('t')
    t.insert(0, 'abcdefghij')
    for (let i = 8; i >= 0; i -= 2) t.delete(i, 1)
    const update = Y.encodeStateAsUpdate(doc)
    expect(validateUpdate(update, { ...LIMITS, maxDeleteRanges: 5 })).toMatchObject({ ok: true, deleteRanges: 5 })
    expect(validateUpdate(update, { ...LIMITS, maxDeleteRanges: 4 })).toMatchObject({
      ok: false,
      problem: UpdateProblem.TooManyDeletes,
    })
  })

  it('is sound: whatever it accepts, Yjs decodes and applies without throwing', () => {
    const random = seededRandom(42)
    let accepted = 0
    let mutated = 0
    for (let round = 0; round < 40; round++) {
      const { doc, updates } = richDoc(random)
      const base = new Y.Doc()
      for (const u of updates.slice(0, updates.length >> 1)) Y.applyUpdate(base, u)
      const sources = [Y.encodeStateAsUpdate(doc), Y.encodeStateAsUpdate(doc, Y.encodeStateVector(base)), ...updates]
      for (let i = 0; i < 100; i++) {
        const bytes = mutate(random.pick(sources), random)
        mutated++
        if (!validateUpdate(bytes, LIMITS).ok) continue
        accepted++
        expect(() => Y.decodeUpdate(bytes)).not.toThrow()
        const target = new Y.Doc()
        Y.applyUpdate(target, Y.encodeStateAsUpdate(base))
        expect(() => Y.applyUpdate(target, bytes)).not.toThrow()
        expect(() => Y.applyUpdate(new Y.Doc(), bytes)).not.toThrow()
      }
    }
    expect(mutated).toBe(4000)
    // The mutations are small: plenty still pass and get applied.
    expect(accepted).toBeGreaterThan(200)
    // 4,000 mutations, bounded by count: about 5 s alone, over 20 s on a 2-core machine at load 24.
  }, 60_000)
})

describe('validateUpdate with a watcher', () => {
  it('tells whether an update names a watched item, the watched root, or deletes a watched clock', () => {
    const base = new Y.Doc()
    base.getMap('tasks').set('t1', 1)
    base.getMap('cycles').set('c1', 'draft')
    const watchedItem = base.getMap('cycles')._map.get('c1')!.id
    const lookups: string[] = []
    const watch = {
      watchesRoot: (name: string) => name === 'cycles',
      overlaps: (client: number, clock: number, length: number) => {
        lookups.push(`${client}:${clock}+${length}`)
        return client === watchedItem.client && clock <= watchedItem.clock && watchedItem.clock < clock + length
      },
    }
    const edit = (change: (doc: Y.Doc) => void): Uint8Array => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
      const before = Y.encodeStateVector(doc)
      change(doc)
      return Y.encodeStateAsUpdate(doc, before)
    }
    const touches = (update: Uint8Array) => {
      const check = validateUpdate(update, LIMITS, watch)
      return check.ok && check.touchesWatched
    }
    expect(touches(edit((d) => d.getMap('tasks').set('t1', 2)))).toBe(false)
    expect(touches(edit((d) => d.getMap('tasks').set('t2', 2)))).toBe(false)
    expect(touches(edit((d) => d.getText('notes').insert(0, 'hello')))).toBe(false)
    expect(touches(edit((d) => d.getMap('cycles').set('c1', 'published')))).toBe(true)
    expect(touches(edit((d) => d.getMap('cycles').set('c2', 'draft')))).toBe(true)
    expect(touches(edit((d) => d.getMap('cycles').delete('c1')))).toBe(true)
    // Without a watcher nothing is looked up and nothing is touched.
    lookups.length = 0
    expect(validateUpdate(edit((d) => d.getMap('cycles').set('c1', 'x')), LIMITS)).toMatchObject({ ok: true, touchesWatched: false })
    expect(lookups).toEqual([])
  })
})

/** One client, one struct with content `ref` under root type `t`: the content comes next. */
function header(e: encoding.Encoder, ref: number): void {
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 1)
  encoding.writeVarUint(e, 7)
  encoding.writeVarUint(e, 0)
  encoding.writeUint8(e, ref)
  encoding.writeVarUint(e, 1)
  encoding.writeVarString(e, 't')
}

/** A copy of `bytes` with one small random change: a flipped byte, a cut, an inserted byte. */
function mutate(bytes: Uint8Array, random: Random): Uint8Array {
  const copy = Array.from(bytes)
  const at = random.int(copy.length)
  switch (random.int(4)) {
    case 0:
      copy[at] = random.int(256)
      break
    case 1:
      copy[at] = copy[at]! ^ (1 << random.int(8))
      break
    case 2:
      copy.length = at
      break
    default:
      copy.splice(at, 0, random.int(256))
  }
  return Uint8Array.from(copy)
}
