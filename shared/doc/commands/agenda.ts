/**
 * @module Agenda commands of the running meeting: reorder, skip, add an item, change a timebox,
 * and record an action (a task under the item's key result, on the board at once). Items are
 * Y.Maps in the agenda root, ordered by fractional rank; a decision is co-typed (textFields.ts).
 */
import * as Y from 'yjs'
import * as z from 'zod/mini'
import { AgendaItemKind, ColumnKind } from '../../model/index.ts'
import type { AgendaItemId, AgendaSubject, ColumnId, KeyResultId, TaskId } from '../../model/index.ts'
import { defaultTimebox } from '../../rules/index.ts'
import { CommandErrorCode, refuse } from '../errors.ts'
import { dateSchema, idSchema, keyResultIdSchema, parse, personIdSchema, taskTitleSchema, titleSchema } from '../input.ts'
import { keyResultRecord } from '../lookup.ts'
import { rankAt } from '../rank.ts'
import { Root } from '../schema.ts'
import type { Session } from '../session.ts'
import { sortedColumns } from '../selectors.ts'
import { snapshot } from '../snapshot.ts'
import { createTask } from './tasks.ts'
import { facilitated, running } from '../meetingGuards.ts'

/** Shortest and longest timebox a facilitator may set. */
export const MIN_TIMEBOX_MS = 30_000
export const MAX_TIMEBOX_MS = 2 * 60 * 60_000

const itemIdSchema = idSchema as unknown as z.ZodMiniType<AgendaItemId, string>

/** Moves an item to `index` in the agenda (0 = first). */
export function moveAgendaItem(s: Session, itemId: AgendaItemId, index: number): void {
  const id = parse(itemIdSchema, itemId)
  const to = parse(z.int().check(z.minimum(0)), index)
  const { meeting } = facilitated(s)
  const item = itemMap(s, id)
  const others = meeting.agenda.filter((i) => i.id !== id).map((i) => i.rank)
  s.doc.transact(() => item.set('rank', rankAt(others, to)), s.origin)
}

/** Marks an item skipped (the facilitator's "next" passes over it), or back on the agenda. */
export function skipAgendaItem(s: Session, itemId: AgendaItemId, skipped = true): void {
  const id = parse(itemIdSchema, itemId)
  facilitated(s)
  const item = itemMap(s, id)
  s.doc.transact(() => item.set('skipped', skipped), s.origin)
}

const addInput = z.object({
  title: titleSchema,
  /** An item about a key result opens its panel; without one it is a free topic. */
  keyResultId: z._default(z.nullable(keyResultIdSchema), null),
  /** Where to put it: right after the current item when left out. */
  index: z.optional(z.int().check(z.minimum(0))),
})
export type AddAgendaItemInput = z.input<typeof addInput>

/** Adds an item to the agenda, by default right after the current one. */
export function addAgendaItem(s: Session, input: AddAgendaItemInput): AgendaItemId {
  const c = parse(addInput, input)
  const { meeting } = facilitated(s)
  if (c.keyResultId !== null) keyResultRecord(s.doc, c.keyResultId)
  const ranks = meeting.agenda.map((i) => i.rank)
  const current = meeting.agenda.findIndex((i) => i.id === meeting.currentItemId)
  const index = c.index ?? (current === -1 ? ranks.length : current + 1)
  const subject: AgendaSubject =
    c.keyResultId === null ? { kind: AgendaItemKind.Custom } : { kind: AgendaItemKind.KeyResult, keyResultId: c.keyResultId }
  const id = s.newId<AgendaItemId>()
  s.doc.transact(() => {
    const item = new Y.Map<unknown>()
    s.doc.getMap(Root.Agenda).set(id, item)
    for (const [key, value] of Object.entries({
      meetingId: meeting.id,
      subject,
      title: c.title,
      note: '',
      rank: rankAt(ranks, index),
      timeboxMs: defaultTimebox(meeting.kind),
      spentMs: 0,
      skipped: false,
      decision: new Y.Text(),
      actions: new Y.Array<string>(),
    })) {
      item.set(key, value)
    }
  }, s.origin)
  return id
}

/** Sets an item's timebox (`MIN_TIMEBOX_MS` to `MAX_TIMEBOX_MS`); "+1 min" is this plus a minute. */
export function setTimebox(s: Session, itemId: AgendaItemId, timeboxMs: number): void {
  const id = parse(itemIdSchema, itemId)
  const ms = parse(z.int().check(z.minimum(MIN_TIMEBOX_MS), z.maximum(MAX_TIMEBOX_MS)), timeboxMs)
  facilitated(s)
  const item = itemMap(s, id)
  s.doc.transact(() => item.set('timeboxMs', ms), s.origin)
}

const actionInput = z.object({
  itemId: itemIdSchema,
  title: taskTitleSchema,
  keyResultId: keyResultIdSchema,
  assigneeId: z._default(z.nullable(personIdSchema), null),
  dueDate: z._default(z.nullable(dateSchema), null),
})
export type RecordActionInput = z.input<typeof actionInput>

/**
 * Records an action on an agenda item: a task under `keyResultId` in the board's first column,
 * with its assignee and due date, listed on the item. Anyone in the meeting may; one transaction.
 */
export function recordAction(s: Session, input: RecordActionInput): TaskId {
  const c = parse(actionInput, input)
  running(s)
  const item = itemMap(s, c.itemId)
  let taskId: TaskId | undefined
  s.doc.transact(() => {
    taskId = createTask(s, {
      title: c.title,
      keyResultId: c.keyResultId as KeyResultId,
      columnId: firstColumn(s),
      assigneeId: c.assigneeId,
      dueDate: c.dueDate,
    })
    const actions = item.get('actions')
    if (actions instanceof Y.Array) actions.push([taskId])
    else item.set('actions', Y.Array.from([taskId]))
  }, s.origin)
  return taskId!
}

/** Where a new action lands: the first to-do column, else the first column. */
function firstColumn(s: Session): ColumnId {
  const columns = sortedColumns(snapshot(s.doc))
  const column = columns.find((c) => c.kind === ColumnKind.Todo) ?? columns[0]
  return column?.id ?? refuse(CommandErrorCode.NotFound, 'The board has no column for the action')
}

function itemMap(s: Session, id: AgendaItemId): Y.Map<unknown> {
  const { meeting } = running(s)
  const value = s.doc.getMap(Root.Agenda).get(id)
  if (!(value instanceof Y.Map) || value.get('meetingId') !== meeting.id) {
    return refuse(CommandErrorCode.NotFound, `No agenda item ${id} in this meeting`, id)
  }
  return value
}
