/** A room's checkpoints: meeting start and end, publish and close, daily while it changes. */
import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import {
  checkIn,
  closeCycle,
  endMeeting,
  meetingState,
  openSession,
  publishCycle,
  readSnapshot,
  startMeeting,
} from '../../../shared/doc/index.ts'
import { MeetingKind } from '../../../shared/model/index.ts'
import { CheckpointKeeper, DAY_MS } from '../../../server/rooms/CheckpointKeeper.ts'
import { MemoryCheckpoints } from '../../../server/storage/CheckpointStore.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

function setup() {
  const f = buildWorkspace()
  const store = new MemoryCheckpoints()
  const lines: string[] = []
  const keeper = new CheckpointKeeper(f.doc, { workspaceId: 'ws1', store, now: f.clock.now, log: (l) => lines.push(l), lastAt: f.clock.now() })
  return { ...f, store, keeper, lines }
}

describe('CheckpointKeeper', () => {
  it('takes one at a meeting start and one at its end, each holding the state of that moment', async () => {
    const f = setup()
    publishCycle(f.s, f.cycleId)
    const ada = openSession(f.doc, { actor: f.personId, now: f.clock.now })
    startMeeting(ada, { kind: MeetingKind.Weekly, cycleId: f.cycleId })
    const meetingId = meetingState(f.doc).meeting!.id
    f.clock.advance(60_000)
    checkIn(ada, { keyResultId: f.krA, value: 33, confidence: 7 })
    endMeeting(ada)
    await f.keeper.settled()
    const list = await f.store.list('ws1')
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
    const f = setup()
    publishCycle(f.s, f.cycleId)
    f.clock.advance(DAY_MS - 1)
    checkIn(f.s, { keyResultId: f.krA, value: 21, confidence: 7 })
    f.clock.advance(1)
    checkIn(f.s, { keyResultId: f.krA, value: 22, confidence: 7 })
    checkIn(f.s, { keyResultId: f.krA, value: 23, confidence: 7 })
    closeCycle(f.s, f.cycleId)
    await f.keeper.settled()
    expect((await f.store.list('ws1')).map((c) => c.reason)).toEqual(['publish', 'daily', 'close'])
    expect(f.lines).toEqual([])
  })

  it('takes nothing for edits that move no meeting or cycle within the day', async () => {
    const f = setup()
    for (let i = 0; i < 20; i++) checkIn(f.s, { keyResultId: f.krA, value: i, confidence: 5 })
    await f.keeper.settled()
    expect(await f.store.list('ws1')).toEqual([])
    f.keeper.destroy()
  })
})
