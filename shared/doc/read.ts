/** @module Reads one stored record into its plain model value (before cross-record repair). */
import type * as Y from 'yjs'
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
import type {
  Alignment,
  CheckIn,
  Column,
  ColumnId,
  Comment,
  CommentId,
  Cycle,
  CycleId,
  CycleReopening,
  KeyResult,
  KeyResultChange,
  KeyResultId,
  Objective,
  ObjectiveId,
  Person,
  Placement,
  Praise,
  Score,
  Task,
  Team,
  WorkspaceSettings,
} from '../model/index.ts'
import { asFields, ids, nestedEntries, num, obj, oneOf, optDate, optId, optNum, optStr, str, strings } from './decode.ts'
import { isId } from '../model/index.ts'
import { DEFAULT_STALL_SETTINGS } from '../rules/thresholds.ts'


export function readSettings(map: Y.Map<unknown>): WorkspaceSettings {
  return Object.freeze<WorkspaceSettings>({
    name: str(map, 'name', 'Workspace'),
    stall: Object.freeze({
      checkInDays: positive(num(map, 'checkInDays', DEFAULT_STALL_SETTINGS.checkInDays), DEFAULT_STALL_SETTINGS.checkInDays),
      paceAtRisk: ratio(num(map, 'paceAtRisk', DEFAULT_STALL_SETTINGS.paceAtRisk), DEFAULT_STALL_SETTINGS.paceAtRisk),
      paceBehind: ratio(num(map, 'paceBehind', DEFAULT_STALL_SETTINGS.paceBehind), DEFAULT_STALL_SETTINGS.paceBehind),
      staleTaskDays: positive(num(map, 'staleTaskDays', DEFAULT_STALL_SETTINGS.staleTaskDays), DEFAULT_STALL_SETTINGS.staleTaskDays),
      idleKeyResultDays: positive(
        num(map, 'idleKeyResultDays', DEFAULT_STALL_SETTINGS.idleKeyResultDays),
        DEFAULT_STALL_SETTINGS.idleKeyResultDays,
      ),
    }),
  })
}

function positive(value: number, fallback: number): number {
  return value > 0 ? value : fallback
}

function ratio(value: number, fallback: number): number {
  return value > 0 && value <= 1 ? value : fallback
}

export function readCycle(id: string, m: Y.Map<unknown>): Cycle {
  return Object.freeze<Cycle>({
    id: id as CycleId,
    name: str(m, 'name'),
    kind: oneOf(m, 'kind', enumValues(CycleKind), CycleKind.Quarter),
    startDate: optDate(m, 'startDate') ?? '1970-01-01',
    endDate: optDate(m, 'endDate') ?? optDate(m, 'startDate') ?? '1970-01-01',
    status: oneOf(m, 'status', enumValues(CycleStatus), CycleStatus.Draft),
    publishedAt: optNum(m, 'publishedAt'),
    closedAt: optNum(m, 'closedAt'),
    reopenings: readReopenings(m),
  })
}

