/** @module End-of-cycle scoring: self and lead scores merge field by field. */
import * as Y from 'yjs'
import * as z from 'zod/mini'
import { CycleStatus } from '../../model/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { keyResultIdSchema, parse } from '../input.ts'
import { cycleOfKeyResult, keyResultRecord } from '../lookup.ts'
import { Root } from '../schema.ts'
import type { Session } from '../session.ts'

const unitScore = z.nullable(z.number().check(z.minimum(0, 'must be 0 to 1'), z.maximum(1, 'must be 0 to 1')))

const scoreInput = z.strictObject({
  keyResultId: keyResultIdSchema,
  selfScore: z.optional(unitScore),
  leadScore: z.optional(unitScore),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2_000))),
})

export type ScoreInput = z.input<typeof scoreInput>

/** Sets a key result's self score, lead score or note, once its cycle is published. */
export function scoreKeyResult(s: Session, input: ScoreInput): void {
  const { keyResultId, ...fields } = parse(scoreInput, input)
  const [kr] = keyResultRecord(s.doc, keyResultId)
  if (cycleOfKeyResult(s.doc, kr).status === CycleStatus.Draft) {
    refuse(CommandErrorCode.Locked, 'Key results are scored once their cycle is published')
  }
  s.doc.transact(() => {
    const scores = s.doc.getMap(Root.Scores)
    let m = scores.get(keyResultId)
    if (!(m instanceof Y.Map)) {
      m = new Y.Map<unknown>()
      scores.set(keyResultId, m)
    }
    const record = m as Y.Map<unknown>
    for (const [key, value] of Object.entries(fields)) if (value !== undefined) record.set(key, value)
  }, s.origin)
}
