/**
 * @module Lossless JSON export of a workspace and its import into an empty document: every record
 * with its ids, times and status, so an export imported again exports the same.
 */
import * as Y from 'yjs'
import * as z from 'zod/mini'
import {
  ColumnKind,
  CycleKind,
  CycleStatus,
  KeyResultKind,
  ObjectiveLevel,
  ObjectiveStatus,
  Origin,
  TargetKind,
  enumValues,
} from '../model/index.ts'
import type { WorkspaceSnapshot } from '../model/index.ts'
import { checkModel } from './checkModel.ts'
import { CommandError, CommandErrorCode, refuse } from './errors.ts'
import { PRAISE_MAX, dateSchema, idSchema, parse } from './input.ts'
import { Root, SCHEMA_VERSION, insertRecord, newText } from './schema.ts'
import { tasksInBoardOrder } from './tasksInBoardOrder.ts'
import type { Session } from './session.ts'

export const EXPORT_FORMAT = 'roundtable.workspace/1'

const oneOf = <T extends string>(e: Record<string, T>) => z.enum(enumValues(e) as [T, ...T[]])
const num = z.number().check(z.refine(Number.isFinite, 'must be finite'))
const time = z.int().check(z.minimum(0))
const id = idSchema
const text = (max: number) => z.string().check(z.maxLength(max))

const stall = z.object({
  checkInDays: num.check(z.positive()),
  paceAtRisk: num.check(z.gt(0), z.maximum(1)),
  paceBehind: num.check(z.gt(0), z.maximum(1)),
  staleTaskDays: num.check(z.positive()),
  idleKeyResultDays: num.check(z.positive()),
})

const schema = z.object({
  format: z.literal(EXPORT_FORMAT),
  exportedAt: time,
  settings: z.object({ name: text(200), stall }),
  cycles: z.array(
    z.object({
      id,
      name: text(200),
      kind: oneOf(CycleKind),
      startDate: dateSchema,
      endDate: dateSchema,
      status: oneOf(CycleStatus),
      publishedAt: z.nullable(time),
      closedAt: z.nullable(time),
      // Left out by exports made before cycles could be reopened; a reopen trims to
      // MAX_REOPENINGS, but concurrent ones on two replicas can leave a few more.
      reopenings: z._default(
        z
          .array(z.object({ id, reason: text(2_000), authorId: z.nullable(id), at: time, closedAt: z.nullable(time) }))
          .check(z.maxLength(100)),
        [],
      ),
    }),
  ),
  teams: z.array(z.object({ id, name: text(200) })),
  people: z.array(z.object({ id, name: text(200), teamId: z.nullable(id) })),
  objectives: z.array(
    z.object({
      id,
      title: text(500),
      description: text(20_000),
      // Left out by exports made before review notes existed.
      wentWell: z._default(text(20_000), ''),
      toChange: z._default(text(20_000), ''),
      level: oneOf(ObjectiveLevel),
      ownerId: z.nullable(id),
      teamId: z.nullable(id),
      cycleId: id,
      alignment: z.nullable(z.object({ kind: z.enum(['objective', 'keyResult']), id })),
      origin: oneOf(Origin),
      status: oneOf(ObjectiveStatus),
      createdAt: time,
    }),
  ),
  keyResults: z.array(
    z.object({
      id,
      objectiveId: id,
      title: text(500),
      kind: oneOf(KeyResultKind),
      unit: text(40),
      start: z.nullable(num),
      target: z.nullable(num),
      rangeLow: z.nullable(num),
      rangeHigh: z.nullable(num),
      dueDate: z.nullable(dateSchema),
      weight: num.check(z.minimum(0), z.maximum(100)),
      ownerId: z.nullable(id),
      createdAt: time,
    }),
  ),
  tasks: z.array(
    z.object({
      id,
      cycleId: id,
      title: text(500),
      assigneeId: z.nullable(id),
      dueDate: z.nullable(dateSchema),
      labels: z.array(text(40)).check(z.maxLength(20)),
      placement: z.object({ columnId: id, keyResultId: z.nullable(id), rank: z.string().check(z.minLength(1), z.maxLength(200)) }),
      createdAt: time,
      movedAt: time,
      missedReason: z.nullable(text(2_000)),
    }),
  ),
  columns: z.array(
    z.object({
      id,
      name: text(200),
      kind: oneOf(ColumnKind),
      wipLimit: z.nullable(z.int().check(z.minimum(0))),
      order: z.string().check(z.minLength(1), z.maxLength(200)),
    }),
  ),
  checkIns: z.array(
    z.object({
      id,
      keyResultId: id,
      value: num,
      confidence: z.int().check(z.minimum(0), z.maximum(10)),
      note: text(2_000),
      authorId: z.nullable(id),
      at: time,
    }),
  ),
  comments: z.array(
    z.object({
      id,
      target: z.object({ kind: oneOf(TargetKind), id }),
      // Optional: exports made before replies, edits and deletes do not have them.
      parentId: z.optional(z.nullable(id)),
      body: text(10_000),
      mentions: z.array(id).check(z.maxLength(50)),
      authorId: z.nullable(id),
      at: time,
      editedAt: z.optional(z.nullable(time)),
      deletedAt: z.optional(z.nullable(time)),
    }),
  ),
  scores: z.array(
    z.object({
      keyResultId: id,
      selfScore: z.nullable(num.check(z.minimum(0), z.maximum(1))),
      leadScore: z.nullable(num.check(z.minimum(0), z.maximum(1))),
      note: text(2_000),
    }),
  ),
  // Left out by exports made before praise existed.
  praise: z._default(
    z.array(z.object({ id, toPersonId: id, fromPersonId: z.nullable(id), text: text(PRAISE_MAX), at: time, meetingId: z.nullable(id) })),
    [],
  ),
  changeLog: z.array(
    z.object({
      id,
      keyResultId: id,
      field: text(40),
      from: z.nullable(z.union([text(2_000), num])),
      to: z.nullable(z.union([text(2_000), num])),
      reason: text(2_000),
      authorId: z.nullable(id),
      at: time,
    }),
  ),
})

