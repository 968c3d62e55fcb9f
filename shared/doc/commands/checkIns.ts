/** @module Check-ins: the weekly value and confidence of a key result. Append-only. */
import { z } from 'zod'
import type { CheckInId } from '../../model/index.ts'
import { checkInIdSchema, finite, keyResultIdSchema, parse } from '../input.ts'
import { cycleOfKeyResult, keyResultRecord, requireNotClosed } from '../lookup.ts'
import { Root } from '../schema.ts'
import type { Session } from '../session.ts'

const checkInInput = z.object({
  id: checkInIdSchema.optional(),
  keyResultId: keyResultIdSchema,
  value: finite,
  confidence: z.number().int().min(0).max(10),
  note: z.string().trim().max(2_000).default(''),
  /** When the check-in was taken; now when left out (imports keep their history). */
  at: z.number().int().min(0).optional(),
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
