/**
 * The vote rounds are the server's alone: any client update that touches Root.VoteRounds, an
 * owner's included, is refused with 4403 (server_only) before it is applied, stored or relayed.
 * The server's own writes (withDoc) go through, and everything else clients do still passes.
 */
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { Root, createTask, openSession } from '../../../shared/doc/index.ts'
import { CloseCode, Role } from '../../../shared/protocol/index.ts'
import { validateUpdate } from '../../../shared/protocol/validateUpdate.ts'
import { CycleGuard } from '../../../server/rooms/CycleGuard.ts'
import { RefuseReason } from '../../../server/rooms/refusal.ts'
import { RoomMetricName } from '../../../server/rooms/roomMetrics.ts'
import { ServerOnlyGuard } from '../../../server/rooms/ServerOnlyGuard.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'
import type { Fixture } from '../../helpers/workspace.ts'
import { craftUpdate } from './craft.ts'
import type { CraftedItem, Ref } from './craft.ts'
import { exchange, harness, updateMessage } from './harness.ts'
import type { FakeClient, Harness } from './harness.ts'

/** Above every client id Yjs picks (32 bits): its items win every tie, so crafted writes take effect. */
const BIG_CLIENT = 2 ** 32 + 7
const LIMITS = { maxDepth: 32, maxDeleteRanges: 100 }

let h: Harness
afterEach(async () => {
  await h.dispose()
})

const round = (status: string, extra: Record<string, unknown> = {}) => ({
  id: 'r1',
  meetingId: 'm1',
  status,
  voterIds: ['p1'],
  result: null,
  ...extra,
})

/** A room over the fixture workspace whose server wrote round r1 twice (open, then a vote marked). */
async function room(): Promise<Fixture> {
  h = harness()
  const fixture = buildWorkspace()
  await h.storage.inner.append('w1', Y.encodeStateAsUpdate(fixture.doc))
  await h.rooms.withDoc('w1', (doc) => doc.getMap(Root.VoteRounds).set('r1', round('open', { voterIds: [] })))
  await h.rooms.withDoc('w1', (doc) => doc.getMap(Root.VoteRounds).set('r1', round('open')))
  return fixture
}

async function joined(role: Role = Role.Editor): Promise<FakeClient> {
  const client = h.client('w1', { role })
  await exchange(client)
  return client
}

const serverRounds = () => h.rooms.withDoc('w1', (doc) => JSON.stringify(doc.getMap(Root.VoteRounds).toJSON()))
const storedRounds = async () => JSON.stringify((await h.storage.stored('w1')).getMap(Root.VoteRounds).toJSON())
const refusals = () => h.metrics.value(RoomMetricName.Refused, { reason: RefuseReason.ServerOnly })