export type WorkspaceExport = z.infer<typeof schema>

const byId = <T extends { id: string } | { keyResultId: string }>(items: Iterable<T>): T[] =>
  [...items].sort((a, b) => {
    const ka = 'id' in a ? a.id : a.keyResultId
    const kb = 'id' in b ? b.id : b.keyResultId
    return ka < kb ? -1 : ka > kb ? 1 : 0
  })

/** The whole workspace as plain JSON, collections sorted by id. */
export function exportWorkspace(snap: WorkspaceSnapshot, now: number): WorkspaceExport {
  return structuredClone({
    format: EXPORT_FORMAT,
    exportedAt: now,
    settings: snap.settings,
    cycles: byId(snap.cycles.values()),
    teams: byId(snap.teams.values()),
    people: byId(snap.people.values()),
    objectives: byId(snap.objectives.values()),
    keyResults: byId(snap.keyResults.values()),
    tasks: byId(snap.tasks.values()),
    columns: byId(snap.columns.values()),
    checkIns: byId(snap.checkIns.values()),
    comments: byId(snap.comments.values()),
    scores: byId(snap.scores.values()),
    changeLog: byId(snap.changeLog.values()),
    praise: byId(snap.praise.values()),
  }) as unknown as WorkspaceExport
}

/**
 * Validates an export, shape and references both (every id it names must be in it), and returns
 * it typed; anything wrong is a CommandError `invalid` naming the first problem.
 */
