/** @module Cycle commands: a cycle moves draft -> published -> closed and never back. */
import { z } from 'zod'
import { CycleKind, CycleStatus, enumValues } from '../../model/index.ts'
import type { CycleId } from '../../model/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { dateSchema, idSchema, nameSchema, parse } from '../input.ts'
import { cycleRecord } from '../lookup.ts'
import { readObjective, readTask } from '../read.ts'
import { allRecords } from '../lookup.ts'
import { Root, insertRecord } from '../schema.ts'
import type { Session } from '../session.ts'

const createInput = z
  .object({
    id: idSchema.optional(),
    name: nameSchema,
    kind: z.enum(enumValues(CycleKind) as [CycleKind, ...CycleKind[]]).default(CycleKind.Quarter),
    startDate: dateSchema,
    endDate: dateSchema,
  })
  .refine((c) => c.endDate >= c.startDate, { message: 'must not be before startDate', path: ['endDate'] })

export type CreateCycleInput = z.input<typeof createInput>

/** Creates a draft cycle. */
export function createCycle(s: Session, input: CreateCycleInput): CycleId {
  const c = parse(createInput, input)
  const id = (c.id ?? s.newId()) as CycleId
  s.doc.transact(() => {
    insertRecord(s.doc, Root.Cycles, id, {
      name: c.name,
      kind: c.kind,
      startDate: c.startDate,
      endDate: c.endDate,
      status: CycleStatus.Draft,
      publishedAt: null,
      closedAt: null,
    })
  }, s.origin)
  return id
}

const updateInput = z
  .object({
    name: nameSchema,
    kind: z.enum(enumValues(CycleKind) as [CycleKind, ...CycleKind[]]),
    startDate: dateSchema,
    endDate: dateSchema,
  })
  .partial()
  .strict()

/** Renames a cycle; its dates and kind may change only while it is a draft. */
export function updateCycle(s: Session, id: CycleId, patch: z.input<typeof updateInput>): void {
  const input = parse(updateInput, patch)
  const [cycle, m] = cycleRecord(s.doc, id)
  const touchesDates = input.startDate !== undefined || input.endDate !== undefined || input.kind !== undefined
  if (touchesDates && cycle.status !== CycleStatus.Draft) {
    refuse(CommandErrorCode.Locked, `The dates of a ${cycle.status} cycle are fixed`)
  }
  if ((input.endDate ?? cycle.endDate) < (input.startDate ?? cycle.startDate)) {
    refuse(CommandErrorCode.Invalid, 'endDate: must not be before startDate', 'endDate')
  }
  s.doc.transact(() => {
    for (const [key, value] of Object.entries(input)) m.set(key, value)
  }, s.origin)
}

/** Publishes a draft cycle: its objectives become fixed, KR edits need a logged reason. */
export function publishCycle(s: Session, id: CycleId): void {
  transition(s, id, CycleStatus.Draft, CycleStatus.Published, 'publishedAt')
}

/** Closes a published cycle: only scores and comments change after this. */
export function closeCycle(s: Session, id: CycleId): void {
  transition(s, id, CycleStatus.Published, CycleStatus.Closed, 'closedAt')
}

function transition(s: Session, id: CycleId, from: CycleStatus, to: CycleStatus, stamp: string): void {
  parse(idSchema, id)
  const [cycle, m] = cycleRecord(s.doc, id)
  if (cycle.status !== from) {
    refuse(CommandErrorCode.BadTransition, `Cannot move the cycle from ${cycle.status} to ${to}`)
  }
  s.doc.transact(() => {
    m.set('status', to)
    m.set(stamp, s.now())
  }, s.origin)
}

/** Deletes an empty cycle; one that still has objectives or tasks is refused. */
export function deleteCycle(s: Session, id: CycleId): void {
  parse(idSchema, id)
  cycleRecord(s.doc, id)
  const used =
    allRecords(s.doc, Root.Objectives, readObjective).some((o) => o.cycleId === id) ||
    allRecords(s.doc, Root.Tasks, readTask).some((t) => t.cycleId === id)
  if (used) refuse(CommandErrorCode.InUse, 'The cycle still has objectives or tasks')
  s.doc.transact(() => s.doc.getMap(Root.Cycles).delete(id), s.origin)
}
