/**
 * Three replicas run random meeting commands (start, move on, reorder, skip, add, timebox, pause,
 * hand over, co-typed decisions, actions, end) with random partial delivery, and must end with the
 * same meeting, the same board and at most one meeting.
 */
import { describe, expect, it } from 'vitest'
import {
  CommandError,
  createPerson,
  editText,
  meetingState,
  openSession,
  publishCycle,
  snapshot,
} from '../../../shared/doc/index.ts'
import {
  addAgendaItem,
  claimFacilitator,
  endMeeting,
  goToAgendaItem,
  handFacilitator,
  moveAgendaItem,
  nextAgendaItem,
  pauseTimer,
  recordAction,
  resumeTimer,
  setTimebox,
  skipAgendaItem,
  startMeeting,
} from '../../../shared/doc/meetings.ts'
import type { Session } from '../../../shared/doc/index.ts'
import { MeetingKind, MeetingStatus, enumValues } from '../../../shared/model/index.ts'
import type { PersonId } from '../../../shared/model/index.ts'
import { seededIds, seededRandom } from '../../helpers/random.ts'
import type { Random } from '../../helpers/random.ts'
import { deliverAll, deliverSome, linkedCopies } from '../../helpers/replicas.ts'
import type { Linked } from '../../helpers/replicas.ts'
import { buildWorkspace } from '../../helpers/workspace.ts'

interface Replica extends Linked {
  readonly s: Session
}

function replicas(random: Random): Replica[] {
  const base = buildWorkspace()
  publishCycle(base.s, base.cycleId)
  const people = [base.personId, createPerson(base.s, { name: 'Bo' }), createPerson(base.s, { name: 'Cy' })]
  return linkedCopies(base.doc, people.length).map((r, i) => ({
    ...r,
    s: openSession(r.doc, { actor: people[i] as PersonId, now: base.clock.now, newId: seededIds(random, `r${i}`) }),
  }))
}

/** One random meeting command; refusals (not the facilitator, no meeting) are part of the game. */
function randomMeetingCommand(r: Replica, all: Replica[], random: Random): void {
  const meeting = meetingState(r.doc).meeting
  const running = meeting?.status === MeetingStatus.Running
  const cycleId = [...snapshot(r.doc).cycles.keys()][0]!
  const items = meeting?.agenda ?? []
  const roll = random.int(100)
  if (!running || roll < 4) {
    startMeeting(r.s, { kind: random.pick(enumValues(MeetingKind)), cycleId })
  } else if (roll < 8) {
    claimFacilitator(r.s)
  } else if (roll < 30) {
    const next = nextAgendaItem(meeting) ?? items[0]
    if (next !== undefined) goToAgendaItem(r.s, random.bool(0.7) ? next.id : random.pick(items).id)
  } else if (roll < 40 && items.length > 0) {
    moveAgendaItem(r.s, random.pick(items).id, random.int(items.length + 1))
  } else if (roll < 46 && items.length > 0) {
    skipAgendaItem(r.s, random.pick(items).id, random.bool())
  } else if (roll < 52) {
    addAgendaItem(r.s, { title: `Topic ${random.word()}` })
  } else if (roll < 58 && items.length > 0) {
    setTimebox(r.s, random.pick(items).id, 60_000 * (1 + random.int(9)))
  } else if (roll < 64) {
    if (random.bool()) pauseTimer(r.s)
    else resumeTimer(r.s)
  } else if (roll < 68) {
    handFacilitator(r.s, random.pick(all).s.actor!)
  } else if (roll < 88 && items.length > 0) {
    const item = random.pick(items)
    const at = random.int(item.decision.length + 1)
    editText(r.s, { record: 'agendaItem', id: item.id, key: 'decision' }, { index: at, remove: 0, insert: `${random.word(3)} ` })
  } else if (roll < 95 && items.length > 0) {
    const krs = [...snapshot(r.doc).keyResults.keys()]
    recordAction(r.s, { itemId: random.pick(items).id, title: `Do ${random.word()}`, keyResultId: random.pick(krs), assigneeId: r.s.actor })
  } else {
    endMeeting(r.s)
  }
}

function run(seed: number, steps: number): { all: Replica[]; refused: number; applied: number } {
  const random = seededRandom(seed)
  const all = replicas(random)
  let refused = 0
  let applied = 0
  for (let step = 0; step < steps; step++) {
    const r = random.pick(all)
    try {
      randomMeetingCommand(r, all, random)
      applied++
    } catch (error) {
      if (!(error instanceof CommandError)) throw error
      refused++
    }
    if (random.bool(0.6)) deliverSome(all, random)
  }
  deliverAll(all)
  return { all, refused, applied }
}

describe('meeting convergence', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('seed %i: every replica ends with the same meeting and board', (seed) => {
    const { all, applied } = run(seed, 250)
    expect(applied).toBeGreaterThan(100)
    const [first, ...rest] = all
    const meeting = meetingState(first!.doc).meeting
    expect(meeting).not.toBeNull()
    for (const r of rest) {
      expect(meetingState(r.doc).meeting).toEqual(meeting)
      expect([...snapshot(r.doc).tasks.keys()].sort()).toEqual([...snapshot(first!.doc).tasks.keys()].sort())
    }
    // One meeting: every agenda item in the document belongs to it or to a start that lost.
    const current = meeting!.agenda.map((i) => i.id)
    expect(new Set(current).size).toBe(current.length)
    if (meeting!.currentItemId !== null) expect(current).toContain(meeting!.currentItemId)
  })
})