export function parseWorkspaceExport(data: unknown): WorkspaceExport {
  const x = parse(schema, data)
  const asMap = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]))
  const view = {
    settings: x.settings,
    cycles: asMap(x.cycles),
    teams: asMap(x.teams),
    people: asMap(x.people),
    objectives: asMap(x.objectives),
    keyResults: asMap(x.keyResults),
    tasks: asMap(x.tasks),
    columns: asMap(x.columns),
    checkIns: asMap(x.checkIns),
    comments: asMap(x.comments),
    scores: new Map(x.scores.map((score) => [score.keyResultId, score])),
    changeLog: asMap(x.changeLog),
    praise: asMap(x.praise),
  } as unknown as WorkspaceSnapshot
  const problem = checkModel(view)[0]
  if (problem !== undefined) refuse(CommandErrorCode.Invalid, `${problem.id}: ${problem.problem}`, problem.id)
  if (x.columns.length === 0) refuse(CommandErrorCode.Invalid, 'columns: a board needs at least one column', 'columns')
  const people = new Set(x.people.map((p) => p.id))
  const teams = new Set(x.teams.map((t) => t.id))
  for (const task of x.tasks) {
    if (task.assigneeId !== null && !people.has(task.assigneeId)) refuse(CommandErrorCode.Invalid, `${task.id}: unknown assignee`, task.id)
  }
  for (const person of x.people) {
    if (person.teamId !== null && !teams.has(person.teamId)) refuse(CommandErrorCode.Invalid, `${person.id}: unknown team`, person.id)
  }
  return x
}

/** Writes an export into an empty document as one transaction; refused data writes nothing. */
export function importWorkspace(s: Session, data: unknown): void {
  const x = parseWorkspaceExport(data)
  if (s.doc.getMap(Root.Columns).size > 0 || s.doc.getMap(Root.Objectives).size > 0) {
    throw new CommandError(CommandErrorCode.InUse, 'Import needs an empty workspace')
  }
  s.doc.transact(() => {
    s.doc.getMap(Root.Meta).set('schemaVersion', SCHEMA_VERSION)
    const settings = s.doc.getMap(Root.Settings)
    settings.set('name', x.settings.name)
    for (const [key, value] of Object.entries(x.settings.stall)) settings.set(key, value)
    for (const { id: key, reopenings, ...rest } of x.cycles) {
      const log = new Y.Map<unknown>()
      insertRecord(s.doc, Root.Cycles, key, { ...rest, reopenings: log })
      for (const { id: entryId, ...entry } of reopenings) log.set(entryId, entry)
    }
    for (const { id: key, ...rest } of x.teams) insertRecord(s.doc, Root.Teams, key, rest)
    for (const { id: key, ...rest } of x.people) insertRecord(s.doc, Root.People, key, rest)
    // Written in the order a board is drawn (see tasksInBoardOrder): a browser receives the first
    // sync in pieces in this order, and can show the first lanes once their pieces are in.
    for (const { id: key, ...rest } of x.columns) insertRecord(s.doc, Root.Columns, key, rest)
    for (const { id: key, title, description, wentWell, toChange, ...rest } of x.objectives) {
      const texts = { title: newText(title), description: newText(description), wentWell: newText(wentWell), toChange: newText(toChange) }
      insertRecord(s.doc, Root.Objectives, key, { ...rest, ...texts })
    }
    for (const { id: key, title, ...rest } of x.keyResults) {
      insertRecord(s.doc, Root.KeyResults, key, { ...rest, title: newText(title) })
    }
    for (const { keyResultId, ...rest } of x.scores) insertRecord(s.doc, Root.Scores, keyResultId, rest)
    for (const { id: key, ...rest } of x.checkIns) s.doc.getMap(Root.CheckIns).set(key, rest)
    for (const { id: key, title, ...rest } of tasksInBoardOrder(x)) insertRecord(s.doc, Root.Tasks, key, { ...rest, title: newText(title) })
    for (const { id: key, ...rest } of x.comments) s.doc.getMap(Root.Comments).set(key, rest)
    for (const { id: key, ...rest } of x.changeLog) s.doc.getMap(Root.ChangeLog).set(key, rest)
    for (const { id: key, ...rest } of x.praise) s.doc.getMap(Root.Praise).set(key, rest)
  }, s.origin)
}
