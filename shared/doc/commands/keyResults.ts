/**
 * @module Key-result commands. Before publishing they are drafted freely; after it, a change to
 * how a KR is measured must give a reason and is written to the change log.
 */
import * as z from 'zod/mini'
import { CycleStatus, KeyResultKind, enumValues } from '../../model/index.ts'
import type { ChangeId, Cycle, KeyResult, KeyResultId } from '../../model/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { dateSchema, finite, idSchema, keyResultIdSchema, objectiveIdSchema, parse, personIdSchema, reasonSchema, titleSchema } from '../input.ts'
import { cycleOfKeyResult, cycleRecord, keyResultRecord, objectiveRecord, requireNotClosed, requireRef } from '../lookup.ts'
import { Root, insertRecord, newText } from '../schema.ts'
import type { Session } from '../session.ts'
import { setTextField } from '../text.ts'
import { detachKeyResult } from './detach.ts'

const kind = z.enum(enumValues(KeyResultKind) as [KeyResultKind, ...KeyResultKind[]])
const weight = z.number().check(z.minimum(0, 'must not be below 0'), z.maximum(100, 'must not be above 100'))

const measureFields = {
  kind,
  unit: z.string().check(z.trim(), z.maxLength(40)),
  start: z.nullable(finite),
  target: z.nullable(finite),
  rangeLow: z.nullable(finite),
  rangeHigh: z.nullable(finite),
  dueDate: z.nullable(dateSchema),
  weight,
}

/** The fields that define how a KR is measured: changing them after publishing is logged. */
export const MEASURE_FIELDS = Object.keys(measureFields) as ReadonlyArray<keyof typeof measureFields>

const createInput = z
  .object({
    id: z.optional(keyResultIdSchema),
    objectiveId: objectiveIdSchema,
    title: titleSchema,
    kind: z._default(kind, KeyResultKind.Increase),
    unit: z._default(measureFields.unit, ''),
    start: z._default(measureFields.start, null),
    target: z._default(measureFields.target, null),
    rangeLow: z._default(measureFields.rangeLow, null),
    rangeHigh: z._default(measureFields.rangeHigh, null),
    dueDate: z._default(measureFields.dueDate, null),
    weight: z._default(weight, 0),
    ownerId: z._default(z.nullable(personIdSchema), null),
    reason: z.optional(reasonSchema),
  })
  .check(z.refine(rangeInOrder, { message: 'must not be below rangeLow', path: ['rangeHigh'] }))

export type CreateKeyResultInput = z.input<typeof createInput>

function rangeInOrder(kr: { rangeLow?: number | null; rangeHigh?: number | null }): boolean {
  return kr.rangeLow === null || kr.rangeLow === undefined || kr.rangeHigh === null || kr.rangeHigh === undefined
    ? true
    : kr.rangeHigh >= kr.rangeLow
}

/** Adds a key result; in a published cycle this needs a reason and is logged. */
export function createKeyResult(s: Session, input: CreateKeyResultInput): KeyResultId {
  const k = parse(createInput, input)
  const [objective] = objectiveRecord(s.doc, k.objectiveId)
  const [cycle] = cycleRecord(s.doc, objective.cycleId)
  requireNotClosed(cycle, 'Cannot add a key result')
  const reason = reasonIfPublished(cycle, k.reason)
  requireRef(s.doc, Root.People, 'person', k.ownerId)
  const id = k.id ?? s.newId<KeyResultId>()
  s.doc.transact(() => {
    insertRecord(s.doc, Root.KeyResults, id, {
      objectiveId: k.objectiveId,
      title: newText(k.title),
      kind: k.kind,
      unit: k.unit,
      start: k.start,
      target: k.target,
      rangeLow: k.rangeLow,
      rangeHigh: k.rangeHigh,
      dueDate: k.dueDate,
      weight: k.weight,
      ownerId: k.ownerId,
      createdAt: s.now(),
    })
    if (reason !== null) logChange(s, id, 'created', null, k.title, reason)
  }, s.origin)
  return id
}

const patchInput = z.partial(z.strictObject({ ...measureFields, title: titleSchema, ownerId: z.nullable(personIdSchema) }))

export type KeyResultPatch = z.input<typeof patchInput>

/**
 * Edits a key result. Title and owner change freely; in a published cycle a change to how the KR
 * is measured needs `reason` and each changed field is logged (what, from, to, who, when).
 */
export function updateKeyResult(s: Session, id: KeyResultId, patch: KeyResultPatch, reason?: string): void {
  const input = parse(patchInput, patch)
  const [kr, m] = keyResultRecord(s.doc, id)
  const cycle = cycleOfKeyResult(s.doc, kr)
  requireNotClosed(cycle, 'Cannot change the key result')
  requireRef(s.doc, Root.People, 'person', input.ownerId)
  const next = { ...kr, ...input }
  if (!rangeInOrder(next)) refuse(CommandErrorCode.Invalid, 'rangeHigh: must not be below rangeLow', 'rangeHigh')
  const changed = MEASURE_FIELDS.filter((key) => input[key] !== undefined && input[key] !== kr[key])
  const why = changed.length > 0 ? reasonIfPublished(cycle, reason) : null
  s.doc.transact(() => {
    for (const [key, value] of Object.entries(input)) {
      if (key === 'title') setTextField(m, key, value as string)
      else m.set(key, value)
    }
    if (why !== null) for (const key of changed) logChange(s, id, key, kr[key], next[key], why)
  }, s.origin)
}

/**
 * Deletes a key result (a reason is needed once published); its tasks stay on the board
 * unlinked and its check-ins stay in the document's history.
 */
export function deleteKeyResult(s: Session, id: KeyResultId, reason?: string): void {
  parse(idSchema, id)
  const [kr] = keyResultRecord(s.doc, id)
  const cycle = cycleOfKeyResult(s.doc, kr)
  requireNotClosed(cycle, 'Cannot delete the key result')
  const why = reasonIfPublished(cycle, reason)
  s.doc.transact(() => {
    if (why !== null) logChange(s, id, 'deleted', kr.title, null, why)
    detachKeyResult(s.doc, id)
  }, s.origin)
}

function reasonIfPublished(cycle: Cycle, reason: string | undefined): string | null {
  if (cycle.status !== CycleStatus.Published) return null
  if (reason === undefined) {
    refuse(CommandErrorCode.ReasonRequired, 'The cycle is published: say why the key result changes', 'reason')
  }
  return parse(reasonSchema, reason)
}

function logChange(
  s: Session,
  keyResultId: KeyResultId,
  field: string,
  from: KeyResult[keyof KeyResult] | null,
  to: KeyResult[keyof KeyResult] | null,
  reason: string,
): void {
  const id = s.newId<ChangeId>()
  s.doc.getMap(Root.ChangeLog).set(id, {
    keyResultId,
    field,
    from: from ?? null,
    to: to ?? null,
    reason,
    authorId: s.actor,
    at: s.now(),
  })
}
