/**
 * @module Cycle commands: a cycle moves draft -> published -> closed; an owner may reopen a closed
 * cycle (back to published) with a reason, kept in the cycle's own short log.
 */
import * as Y from 'yjs'
import * as z from 'zod/mini'
import { CycleKind, CycleStatus, enumValues } from '../../model/index.ts'
import type { ChangeId, CycleId } from '../../model/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { cycleIdSchema, dateSchema, idSchema, nameSchema, parse, reasonSchema } from '../input.ts'
import { cycleRecord } from '../lookup.ts'
import { readCycle, readObjective, readTask } from '../read.ts'
import { allRecords } from '../lookup.ts'
import { Root, insertRecord } from '../schema.ts'
import type { Session } from '../session.ts'

const createInput = z
  .object({
    id: z.optional(cycleIdSchema),
    name: nameSchema,
    kind: z._default(z.enum(enumValues(CycleKind) as [CycleKind, ...CycleKind[]]), CycleKind.Quarter),
    startDate: dateSchema,
    endDate: dateSchema,
  })
  .check(z.refine((c) => c.endDate >= c.startDate, { message: 'must not be before startDate', path: ['endDate'] }))

export type CreateCycleInput = z.input<typeof createInput>

/** Creates a draft cycle. */
export function createCycle(s: Session, input: CreateCycleInput): CycleId {
  const c = parse(createInput, input)
  const id = c.id ?? s.newId<CycleId>()
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

const updateInput = z.partial(
  z.strictObject({
    name: nameSchema,
    kind: z.enum(enumValues(CycleKind) as [CycleKind, ...CycleKind[]]),
    startDate: dateSchema,
    endDate: dateSchema,
  }),
)

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

/** Closes a published cycle: only scores and comments change after this, until it is reopened. */
export function closeCycle(s: Session, id: CycleId): void {
  transition(s, id, CycleStatus.Published, CycleStatus.Closed, 'closedAt')
}

/** How many reopenings a cycle keeps: enough to read its story, never a growing history. */
export const MAX_REOPENINGS = 10

/**
 * Reopens a closed cycle (back to published) so its tasks, key results and check-ins can change
 * again; `reason` is required and logged on the cycle with who and when. Only the latest
 * MAX_REOPENINGS entries are kept. Who may do this (owners) is the server's to enforce.
 */
export function reopenCycle(s: Session, id: CycleId, reason: string): void {
  parse(idSchema, id)
  if (typeof reason !== 'string' || reason.trim() === '') {
    refuse(CommandErrorCode.ReasonRequired, 'Say why the cycle is reopened', 'reason')
  }
  const why = parse(reasonSchema, reason)
  const [cycle, m] = cycleRecord(s.doc, id)
  if (cycle.status !== CycleStatus.Closed) {
    refuse(CommandErrorCode.BadTransition, `Cannot reopen a ${cycle.status} cycle; only a closed one`)
  }
  const entryId = s.newId<ChangeId>()
  s.doc.transact(() => {
    m.set('status', CycleStatus.Published)
    m.set('closedAt', null)
    let log = m.get('reopenings')
    // Made at the first reopening, not with the cycle: the log is owner-only (shared/doc/ownerOnly.ts)
    // and an editor may create cycles. Two owners reopening for the very first time at the same
    // moment on two replicas each make a map and one entry is lost; the status still converges.
    if (!(log instanceof Y.Map)) {
      log = new Y.Map<unknown>()
      m.set('reopenings', log)
    }
    const entries = log as Y.Map<unknown>
    entries.set(entryId, { reason: why, authorId: s.actor, at: s.now(), closedAt: cycle.closedAt })
    // Entries are plain values under fresh ids, so concurrent reopenings both stay; trimming by
    // the same order everywhere keeps every replica's log the same length.
    const kept = readCycle(id, m).reopenings
    for (const old of kept.slice(0, Math.max(0, kept.length - MAX_REOPENINGS))) entries.delete(old.id)
  }, s.origin)
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
