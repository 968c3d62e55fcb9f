/** @module Tiny builders of workspace snapshots for the rules tests: defaults plus overrides. */
import type {
  CheckIn,
  CheckInId,
  Column,
  ColumnId,
  Cycle,
  CycleId,
  KeyResult,
  KeyResultId,
  Objective,
  ObjectiveId,
  Person,
  PersonId,
  Placement,
  Score,
  StallSettings,
  Task,
  TaskId,
  Team,
  TeamId,
  WorkspaceSnapshot,
} from '../../../shared/model/index.ts'
import { DAY_MS, DEFAULT_STALL_SETTINGS } from '../../../shared/rules/index.ts'

export const cycleId = (id: string) => id as CycleId
export const objectiveId = (id: string) => id as ObjectiveId
export const krId = (id: string) => id as KeyResultId
export const taskId = (id: string) => id as TaskId
export const columnId = (id: string) => id as ColumnId
export const personId = (id: string) => id as PersonId
export const teamId = (id: string) => id as TeamId

/** 2025-01-01 00:00 UTC: the start of the default cycle, which lasts 90 days (Jan-Mar 2025). */
export const T0 = Date.UTC(2025, 0, 1)
export const CYCLE_DAYS = 90

/** The instant `d` days (fractions allowed) after T0. */
export const day = (d: number): number => T0 + d * DAY_MS

export function cycle(over: Partial<Cycle> = {}): Cycle {
  return {
    id: cycleId('c1'),
    name: 'Q1',
    kind: 'quarter',
    startDate: '2025-01-01',
    endDate: '2025-03-31',
    status: 'published',
    publishedAt: T0,
    closedAt: null,
    reopenings: [],
    ...over,
  }
}

export function objective(over: Partial<Objective> = {}): Objective {
  return {
    id: objectiveId('o1'),
    title: 'Delight our customers',
    description: '',
    wentWell: '',
    toChange: '',
    level: 'team',
    ownerId: null,
    teamId: null,
    cycleId: cycleId('c1'),
    alignment: null,
    origin: 'bottom-up',
    status: 'active',
    createdAt: T0 - DAY_MS,
    ...over,
  }
}

export function keyResult(over: Partial<KeyResult> = {}): KeyResult {
  return {
    id: krId('k1'),
    objectiveId: objectiveId('o1'),
    title: 'Grow weekly active teams',
    kind: 'increase',
    unit: '',
    start: 0,
    target: 100,
    rangeLow: null,
    rangeHigh: null,
    dueDate: null,
    weight: 100,
    ownerId: null,
    createdAt: T0 - DAY_MS,
    ...over,
  }
}

/** The four default columns have ids equal to their kinds: todo, doing, blocked, done. */
export function column(over: Partial<Column> = {}): Column {
  return { id: columnId('todo'), name: 'To do', kind: 'todo', wipLimit: null, order: 'a0', ...over }
}

export const TODO = column()
export const DOING = column({ id: columnId('doing'), name: 'Doing', kind: 'doing', order: 'a1' })
export const BLOCKED = column({ id: columnId('blocked'), name: 'Blocked', kind: 'blocked', order: 'a2' })
export const DONE = column({ id: columnId('done'), name: 'Done', kind: 'done', order: 'a3' })
export const DEFAULT_COLUMNS: readonly Column[] = [TODO, DOING, BLOCKED, DONE]

export function task(
  over: Omit<Partial<Task>, 'placement'> & { placement?: Partial<Placement> } = {},
): Task {
  const { placement, ...rest } = over
  return {
    id: taskId('t1'),
    cycleId: cycleId('c1'),
    title: 'A card',
    assigneeId: null,
    dueDate: null,
    labels: [],
    createdAt: T0,
    movedAt: T0,
    missedReason: null,
    ...rest,
    placement: { columnId: columnId('todo'), keyResultId: null, rank: 'a0', ...placement },
  }
}

/** Check-ins of one KR from `[dayOffset, value, confidence?]` rows; ids are `<kr>-ci<n>`. */
export function checkIns(kr: string, rows: ReadonlyArray<readonly [number, number, number?]>): CheckIn[] {
  return rows.map(([d, value, confidence], i) => ({
    id: `${kr}-ci${i}` as CheckInId,
    keyResultId: krId(kr),
    value,
    confidence: confidence ?? 7,
    note: '',
    authorId: null,
    at: day(d),
  }))
}

export function score(kr: string, selfScore: number | null, leadScore: number | null): Score {
  return { keyResultId: krId(kr), selfScore, leadScore, note: '' }
}

export interface WorkspaceParts {
  readonly cycles?: readonly Cycle[]
  readonly teams?: readonly Team[]
  readonly people?: readonly Person[]
  readonly objectives?: readonly Objective[]
  readonly keyResults?: readonly KeyResult[]
  readonly tasks?: readonly Task[]
  readonly columns?: readonly Column[]
  readonly checkIns?: readonly CheckIn[]
  readonly scores?: readonly Score[]
  readonly stall?: Partial<StallSettings>
}

const byId = <K, V extends { readonly id: K }>(items: readonly V[]) =>
  new Map(items.map((item) => [item.id, item] as const))

/**
 * A snapshot from lists of records. Defaults: one published 90-day cycle `c1` and the four
 * default columns; everything else empty. Pass `cycles: []` or `columns: []` to have none.
 */
export function workspace(parts: WorkspaceParts = {}): WorkspaceSnapshot {
  return {
    settings: { name: 'Test', stall: { ...DEFAULT_STALL_SETTINGS, ...parts.stall } },
    cycles: byId(parts.cycles ?? [cycle()]),
    teams: byId(parts.teams ?? []),
    people: byId(parts.people ?? []),
    objectives: byId(parts.objectives ?? []),
    keyResults: byId(parts.keyResults ?? []),
    tasks: byId(parts.tasks ?? []),
    columns: byId(parts.columns ?? DEFAULT_COLUMNS),
    checkIns: byId(parts.checkIns ?? []),
    comments: new Map(),
    scores: new Map((parts.scores ?? []).map((s) => [s.keyResultId, s] as const)),
    changeLog: new Map(),
    praise: new Map(),
  }
}