describe('server-only vote rounds', () => {
  it('refuses a forged reveal written through the Y.Doc, from an editor and from the owner: not applied, stored or relayed', async () => {
    await room()
    const before = await serverRounds()
    const watcher = await joined()
    for (const role of [Role.Editor, Role.Owner]) {
      const forger = await joined(role)
      forger.doc.getMap(Root.VoteRounds).set('r1', round('revealed', { result: { ballots: [{ personId: 'p1', value: 7 }], median: 7 } }))
      await exchange(forger, watcher)
      expect(forger.closeCode, role).toBe(CloseCode.Forbidden)
    }
    expect(await serverRounds()).toBe(before)
    expect(await storedRounds()).toBe(before)
    expect(JSON.stringify(watcher.doc.getMap(Root.VoteRounds).toJSON())).toBe(before)
    expect(watcher.closeCode).toBeNull()
    expect(refusals()).toBe(2)
    expect(h.logs.filter((line) => line.includes(RefuseReason.ServerOnly))).toHaveLength(2)
  })

  it('crafted updates are refused from editors and owners: a new entry, an overwrite by origin, a delete, old items too', async () => {
    await room()
    const owner = await joined(Role.Owner)
    const { chain, state } = await h.rooms.withDoc('w1', (doc) => {
      const ids: Ref[] = []
      for (let item = doc.getMap(Root.VoteRounds)._map.get('r1') ?? null; item !== null; item = item.left) ids.push(item.lastId)
      return { chain: ids, state: Y.encodeStateAsUpdate(doc) }
    })
    expect(chain).toHaveLength(2) // the current round and the one it overwrote
    const client = BIG_CLIENT
    const forged = { any: [round('revealed', { result: { ballots: [{ personId: 'p1', value: 3 }] } })] }
    const one = (item: Omit<CraftedItem, 'client' | 'clock'>) => craftUpdate([{ client, clock: 0, ...item }])
    const crafted: [string, Uint8Array][] = [
      ['a new round', one({ parent: Root.VoteRounds, key: 'r2', content: forged })],
      ['a first write of an existing key', one({ parent: Root.VoteRounds, key: 'r1', content: forged })],
      ...chain.map((origin, i): [string, Uint8Array] => [`an overwrite beside round item #${i}`, one({ origin, content: forged })]),
      ...chain.map((right, i): [string, Uint8Array] => [`a right origin at round item #${i}`, one({ right, content: forged })]),
      ['a delete of the round', craftUpdate([], [{ ...chain[0]!, len: 1 }])],
      [
        'a decoy first, then the round overwritten',
        craftUpdate([
          { client, clock: 0, parent: Root.Tasks, key: 'decoy', content: { any: [1] } },
          { client, clock: 1, origin: chain[0]!, content: forged },
        ]),
      ],
    ]
    for (const role of [Role.Editor, Role.Owner]) {
      for (const [what, update] of crafted) {
        const attacker = h.client('w1', { role, open: false, echoAwareness: false })
        attacker.send(updateMessage(update))
        expect(attacker.closeCode, `${role}: ${what}`).toBe(CloseCode.Forbidden)
      }
    }
    expect(refusals()).toBe(2 * crafted.length)
    await exchange(owner)
    expect(owner.closeCode).toBeNull()
    expect(JSON.parse(await serverRounds())).toEqual({ r1: round('open') })

    // Not vacuous: where nothing refuses them, these change the rounds (right origins alone lose
    // to the key's current value in Yjs, as do first writes losing to it: refused anyway).
    const effective = crafted.filter(([, update]) => {
      const mirror = new Y.Doc()
      Y.applyUpdate(mirror, state)
      const was = JSON.stringify(mirror.getMap(Root.VoteRounds).toJSON())
      Y.applyUpdate(mirror, update)
      return JSON.stringify(mirror.getMap(Root.VoteRounds).toJSON()) !== was
    })
    expect(effective.map(([what]) => what)).toEqual(expect.arrayContaining(['a new round', 'a delete of the round', 'an overwrite beside round item #0']))
  })

  it('ordinary edits from editors and owners still pass, before and after the server writes rounds', async () => {
    const { krA } = await room()
    const owner = await joined(Role.Owner)
    const editor = await joined()
    const card = { columnId: 'todo', keyResultId: krA }
    const t1 = createTask(openSession(editor.doc), { title: 'Editor card', ...card })
    const t2 = createTask(openSession(owner.doc), { title: 'Owner card', ...card })
    await exchange(owner, editor)
    await h.rooms.withDoc('w1', (doc) => doc.getMap(Root.VoteRounds).set('r2', round('open', { id: 'r2' })))
    await exchange(owner, editor)
    expect(editor.doc.getMap(Root.VoteRounds).has('r2')).toBe(true)
    const t3 = createTask(openSession(editor.doc), { title: 'After the round', ...card })
    await exchange(owner, editor)
    expect([editor.closeCode, owner.closeCode]).toEqual([null, null])
    expect(await h.rooms.withDoc('w1', (doc) => [t1, t2, t3].map((t) => doc.getMap(Root.Tasks).has(t)))).toEqual([true, true, true])
    expect(refusals()).toBe(0)
  })
})