/** A cycle's reopenings, oldest first (ties by id, so every replica lists them alike). */
function readReopenings(m: Y.Map<unknown>): readonly CycleReopening[] {
  const list = nestedEntries(m, 'reopenings').map(([id, f]) =>
    Object.freeze<CycleReopening>({
      id: id as CycleReopening['id'],
      reason: str(f, 'reason'),
      authorId: optId(f, 'authorId'),
      at: num(f, 'at', 0),
      closedAt: optNum(f, 'closedAt'),
    }),
  )
  return Object.freeze(list.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
}

export function readTeam(id: string, m: Y.Map<unknown>): Team {
  return Object.freeze<Team>({ id: id as Team['id'], name: str(m, 'name') })
}

export function readPerson(id: string, m: Y.Map<unknown>): Person {
  return Object.freeze<Person>({ id: id as Person['id'], name: str(m, 'name'), teamId: optId(m, 'teamId') })
}

function readAlignment(m: Y.Map<unknown>): Alignment | null {
  const value = obj(m, 'alignment')
  if (value === undefined || !isId(value.id)) return null
  if (value.kind === 'objective') return Object.freeze({ kind: 'objective', id: value.id as ObjectiveId })
  if (value.kind === 'keyResult') return Object.freeze({ kind: 'keyResult', id: value.id as KeyResultId })
  return null
}

export function readObjective(id: string, m: Y.Map<unknown>): Objective {
  return Object.freeze<Objective>({
    id: id as ObjectiveId,
    title: str(m, 'title'),
    description: str(m, 'description'),
    wentWell: str(m, 'wentWell'),
    toChange: str(m, 'toChange'),
    level: oneOf(m, 'level', enumValues(ObjectiveLevel), ObjectiveLevel.Team),
    ownerId: optId(m, 'ownerId'),
    teamId: optId(m, 'teamId'),
    cycleId: (optId(m, 'cycleId') ?? '') as CycleId,
    alignment: readAlignment(m),
    origin: oneOf(m, 'origin', enumValues(Origin), Origin.TopDown),
    status: oneOf(m, 'status', enumValues(ObjectiveStatus), ObjectiveStatus.Active),
    createdAt: num(m, 'createdAt', 0),
  })
}

export function readKeyResult(id: string, m: Y.Map<unknown>): KeyResult {
  return Object.freeze<KeyResult>({
    id: id as KeyResultId,
    objectiveId: (optId(m, 'objectiveId') ?? '') as ObjectiveId,
    title: str(m, 'title'),
    kind: oneOf(m, 'kind', enumValues(KeyResultKind), KeyResultKind.Increase),
    unit: str(m, 'unit'),
    start: optNum(m, 'start'),
    target: optNum(m, 'target'),
    rangeLow: optNum(m, 'rangeLow'),
    rangeHigh: optNum(m, 'rangeHigh'),
    dueDate: optDate(m, 'dueDate'),
    weight: Math.max(0, num(m, 'weight', 0)),
    ownerId: optId(m, 'ownerId'),
    createdAt: num(m, 'createdAt', 0),
  })
}

function readPlacement(m: Y.Map<unknown>): Placement {
  const value = obj(m, 'placement') ?? {}
  return Object.freeze<Placement>({
    columnId: (optId(value, 'columnId') ?? '') as ColumnId,
    keyResultId: optId(value, 'keyResultId'),
    rank: str(value, 'rank', 'a0'),
  })
}

export function readTask(id: string, m: Y.Map<unknown>): Task {
  return Object.freeze<Task>({
    id: id as Task['id'],
    cycleId: (optId(m, 'cycleId') ?? '') as CycleId,
    title: str(m, 'title'),
    assigneeId: optId(m, 'assigneeId'),
    dueDate: optDate(m, 'dueDate'),
    labels: Object.freeze(strings(m, 'labels')),
    placement: readPlacement(m),
    createdAt: num(m, 'createdAt', 0),
    movedAt: num(m, 'movedAt', num(m, 'createdAt', 0)),
    missedReason: optStr(m, 'missedReason'),
  })
}

export function readColumn(id: string, m: Y.Map<unknown>): Column {
  const wip = optNum(m, 'wipLimit')
  return Object.freeze<Column>({
    id: id as ColumnId,
    name: str(m, 'name'),
    kind: oneOf(m, 'kind', enumValues(ColumnKind), ColumnKind.Todo),
    wipLimit: wip !== null && wip >= 0 ? Math.floor(wip) : null,
    order: str(m, 'order', 'a0'),
  })
}

export function readScore(id: string, m: Y.Map<unknown>): Score {
  return Object.freeze<Score>({
    keyResultId: id as KeyResultId,
    selfScore: unit(optNum(m, 'selfScore')),
    leadScore: unit(optNum(m, 'leadScore')),
    note: str(m, 'note'),
  })
}

function unit(value: number | null): number | null {
  return value === null ? null : Math.min(1, Math.max(0, value))
}

export function readCheckIn(id: string, value: unknown): CheckIn | undefined {
  const f = asFields(value)
  const keyResultId = f && optId<KeyResultId>(f, 'keyResultId')
  const v = f && optNum(f, 'value')
  if (!f || !keyResultId || v === null || v === undefined) return undefined
  return Object.freeze<CheckIn>({
    id: id as CheckIn['id'],
    keyResultId,
    value: v,
    confidence: Math.min(10, Math.max(0, Math.round(num(f, 'confidence', 5)))),
    note: str(f, 'note'),
    authorId: optId(f, 'authorId'),
    at: num(f, 'at', 0),
  })
}

export function readComment(id: string, value: unknown): Comment | undefined {
  const f = asFields(value)
  const target = f && obj(f, 'target')
  if (!f || !target || !isId(target.id)) return undefined
  return Object.freeze<Comment>({
    id: id as Comment['id'],
    target: Object.freeze({ kind: oneOf(target, 'kind', enumValues(TargetKind), TargetKind.Task), id: target.id }),
    parentId: optId<CommentId>(f, 'parentId'),
    body: str(f, 'body'),
    mentions: Object.freeze(ids<Comment['mentions'][number]>(f, 'mentions')),
    authorId: optId(f, 'authorId'),
    at: num(f, 'at', 0),
    editedAt: optNum(f, 'editedAt'),
    deletedAt: optNum(f, 'deletedAt'),
  })
}

export function readChange(id: string, value: unknown): KeyResultChange | undefined {
  const f = asFields(value)
  const keyResultId = f && optId<KeyResultId>(f, 'keyResultId')
  if (!f || !keyResultId) return undefined
  return Object.freeze<KeyResultChange>({
    id: id as KeyResultChange['id'],
    keyResultId,
    field: str(f, 'field'),
    from: scalar(f.from),
    to: scalar(f.to),
    reason: str(f, 'reason'),
    authorId: optId(f, 'authorId'),
    at: num(f, 'at', 0),
  })
}

function scalar(value: unknown): string | number | null {
  return typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)) ? value : null
}

export function readPraise(id: string, value: unknown): Praise | undefined {
  const f = asFields(value)
  const toPersonId = f && optId<Praise['toPersonId']>(f, 'toPersonId')
  if (!f || !toPersonId || !isId(id)) return undefined
  return Object.freeze<Praise>({
    id: id as Praise['id'],
    toPersonId,
    fromPersonId: optId(f, 'fromPersonId'),
    text: str(f, 'text'),
    at: num(f, 'at', 0),
    meetingId: optId(f, 'meetingId'),
  })
}
