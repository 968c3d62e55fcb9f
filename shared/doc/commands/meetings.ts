/**
 * @module Meeting commands: start, end, hand over the facilitator's role, move through the agenda,
 * and the timer. The meeting is one nested Y.Map under the meeting root's `current` key, so two
 * replicas that start a meeting at the same moment end with one: Yjs keeps one value per map key,
 * the same on every replica. Its agenda items live in their own root (commands/agenda.ts).
 */
import * as Y from 'yjs'
import * as z from 'zod/mini'
import { CycleStatus, ID_PATTERN, MeetingKind, MeetingStatus, enumValues } from '../../model/index.ts'
import type { AgendaItem, AgendaItemId, Meeting, MeetingId, MeetingTimer, PersonId } from '../../model/index.ts'
import { defaultTimebox, meetingAgenda, timerElapsed } from '../../rules/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { cycleIdSchema, idSchema, parse, personIdSchema } from '../input.ts'
import { cycleRecord, requireRef } from '../lookup.ts'
import { rankAt } from '../rank.ts'
import { CURRENT_MEETING, meetingState } from '../readMeeting.ts'
import { Root } from '../schema.ts'
import { facilitated, running } from '../meetingGuards.ts'
import type { Session } from '../session.ts'
import { snapshot } from '../snapshot.ts'

const startInput = z.object({
  kind: z.enum(enumValues(MeetingKind) as [MeetingKind, ...MeetingKind[]]),
  cycleId: cycleIdSchema,
})
export type StartMeetingInput = z.input<typeof startInput>

/**
 * Starts a `kind` meeting on a cycle with the agenda its rules build (M1-M4), the session's person
 * as facilitator, and the timer running on the first item. Refuses with `meeting-running` while
 * one runs (join it instead), and a draft, align or weekly meeting on a closed cycle.
 */
export function startMeeting(s: Session, input: StartMeetingInput): MeetingId {
  const c = parse(startInput, input)
  const actor = requireActor(s)
  const [cycle] = cycleRecord(s.doc, c.cycleId)
  if (cycle.status === CycleStatus.Closed && c.kind !== MeetingKind.Review) {
    refuse(CommandErrorCode.CycleClosed, `${cycle.name} is closed: only a review meeting can look back on it`)
  }
  if (meetingState(s.doc).meeting?.status === MeetingStatus.Running) {
    refuse(CommandErrorCode.MeetingRunning, 'A meeting is already running: join it')
  }
  const now = s.now()
  const id = s.newId<MeetingId>()
  const timebox = defaultTimebox(c.kind)
  const drafts = meetingAgenda(snapshot(s.doc), c.kind, c.cycleId, now)
  const ranks: string[] = []
  const itemIds = drafts.map(() => s.newId<AgendaItemId>())
  s.doc.transact(() => {
    const agenda = s.doc.getMap(Root.Agenda)
    // The last meeting's items go with it (its minutes are the server's, not the document's).
    for (const key of [...agenda.keys()]) agenda.delete(key)
    drafts.forEach((draft, i) => {
      const rank = rankAt(ranks, ranks.length)
      ranks.push(rank)
      const item = new Y.Map<unknown>()
      agenda.set(itemIds[i]!, item)
      for (const [key, value] of Object.entries({
        meetingId: id,
        subject: draft.subject,
        title: draft.title,
        note: draft.note,
        rank,
        timeboxMs: timebox,
        spentMs: 0,
        skipped: false,
        decision: new Y.Text(),
        actions: new Y.Array<string>(),
      })) {
        item.set(key, value)
      }
    })
    const first = itemIds[0] ?? null
    const meeting = new Y.Map<unknown>()
    s.doc.getMap(Root.Meeting).set(CURRENT_MEETING, meeting)
    for (const [key, value] of Object.entries({
      id,
      kind: c.kind,
      cycleId: c.cycleId,
      status: MeetingStatus.Running,
      facilitatorId: actor,
      startedBy: actor,
      startedAt: now,
      endedAt: null,
      currentItemId: first,
      timer: { itemId: first, runningSince: now, elapsedMs: 0 } satisfies MeetingTimer,
      attendeeIds: Y.Array.from([actor]),
    })) {
      meeting.set(key, value)
    }
  }, s.origin)
  return id
}

/** Ends the running meeting; the time on the current item is counted. Facilitator only. */
export function endMeeting(s: Session): void {
  const { meeting, m } = facilitated(s)
  const now = s.now()
  s.doc.transact(() => {
    banked(s, meeting, now)
    m.set('timer', { itemId: null, runningSince: null, elapsedMs: 0 } satisfies MeetingTimer)
    m.set('status', MeetingStatus.Ended)
    m.set('endedAt', now)
  }, s.origin)
}