describe('re-sent rounds', () => {
  it('an editor re-sending the whole document it holds (an offline copy read in) is not refused; anything new near the rounds is', async () => {
    const { krA } = await room()
    const editor = await joined()
    const watcher = await joined()
    expect(editor.doc.getMap(Root.VoteRounds).has('r1')).toBe(true)
    const whole = () => Y.encodeStateAsUpdate(editor.doc)
    editor.send(updateMessage(whole()))
    await exchange(editor, watcher)
    expect(editor.closeCode).toBeNull()

    // The same with a new card in it: applied.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, whole())
    const taskId = createTask(openSession(copy), { title: 'Made offline', columnId: 'todo', keyResultId: krA })
    editor.send(updateMessage(Y.encodeStateAsUpdate(copy)))
    await exchange(editor, watcher)
    expect(editor.closeCode).toBeNull()
    expect(await h.rooms.withDoc('w1', (doc) => doc.getMap(Root.Tasks).has(taskId))).toBe(true)

    // The same with a forged round in it: refused, and the card of that update goes nowhere.
    const forgedCopy = new Y.Doc()
    Y.applyUpdate(forgedCopy, whole())
    const other = createTask(openSession(forgedCopy), { title: 'Rides along', columnId: 'todo', keyResultId: krA })
    forgedCopy.getMap(Root.VoteRounds).set('r1', round('revealed'))
    const forger = h.client('w1', { open: false, echoAwareness: false })
    forger.send(updateMessage(Y.encodeStateAsUpdate(forgedCopy)))
    expect(forger.closeCode).toBe(CloseCode.Forbidden)
    await exchange(watcher)
    expect(JSON.parse(await serverRounds())).toEqual({ r1: round('open') })
    expect(await h.rooms.withDoc('w1', (doc) => doc.getMap(Root.Tasks).has(other))).toBe(false)
    // Deleting an overwritten (already deleted) round item again is no write; deleting the live one is.
    const live = await h.rooms.withDoc('w1', (doc) => doc.getMap(Root.VoteRounds)._map.get('r1')!)
    const old = live.left!.id
    const redelete = h.client('w1', { open: false, echoAwareness: false })
    redelete.send(updateMessage(craftUpdate([], [{ client: old.client, clock: old.clock, len: 1 }])))
    expect(redelete.closeCode).toBeNull()
    const vandal = h.client('w1', { open: false, echoAwareness: false })
    vandal.send(updateMessage(craftUpdate([], [{ client: live.id.client, clock: live.id.clock, len: 1 }])))
    expect(vandal.closeCode).toBe(CloseCode.Forbidden)
    expect(watcher.closeCode).toBeNull()
  })
})

describe('ServerOnlyGuard', () => {
  it('watches nothing in a document without rounds, then every round item the server writes, overwritten ones included', () => {
    const doc = buildWorkspace().doc
    const guard = new ServerOnlyGuard(doc)
    expect(guard.watchedRanges).toBe(0)
    const rounds = doc.getMap(Root.VoteRounds)
    rounds.set('r1', { status: 'open' })
    rounds.set('r1', { status: 'revealed' })
    const first = rounds._map.get('r1')!.left!.id
    expect(guard.overlaps(first.client, first.clock, 1)).toBe(true)
    rounds.delete('r1')
    expect(guard.overlaps(first.client, first.clock, 1)).toBe(true)
    // A fresh guard on the same document finds them all again.
    expect(new ServerOnlyGuard(doc).overlaps(first.client, first.clock, 1)).toBe(true)
    guard.destroy()
  })

  it('one validation pass tells the cycle guard and the server-only guard apart', () => {
    const doc = buildWorkspace().doc
    const guards = [new ServerOnlyGuard(doc), new CycleGuard(doc)] as const
    const edit = (change: (d: Y.Doc) => void) => {
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
      const before = Y.encodeStateVector(copy)
      change(copy)
      return Y.encodeStateAsUpdate(copy, before)
    }
    const touched = (update: Uint8Array) => {
      const check = validateUpdate(update, LIMITS, guards)
      return check.ok ? check.touched.map((g) => (g === guards[0] ? 'server-only' : 'cycles')) : 'invalid'
    }
    expect(touched(edit((d) => d.getMap(Root.Tasks).set('t', 1)))).toEqual([])
    expect(touched(edit((d) => d.getMap(Root.VoteRounds).set('r', 1)))).toEqual(['server-only'])
    expect(touched(edit((d) => d.getMap(Root.Cycles).set('c', 1)))).toEqual(['cycles'])
    expect(
      touched(
        edit((d) => {
          d.getMap(Root.Cycles).set('c', 1)
          d.getMap(Root.VoteRounds).set('r', 1)
        }),
      ),
    ).toEqual(['server-only', 'cycles'])
    for (const g of guards) g.destroy()
  })
})
