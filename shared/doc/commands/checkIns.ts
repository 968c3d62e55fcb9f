/** @module Check-ins: the weekly value and confidence of a key result. Append-only. */
import * as z from 'zod/mini'
import type { CheckInId } from '../../model/index.ts'
import { checkInIdSchema, finite, keyResultIdSchema, parse } from '../input.ts'
import { cycleOfKeyResult, keyResultRecord, requireNotClosed } from '../lookup.ts'
import { Root } from '../schema.ts'
import type { Session } from '../session.ts'

const checkInInput = z.object({
  id: z.optional(checkInIdSchema),
  keyResultId: keyResultIdSchema,
  value: finite,
  confidence: z.int().check(z.minimum(0), z.maximum(10)),
  note: z._default(z.string().check(z.trim(), z.maxLength(2_000)), ''),
  /** When the check-in was taken; now when left out (imports keep their history). */
  at: z.optional(z.int().check(z.minimum(0))),
})

export type CheckInInput = z.input<typeof checkInInput>

/** Records a key result's current value and the team's confidence (0-10) in reaching it. */
export function checkIn(s: Session, input: CheckInInput): CheckInId {
  const c = parse(checkInInput, input)
  const [kr] = keyResultRecord(s.doc, c.keyResultId)
  requireNotClosed(cycleOfKeyResult(s.doc, kr), 'Cannot check in')
  const id = c.id ?? s.newId<CheckInId>()
  const record = {
    keyResultId: c.keyResultId,
    value: c.value,
    confidence: c.confidence,
    note: c.note,
    authorId: s.actor,
    at: c.at ?? s.now(),
  }
  s.doc.transact(() => s.doc.getMap(Root.CheckIns).set(id, record), s.origin)
  return id
}
