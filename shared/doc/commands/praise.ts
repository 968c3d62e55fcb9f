/** @module Praise: "Thank someone", a line addressed to a person, given in a review or any time. Append-only. */
import * as z from 'zod/mini'
import type { MeetingId, PraiseId } from '../../model/index.ts'
import { CommandErrorCode, must, refuse } from '../errors.ts'
import { PRAISE_MAX, idSchema, parse, personIdSchema } from '../input.ts'
import { asFields } from '../decode.ts'
import { requireRef } from '../lookup.ts'
import { meetingState } from '../readMeeting.ts'
import { Root } from '../schema.ts'
import type { Session } from '../session.ts'

const praiseInput = z.object({
  toPersonId: personIdSchema,
  text: z.string().check(z.trim(), z.minLength(1, 'must say what for'), z.maxLength(PRAISE_MAX, `must be at most ${PRAISE_MAX} characters`)),
})
export type PraiseInput = z.input<typeof praiseInput>

/** Thanks a person with a line of text; given during a running meeting, it names the meeting. */
export function thankSomeone(s: Session, input: PraiseInput): PraiseId {
  const c = parse(praiseInput, input)
  requireRef(s.doc, Root.People, 'person', c.toPersonId)
  if (s.actor !== null && s.actor === c.toPersonId) refuse(CommandErrorCode.Invalid, 'toPersonId: thank someone else')
  const meeting = meetingState(s.doc).meeting
  const meetingId: MeetingId | null = meeting !== null && meeting.status === 'running' ? meeting.id : null
  const id = s.newId<PraiseId>()
  const record = { toPersonId: c.toPersonId, fromPersonId: s.actor, text: c.text, at: s.now(), meetingId }
  s.doc.transact(() => s.doc.getMap(Root.Praise).set(id, record), s.origin)
  return id
}

/** Takes back praise; only its author (or anyone, for praise nobody signed). */
export function deletePraise(s: Session, id: PraiseId): void {
  parse(idSchema, id)
  const record = asFields(must(s.doc.getMap(Root.Praise).get(id), 'praise', id))
  const from = record?.['fromPersonId'] ?? null
  if (from !== null && from !== s.actor) refuse(CommandErrorCode.Invalid, 'Only who gave the praise can take it back')
  s.doc.transact(() => s.doc.getMap(Root.Praise).delete(id), s.origin)
}
