/**
 * Publishing, closing and reopening a cycle are an owner's: the room refuses an editor's update
 * that changes a cycle's status, its stamps or its reopening log (4403), before it is applied,
 * stored or relayed. Everything else an editor does still goes through.
 */
import * as Y from 'yjs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  Root,
  closeCycle,
  createCycle,
  createTask,
  createTeam,
  deleteCycle,
  openSession,
  publishCycle,
  updateCycle,
  moveTask,
  updateTask,
} from '../../../shared/doc/index.ts'
import { CycleStatus } from '../../../shared/model/index.ts'
import type { CycleId } from '../../../shared/model/index.ts'
import { CloseCode, Role } from '../../../shared/protocol/index.ts'
import { CycleGuard } from '../../../server/rooms/CycleGuard.ts'
import { RefuseReason } from '../../../server/rooms/refusal.ts'
import { RoomMetricName } from '../../../server/rooms/roomMetrics.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'
import type { Fixture } from '../../helpers/workspace.ts'
import { craftUpdate } from './craft.ts'
import type { CraftedItem, Ref } from './craft.ts'
import { exchange, harness, updateMessage } from './harness.ts'
import type { FakeClient, Harness } from './harness.ts'

/** Above every client id Yjs picks (32 bits): its items win every tie, so crafted writes take effect. */
const BIG_CLIENT = 2 ** 32 + 7

let h: Harness
let fixture: Fixture
afterEach(async () => {
  vi.restoreAllMocks()
  await h.dispose()
})

/** A room over the fixture workspace (one draft cycle, a team, an objective, two KRs). */
async function room(): Promise<CycleId> {
  h = harness()
  fixture = buildWorkspace()
  await h.storage.inner.append('w1', Y.encodeStateAsUpdate(fixture.doc))
  return fixture.cycleId
}

function cycleMap(doc: Y.Doc, id: string): Y.Map<unknown> {
  return doc.getMap(Root.Cycles).get(id) as Y.Map<unknown>
}

function statusIn(doc: Y.Doc, id: string): unknown {
  return doc.getMap(Root.Cycles).get(id) instanceof Y.Map ? cycleMap(doc, id).get('status') : undefined
}

const serverStatus = (id: string) => h.rooms.withDoc('w1', (doc) => statusIn(doc, id))
const storedStatus = async (id: string) => statusIn(await h.storage.stored('w1'), id)
const refusals = () => h.metrics.value(RoomMetricName.Refused, { reason: RefuseReason.OwnerOnly })

async function joined(role: Role = Role.Editor): Promise<FakeClient> {
  const client = h.client('w1', { role })
  await exchange(client)
  return client
}