/** The facilitator hands the role to someone (present, the UI makes sure). */
export function handFacilitator(s: Session, personId: PersonId): void {
  const to = parse(personIdSchema, personId)
  const { m } = facilitated(s)
  requireRef(s.doc, Root.People, 'person', to)
  s.doc.transact(() => m.set('facilitatorId', to), s.origin)
}

/**
 * Takes the facilitator's role without it being handed over: for when the facilitator has left
 * the room (the UI offers it only then). Anyone in the meeting may.
 */
export function claimFacilitator(s: Session): void {
  const actor = requireActor(s)
  const { m } = running(s)
  s.doc.transact(() => m.set('facilitatorId', actor), s.origin)
}

/**
 * Puts `itemId` on everyone's screen: the time spent on the current item is banked, and the timer
 * carries on (running or paused as it was) from what the new item already had.
 */
export function goToAgendaItem(s: Session, itemId: AgendaItemId): void {
  const id = parse(idSchema, itemId) as AgendaItemId
  const { meeting, m } = facilitated(s)
  const target = meeting.agenda.find((item) => item.id === id) ?? refuse(CommandErrorCode.NotFound, `No agenda item ${id}`, id)
  if (meeting.currentItemId === id) return
  const now = s.now()
  s.doc.transact(() => {
    banked(s, meeting, now)
    m.set('currentItemId', id)
    const running = meeting.timer.runningSince !== null || meeting.timer.itemId === null
    m.set('timer', { itemId: id, runningSince: running ? now : null, elapsedMs: target.spentMs } satisfies MeetingTimer)
  }, s.origin)
}

/** The item after the current one that is not skipped, or null at the end. */
export function nextAgendaItem(meeting: Meeting): AgendaItem | null {
  const at = meeting.agenda.findIndex((item) => item.id === meeting.currentItemId)
  return meeting.agenda.slice(at + 1).find((item) => !item.skipped) ?? null
}

/** The item before the current one that is not skipped, or null at the start. */
export function previousAgendaItem(meeting: Meeting): AgendaItem | null {
  const at = meeting.agenda.findIndex((item) => item.id === meeting.currentItemId)
  if (at <= 0) return null
  return [...meeting.agenda.slice(0, at)].reverse().find((item) => !item.skipped) ?? null
}

/** Pauses the countdown of the current item. */
export function pauseTimer(s: Session): void {
  const { meeting, m } = facilitated(s)
  const t = meeting.timer
  if (t.runningSince === null) return
  const now = s.now()
  s.doc.transact(() => m.set('timer', { ...t, runningSince: null, elapsedMs: timerElapsed(t, now) } satisfies MeetingTimer), s.origin)
}

/** Starts the countdown of the current item again. */
export function resumeTimer(s: Session): void {
  const { meeting, m } = facilitated(s)
  const t = meeting.timer
  if (t.runningSince !== null || meeting.currentItemId === null) return
  s.doc.transact(() => m.set('timer', { ...t, itemId: meeting.currentItemId, runningSince: s.now() } satisfies MeetingTimer), s.origin)
}

/**
 * Adds the people the server sees in the running meeting (by presence) to its attendees; those
 * already listed are skipped, so it writes nothing when nobody new came. Returns how many joined.
 */
export function recordAttendees(s: Session, personIds: Iterable<PersonId>): number {
  const { meeting, m } = running(s)
  const known = new Set(meeting.attendeeIds)
  const fresh = [...new Set(personIds)].filter((id) => !known.has(id) && ID_PATTERN.test(id))
  if (fresh.length === 0) return 0
  s.doc.transact(() => {
    const list = m.get('attendeeIds')
    if (list instanceof Y.Array) list.push(fresh)
    else m.set('attendeeIds', Y.Array.from(fresh))
  }, s.origin)
  return fresh.length
}

function requireActor(s: Session): PersonId {
  return s.actor ?? refuse(CommandErrorCode.Invalid, 'Say who you are first: a meeting needs a facilitator')
}

/** Writes the time counted on the current item into its `spentMs`; call inside a transaction. */
function banked(s: Session, meeting: Meeting, now: number): void {
  const itemId = meeting.timer.itemId
  if (itemId === null) return
  const item = s.doc.getMap(Root.Agenda).get(itemId)
  if (item instanceof Y.Map) item.set('spentMs', timerElapsed(meeting.timer, now))
}
