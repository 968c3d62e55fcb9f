/**
 * @module Who attended a meeting, for its minutes: everyone whose presence showed them in it at
 * any time (viewers' presence is never shown, so they are not counted). It looks on each presence
 * change and each change of the meeting (the start may arrive after the presence that names it),
 * only while the workspace holds a running meeting (a map lookup otherwise), and writes only
 * people not yet listed.
 */
import type * as Y from 'yjs'
import { OriginSource, Root, meetingState, openSession } from '../../shared/doc/index.ts'
import { recordAttendees } from '../../shared/doc/meetings.ts'
import { MeetingStatus } from '../../shared/model/index.ts'
import type { PersonId } from '../../shared/model/index.ts'
import { describeError } from './describeError.ts'
import { meetingPersonOf } from './meetingPresence.ts'

export class MeetingAttendance {
  readonly #doc: Y.Doc
  readonly #states: () => Iterable<unknown>
  readonly #log: (line: string) => void

  /** @param states every presence state of the room, whoever owns it */
  #scheduled = false

  constructor(doc: Y.Doc, states: () => Iterable<unknown>, log: (line: string) => void) {
    this.#doc = doc
    this.#states = states
    this.#log = log
    doc.getMap(Root.Meeting).observeDeep(this.#meetingChanged)
  }

  destroy(): void {
    this.#doc.getMap(Root.Meeting).unobserveDeep(this.#meetingChanged)
  }

  /** Looks after the transaction that changed the meeting, never inside it. */
  readonly #meetingChanged = (): void => {
    if (this.#scheduled) return
    this.#scheduled = true
    queueMicrotask(() => {
      this.#scheduled = false
      this.presenceChanged()
    })
  }

  /** Call after presence changed. */
  presenceChanged(): void {
    if (this.#doc.getMap(Root.Meeting).size === 0) return
    const meeting = meetingState(this.#doc).meeting
    if (meeting === null || meeting.status !== MeetingStatus.Running) return
    const listed = new Set(meeting.attendeeIds)
    const fresh: PersonId[] = []
    for (const state of this.#states()) {
      const personId = meetingPersonOf(state, meeting.id)
      if (personId !== null && !listed.has(personId)) fresh.push(personId)
    }
    if (fresh.length === 0) return
    try {
      recordAttendees(openSession(this.#doc, { source: OriginSource.System }), fresh)
    } catch (error) {
      this.#log(`meeting ${meeting.id}: attendees not recorded: ${describeError(error)}`)
    }
  }
}