describe('owner-only cycle changes', () => {
  it("an editor's publish is refused with 4403: not applied, not stored, not relayed", async () => {
    const cycleId = await room()
    const [owner, editor, other] = [h.client('w1', { role: Role.Owner }), h.client('w1'), h.client('w1')]
    await exchange(owner, editor, other)

    publishCycle(openSession(editor.doc), cycleId)
    expect(statusIn(editor.doc, cycleId)).toBe(CycleStatus.Published)
    await exchange(owner, editor, other)

    expect(editor.closeCode).toBe(CloseCode.Forbidden)
    expect(await serverStatus(cycleId)).toBe(CycleStatus.Draft)
    expect(await storedStatus(cycleId)).toBe(CycleStatus.Draft)
    expect(statusIn(other.doc, cycleId)).toBe(CycleStatus.Draft)
    expect(statusIn(owner.doc, cycleId)).toBe(CycleStatus.Draft)
    expect(other.closeCode).toBeNull()
    expect(refusals()).toBe(1)
    const logged = h.logs.filter((line) => line.includes(RefuseReason.OwnerOnly))
    expect(logged).toHaveLength(1)
    expect(logged[0]).toMatch(/closed a editor connection with 4403 \(owner_only: writes status of cycle /)

    // The others go on; the owner publishes.
    publishCycle(openSession(owner.doc), cycleId)
    await exchange(owner, other)
    expect(owner.closeCode).toBeNull()
    expect(statusIn(other.doc, cycleId)).toBe(CycleStatus.Published)
    expect(await storedStatus(cycleId)).toBe(CycleStatus.Published)
  })

  it('editors still edit everything else, a cycle included: its name, a new draft, deleting that draft', async () => {
    const cycleId = await room()
    const owner = await joined(Role.Owner)
    const editor = await joined()
    const s = openSession(editor.doc)
    const taskId = createTask(s, { title: 'Interview five customers', columnId: 'todo', keyResultId: fixture.krA })
    updateCycle(s, cycleId, { name: 'Q1 2026 (draft)', endDate: '2026-04-15' })
    await exchange(owner, editor)
    publishCycle(openSession(owner.doc), cycleId)
    await exchange(owner, editor)
    updateCycle(s, cycleId, { name: 'Q1 2026' })
    updateTask(s, taskId, { title: 'Interview six customers' })
    const draft = createCycle(s, { name: 'Q2 2026', startDate: '2026-04-01', endDate: '2026-06-30' })
    await exchange(owner, editor)
    expect(await h.rooms.withDoc('w1', (doc) => cycleMap(doc, draft).toJSON())).toMatchObject({ status: 'draft' })
    deleteCycle(s, draft)
    await exchange(owner, editor)

    expect(editor.closeCode).toBeNull()
    expect(refusals()).toBe(0)
    const server = await h.rooms.withDoc('w1', (doc) => ({
      name: cycleMap(doc, cycleId).get('name'),
      status: statusIn(doc, cycleId),
      task: doc.getMap(Root.Tasks).has(taskId),
      draft: doc.getMap(Root.Cycles).has(draft),
    }))
    expect(server).toEqual({ name: 'Q1 2026', status: CycleStatus.Published, task: true, draft: false })
  })

  it('an owner publishes, closes and reopens; an editor can do none of it, nor touch the stamps or the log', async () => {
    const cycleId = await room()
    const owner = await joined(Role.Owner)
    const ownerSession = openSession(owner.doc)
    const attempts: [string, (m: Y.Map<unknown>) => void][] = [
      ['close', (m) => m.set('status', CycleStatus.Closed)],
      ['stamp', (m) => m.set('publishedAt', 1)],
      ['unstamp', (m) => m.set('publishedAt', null)],
    ]
    publishCycle(ownerSession, cycleId)
    await exchange(owner)
    for (const [, attempt] of attempts) await refusedEdit(cycleId, attempt)

    closeCycle(ownerSession, cycleId)
    await exchange(owner)
    await refusedEdit(cycleId, (m) => {
      // What reopening writes, the way the command writes it.
      m.set('status', CycleStatus.Published)
      m.set('closedAt', null)
      m.set('reopenings', new Y.Map())
    })
    await refusedEdit(cycleId, (m) => m.set('closedAt', null))

    // The owner reopens (the same writes), after which the log exists; an editor may not add to it.
    owner.doc.transact(() => {
      const m = cycleMap(owner.doc, cycleId)
      m.set('status', CycleStatus.Published)
      m.set('closedAt', null)
      const log = new Y.Map<unknown>()
      m.set('reopenings', log)
      log.set('r1', { reason: 'Late data', authorId: null, at: 1, closedAt: 0 })
    })
    await exchange(owner)
    expect(owner.closeCode).toBeNull()
    expect(await serverStatus(cycleId)).toBe(CycleStatus.Published)
    await refusedEdit(cycleId, (m) => (m.get('reopenings') as Y.Map<unknown>).set('r2', { reason: 'forged' }))
    await refusedEdit(cycleId, (m) => (m.get('reopenings') as Y.Map<unknown>).delete('r1'))
    // An entry the owner adds later is watched as well.
    ;(cycleMap(owner.doc, cycleId).get('reopenings') as Y.Map<unknown>).set('r3', { reason: 'Audit', authorId: null, at: 2, closedAt: 1 })
    await exchange(owner)
    await refusedEdit(cycleId, (m) => (m.get('reopenings') as Y.Map<unknown>).set('r3', { reason: 'rewritten' }))
    expect(refusals()).toBe(attempts.length + 5)
    expect(await h.rooms.withDoc('w1', (doc) => cycleMap(doc, cycleId).toJSON())).toMatchObject({
      status: CycleStatus.Published,
      closedAt: null,
      reopenings: { r1: { reason: 'Late data' }, r3: { reason: 'Audit' } },
    })
  })

  it("an editor's undo of a draft cycle's delete brings the draft back and is let through", async () => {
    await room()
    const editor = await joined()
    const s = openSession(editor.doc)
    const undo = new Y.UndoManager(editor.doc.getMap(Root.Cycles), { trackedOrigins: new Set([s.origin]) })
    const draft = createCycle(s, { name: 'Q2 2026', startDate: '2026-04-01', endDate: '2026-06-30' })
    undo.stopCapturing()
    deleteCycle(s, draft)
    await exchange(editor)
    undo.undo()
    await exchange(editor)
    expect(editor.closeCode).toBeNull()
    expect(await serverStatus(draft)).toBe(CycleStatus.Draft)
    undo.destroy()
  })

  it('an editor may not delete a status, nor a published cycle; a draft cycle it may', async () => {
    const cycleId = await room()
    const owner = await joined(Role.Owner)
    await refusedEdit(cycleId, (m) => m.delete('status'))
    expect(await serverStatus(cycleId)).toBe(CycleStatus.Draft)

    // A second draft, the owner's: an editor deletes it (with its status and stamps).
    const spare = createCycle(openSession(owner.doc), { name: 'Spare', startDate: '2026-01-01', endDate: '2026-01-31' })
    publishCycle(openSession(owner.doc), cycleId)
    await exchange(owner)
    const editor = await joined()
    editor.doc.getMap(Root.Cycles).delete(spare)
    await exchange(owner, editor)
    expect(editor.closeCode).toBeNull()
    expect(await h.rooms.withDoc('w1', (doc) => doc.getMap(Root.Cycles).has(spare))).toBe(false)

    const vandal = await joined()
    vandal.doc.getMap(Root.Cycles).delete(cycleId)
    await exchange(owner, vandal)
    expect(vandal.closeCode).toBe(CloseCode.Forbidden)
    expect(await serverStatus(cycleId)).toBe(CycleStatus.Published)
    expect(await storedStatus(cycleId)).toBe(CycleStatus.Published)
    expect(statusIn(owner.doc, cycleId)).toBe(CycleStatus.Published)
  })

  it('a cycle an editor creates must be a draft, and may not take the place of a published one', async () => {
    const cycleId = await room()
    const owner = await joined(Role.Owner)
    publishCycle(openSession(owner.doc), cycleId)
    await exchange(owner)
    const newCycle = (status: string, stamp: unknown) => (m: Y.Map<unknown>) => {
      m.set('name', 'Q3')
      m.set('status', status)
      m.set('publishedAt', stamp)
      m.set('closedAt', null)
    }
    await refusedCycles((cycles) => cycles.set('fresh', fill(new Y.Map(), newCycle(CycleStatus.Published, 1))))
    await refusedCycles((cycles) => cycles.set('fresh', fill(new Y.Map(), newCycle(CycleStatus.Draft, 5))))
    await refusedCycles((cycles) => cycles.set(cycleId, fill(new Y.Map(), newCycle(CycleStatus.Draft, null))))
    await refusedCycles((cycles) => cycles.set(cycleId, 'junk'))
    expect(await serverStatus(cycleId)).toBe(CycleStatus.Published)

    const editor = await joined()
    editor.doc.getMap(Root.Cycles).set('fresh', fill(new Y.Map(), newCycle(CycleStatus.Draft, null)))
    await exchange(owner, editor)
    expect(editor.closeCode).toBeNull()
    expect(await serverStatus('fresh')).toBe(CycleStatus.Draft)
    // Replacing a draft (its own) is deleting a draft and creating another: allowed.
    editor.doc.getMap(Root.Cycles).set('fresh', fill(new Y.Map(), newCycle(CycleStatus.Draft, null)))
    await exchange(owner, editor)
    expect(editor.closeCode).toBeNull()
  })

  it('crafted updates are caught: origins and right origins at old status items, first writes, deletes', async () => {
    const cycleId = await room()
    const owner = await joined(Role.Owner)
    publishCycle(openSession(owner.doc), cycleId)
    closeCycle(openSession(owner.doc), cycleId)
    await exchange(owner)
    const { chain, mapItem, state } = await h.rooms.withDoc('w1', (doc) => {
      const m = cycleMap(doc, cycleId)
      const ids: Ref[] = []
      for (let item = m._map.get('status') ?? null; item !== null; item = item.left) ids.push(item.lastId)
      return { chain: ids, mapItem: m._item!.id, state: Y.encodeStateAsUpdate(doc) }
    })
    expect(chain).toHaveLength(3) // closed <- published <- draft (overwritten, deleted)

    const client = BIG_CLIENT
    const reopen = { any: [CycleStatus.Published] }
    const one = (item: Omit<CraftedItem, 'client' | 'clock'>) => craftUpdate([{ client, clock: 0, ...item }])
    const crafted: [string, Uint8Array][] = [
      ...chain.map((origin, i): [string, Uint8Array] => [`origin at status #${i}`, one({ origin, content: reopen })]),
      ...chain.map((right, i): [string, Uint8Array] => [`right origin at status #${i}`, one({ right, content: reopen })]),
      ['a deleted item beside the status', one({ origin: chain[0]!, content: { deleted: 1 } })],
      ['a first write naming the cycle map', one({ parent: mapItem, key: 'status', content: reopen })],
      ['a first write of a reopening log', one({ parent: mapItem, key: 'reopenings', content: { map: true } })],
      ['a delete of the status', craftUpdate([], [{ ...chain[0]!, len: 1 }])],
      ['a delete of the cycle', craftUpdate([], [{ ...mapItem, len: 1 }])],
      [
        'a chain inside the update, second item beside the first',
        craftUpdate([
          { client, clock: 0, parent: 'tasks', key: 'decoy', content: { any: [1] } },
          { client, clock: 1, origin: chain[1]!, content: reopen },
        ]),
      ],
      [
        'a new cycle map, then a status beside its draft status',
        craftUpdate([
          { client, clock: 0, parent: Root.Cycles, key: 'sneaky', content: { map: true } },
          { client, clock: 1, parent: { client, clock: 0 }, key: 'status', content: { any: [CycleStatus.Draft] } },
          { client, clock: 2, origin: { client, clock: 1 }, content: { any: [CycleStatus.Closed] } },
        ]),
      ],
    ]
    for (const [what, update] of crafted) {
      const attacker = h.client('w1', { open: false, echoAwareness: false })
      attacker.send(updateMessage(update))
      expect(attacker.closeCode, what).toBe(CloseCode.Forbidden)
    }
    expect(await serverStatus(cycleId)).toBe(CycleStatus.Closed)
    await exchange(owner)
    expect(h.logs.filter((line) => /failed to apply|internal error/.test(line))).toEqual([])

    // Not vacuous: where nothing refuses them, these change the cycles. Those placed by a right
    // origin alone lose to the key's current value in Yjs, so they change nothing; refused anyway.
    const ineffective = crafted.filter(([, update]) => {
      const mirror = new Y.Doc()
      Y.applyUpdate(mirror, state)
      const before = JSON.stringify(mirror.getMap(Root.Cycles).toJSON())
      Y.applyUpdate(mirror, update)
      return JSON.stringify(mirror.getMap(Root.Cycles).toJSON()) === before
    })
    expect(ineffective.map(([what]) => what)).toEqual(chain.map((_, i) => `right origin at status #${i}`))
  })

  it('an editor reconnecting with its whole delete set, old status items in it, is welcome', async () => {
    const cycleId = await room()
    const owner = await joined(Role.Owner)
    const editor = await joined()
    publishCycle(openSession(owner.doc), cycleId)
    closeCycle(openSession(owner.doc), cycleId)
    await exchange(owner, editor)
    expect(statusIn(editor.doc, cycleId)).toBe(CycleStatus.Closed)
    editor.disconnect()
    const teamId = createTeam(openSession(editor.doc), { name: 'Written offline' })
    const back = h.client('w1', { doc: editor.doc })
    await exchange(owner, back)
    expect(back.closeCode).toBeNull()
    expect(await h.rooms.withDoc('w1', (doc) => doc.getMap(Root.Teams).has(teamId))).toBe(true)
  })

  it('knows the old status items after the room reloads the document from storage', async () => {
    const cycleId = await room()
    const owner = await joined(Role.Owner)
    publishCycle(openSession(owner.doc), cycleId)
    await exchange(owner)
    const draftItem = owner.doc.getMap(Root.Cycles).get(cycleId) as Y.Map<unknown>
    const old = draftItem._map.get('status')!.left!.lastId
    owner.disconnect()
    await waitForUnload()
    const attacker = h.client('w1', { open: false, echoAwareness: false })
    attacker.send(updateMessage(craftUpdate([{ client: BIG_CLIENT, clock: 0, origin: old, content: { any: ['draft'] } }])))
    await exchange(attacker)
    expect(attacker.closeCode).toBe(CloseCode.Forbidden)
    expect(await serverStatus(cycleId)).toBe(CycleStatus.Published)
  })

  it("an owner's crafted updates go through: the check is for everyone else", async () => {
    const cycleId = await room()
    const owner = await joined(Role.Owner)
    const current = await h.rooms.withDoc('w1', (doc) => cycleMap(doc, cycleId)._map.get('status')!.lastId)
    owner.send(updateMessage(craftUpdate([{ client: BIG_CLIENT, clock: 0, origin: current, content: { any: ['closed'] } }])))
    await exchange(owner)
    expect(owner.closeCode).toBeNull()
    expect(await serverStatus(cycleId)).toBe(CycleStatus.Closed)
  })

  it('updates that do not come near a cycle\'s status never get the close look', async () => {
    const cycleId = await room()
    const closeLook = vi.spyOn(CycleGuard.prototype, 'ownerOnlyChange')
    const owner = await joined(Role.Owner)
    publishCycle(openSession(owner.doc), cycleId)
    await exchange(owner)
    const editor = await joined()
    expect(closeLook).not.toHaveBeenCalled()
    const s = openSession(editor.doc)
    const tasks = Array.from({ length: 20 }, (_, i) => createTask(s, { title: `Task ${i}`, columnId: 'todo', keyResultId: fixture.krA }))
    for (const [i, taskId] of tasks.entries()) {
      moveTask(s, { taskId, columnId: 'doing', keyResultId: fixture.krB, index: i })
      updateTask(s, taskId, { title: `Task ${i} (moved)` })
    }
    await exchange(owner, editor)
    // Renaming a cycle writes beside its old name: not near its status either.
    updateCycle(s, cycleId, { name: 'Renamed' })
    await exchange(owner, editor)
    expect(closeLook).not.toHaveBeenCalled()
    // A new cycle is an entry of the cycles root: looked at, and let through.
    createCycle(s, { name: 'Q2 2026', startDate: '2026-04-01', endDate: '2026-06-30' })
    await exchange(owner, editor)
    expect(closeLook).toHaveBeenCalledTimes(1)
    expect(editor.closeCode).toBeNull()
  })
})

/** A fresh editor makes `edit` on the cycle and is refused; nobody else sees it. */
async function refusedEdit(cycleId: string, edit: (m: Y.Map<unknown>) => void): Promise<void> {
  await refusedCycles((cycles) => edit(cycles.get(cycleId) as Y.Map<unknown>))
}

async function refusedCycles(edit: (cycles: Y.Map<unknown>) => void): Promise<void> {
  const editor = await joined()
  const before = await h.rooms.withDoc('w1', (doc) => JSON.stringify(doc.getMap(Root.Cycles).toJSON()))
  editor.doc.transact(() => edit(editor.doc.getMap(Root.Cycles)))
  await exchange(editor)
  expect(editor.closeCode).toBe(CloseCode.Forbidden)
  expect(await h.rooms.withDoc('w1', (doc) => JSON.stringify(doc.getMap(Root.Cycles).toJSON()))).toBe(before)
}

function fill(m: Y.Map<unknown>, write: (m: Y.Map<unknown>) => void): Y.Map<unknown> {
  // Prelim content is written when the map is integrated, in the same transaction.
  write(m)
  return m
}

async function waitForUnload(): Promise<void> {
  for (let i = 0; i < 100 && h.rooms.stats().rooms > 0; i++) await new Promise((resolve) => setTimeout(resolve, 5))
  expect(h.rooms.stats().rooms).toBe(0)
}
