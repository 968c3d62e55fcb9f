/** A room's checkpoints: meeting start and end, publish and close, daily while it changes. */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  checkIn,
  closeCycle,
  meetingState,
  openSession,
  publishCycle,
  readSnapshot,
} from '../../../shared/doc/index.ts'
import { endMeeting, startMeeting } from '../../../shared/doc/meetings.ts'
import { MeetingKind } from '../../../shared/model/index.ts'
import { CheckpointKeeper, DAY_MS } from '../../../server/rooms/CheckpointKeeper.ts'
import { MemoryCheckpoints } from '../../../server/storage/CheckpointStore.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

async function setup(retentionDays = 90) {
  const f = buildWorkspace()
  const store = new MemoryCheckpoints()
  // An older checkpoint: the daily one is a day after it, not at the first change.
  await store.write('ws1', f.clock.now() - 1, 'daily', null, new Uint8Array([0, 0]))
  const lines: string[] = []
  const keeper = new CheckpointKeeper(f.doc, { workspaceId: 'ws1', store, now: f.clock.now, log: (l) => lines.push(l), retentionDays })
  await keeper.ready()
  const taken = async () => (await store.list('ws1')).slice(1)
  return { ...f, store, keeper, lines, taken }
}

describe('CheckpointKeeper', () => {
  it('takes one at a meeting start and one at its end, each holding the state of that moment', async () => {
    const f = await setup()
    publishCycle(f.s, f.cycleId)
    const ada = openSession(f.doc, { actor: f.personId, now: f.clock.now })
    startMeeting(ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    const meetingId = meetingState(f.doc).meeting!.id
    f.clock.advance(60_000)
    checkIn(ada, { keyResultId: f.krA, value: 33, confidence: 7 })
    endMeeting(ada)
    await f.keeper.settled()
    const list = await f.taken()
    expect(list.map((c) => [c.reason, c.meetingId])).toEqual([
      ['publish', null],
      ['meeting-start', meetingId],
      ['meeting-end', meetingId],
    ])
    const start = new Y.Doc()
    Y.applyUpdate(start, (await f.store.read('ws1', list[1]!.id))!)
    expect(readSnapshot(start).checkIns.size).toBe(0)
    const end = new Y.Doc()
    Y.applyUpdate(end, (await f.store.read('ws1', list[2]!.id))!)
    expect([...readSnapshot(end).checkIns.values()].map((c) => c.value)).toEqual([33])
  })

  it('takes one when a cycle is closed, and a daily one on the first change a day after the last', async () => {
    const f = await setup()
    publishCycle(f.s, f.cycleId)
    f.clock.advance(DAY_MS - 1)
    checkIn(f.s, { keyResultId: f.krA, value: 21, confidence: 7 })
    f.clock.advance(1)
    checkIn(f.s, { keyResultId: f.krA, value: 22, confidence: 7 })
    checkIn(f.s, { keyResultId: f.krA, value: 23, confidence: 7 })
    closeCycle(f.s, f.cycleId)
    await f.keeper.settled()
    expect((await f.taken()).map((c) => c.reason)).toEqual(['publish', 'daily', 'close'])
    expect(f.lines).toEqual([])
  })

  it('takes nothing for edits that move no meeting or cycle within the day', async () => {
    const f = await setup()
    for (let i = 0; i < 20; i++) checkIn(f.s, { keyResultId: f.krA, value: i, confidence: 5 })
    await f.keeper.settled()
    expect(await f.taken()).toEqual([])
    f.keeper.destroy()
  })

  it('takes a first daily checkpoint at the first change of a workspace that has none', async () => {
    const f = buildWorkspace()
    const store = new MemoryCheckpoints()
    const keeper = new CheckpointKeeper(f.doc, { workspaceId: 'ws1', store, now: f.clock.now, log: () => {}, retentionDays: 90 })
    await keeper.ready()
    checkIn(f.s, { keyResultId: f.krA, value: 1, confidence: 5 })
    checkIn(f.s, { keyResultId: f.krA, value: 2, confidence: 5 })
    await keeper.settled()
    expect((await store.list('ws1')).map((c) => c.reason)).toEqual(['daily'])
  })

  it('removes checkpoints older than the retention when it takes a new one', async () => {
    const f = await setup(1)
    f.clock.advance(3 * DAY_MS)
    checkIn(f.s, { keyResultId: f.krA, value: 1, confidence: 5 })
    await f.keeper.settled()
    expect((await f.store.list('ws1')).map((c) => c.reason)).toEqual(['daily'])
    expect((await f.store.list('ws1'))[0]!.at).toBe(f.clock.now())
  })
})
