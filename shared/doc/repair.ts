/**
 * @module Repairs what concurrent edits can leave behind: references to records another replica
 * deleted, and alignment loops made of two edits that were each valid. The repair is a pure
 * function of the document state, so every replica shows the same result. Rules: MERGE.md.
 */
import type {
  Column,
  ColumnId,
  KeyResult,
  Objective,
  ObjectiveId,
  Task,
  WorkspaceSnapshot,
} from '../model/index.ts'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }

/** Returns `raw` with dangling references cleared, reusing `prev`'s objects where nothing changed. */
export function repair(raw: WorkspaceSnapshot, prev: WorkspaceSnapshot | undefined): WorkspaceSnapshot {
  const people = raw.people
  const teams = raw.teams

  const personRepaired = mapValues(raw.people, (p) =>
    p.teamId !== null && !teams.has(p.teamId) ? { ...p, teamId: null } : p,
  )

  // Objectives: need a cycle; owner/team/alignment targets must exist.
  const objectivesPass1 = mapValues(raw.objectives, (o): Objective | undefined => {
    if (!raw.cycles.has(o.cycleId)) return undefined
    const fix: Partial<Mutable<Objective>> = {}
    if (o.ownerId !== null && !people.has(o.ownerId)) fix.ownerId = null
    if (o.teamId !== null && !teams.has(o.teamId)) fix.teamId = null
    return hasKeys(fix) ? { ...o, ...fix } : o
  })
  const keyResults = mapValues(raw.keyResults, (k): KeyResult | undefined => {
    if (!objectivesPass1.has(k.objectiveId)) return undefined
    return k.ownerId !== null && !people.has(k.ownerId) ? { ...k, ownerId: null } : k
  })
  const unaligned = brokenAlignments(objectivesPass1, keyResults)
  const objectives = mapValues(objectivesPass1, (o) => (unaligned.has(o.id) ? { ...o, alignment: null } : o))

  const firstColumn = firstByOrder(raw.columns)
  const tasks = mapValues(raw.tasks, (t): Task | undefined => {
    if (!raw.cycles.has(t.cycleId)) return undefined
    const fix: Partial<Mutable<Task>> = {}
    const kr = t.placement.keyResultId === null ? undefined : keyResults.get(t.placement.keyResultId)
    const krCycle = kr === undefined ? undefined : objectives.get(kr.objectiveId)?.cycleId
    const keyResultId = kr !== undefined && krCycle === t.cycleId ? kr.id : null
    const columnId: ColumnId =
      raw.columns.has(t.placement.columnId) || firstColumn === undefined ? t.placement.columnId : firstColumn.id
    if (keyResultId !== t.placement.keyResultId || columnId !== t.placement.columnId) {
      fix.placement = { ...t.placement, keyResultId, columnId }
    }
    if (t.assigneeId !== null && !people.has(t.assigneeId)) fix.assigneeId = null
    return hasKeys(fix) ? { ...t, ...fix } : t
  })

  const exists = (kind: string, id: string): boolean =>
    kind === 'objective' ? objectives.has(id as never) : kind === 'keyResult' ? keyResults.has(id as never) : tasks.has(id as never)

  const next: WorkspaceSnapshot = {
    settings: raw.settings,
    cycles: raw.cycles,
    teams: raw.teams,
    people: personRepaired,
    objectives,
    keyResults,
    tasks,
    columns: raw.columns,
    checkIns: mapValues(raw.checkIns, (c) => (keyResults.has(c.keyResultId) ? c : undefined)),
    comments: mapValues(raw.comments, (c) => (exists(c.target.kind, c.target.id) ? c : undefined)),
    scores: mapValues(raw.scores, (s) => (keyResults.has(s.keyResultId) ? s : undefined)),
    changeLog: raw.changeLog,
    // Praise of a person since removed stays: it was given, and the minutes keep it.
    praise: raw.praise,
  }
  return prev === undefined ? freezeAll(next) : reuse(next, prev)
}

/** Objectives whose alignment must be cleared: dangling targets, and one member of every loop. */
function brokenAlignments(
  objectives: ReadonlyMap<ObjectiveId, Objective>,
  keyResults: ReadonlyMap<KeyResult['id'], KeyResult>,
): Set<ObjectiveId> {
  const broken = new Set<ObjectiveId>()
  const parent = new Map<ObjectiveId, ObjectiveId>()
  for (const o of objectives.values()) {
    if (o.alignment === null) continue
    const up = o.alignment.kind === 'objective' ? o.alignment.id : keyResults.get(o.alignment.id)?.objectiveId
    if (up === undefined || !objectives.has(up)) broken.add(o.id)
    else parent.set(o.id, up)
  }
  const done = new Set<ObjectiveId>()
  for (const start of [...objectives.keys()].sort()) {
    const path: ObjectiveId[] = []
    const onPath = new Set<ObjectiveId>()
    let current: ObjectiveId | undefined = start
    while (current !== undefined && !done.has(current)) {
      if (onPath.has(current)) {
        // A loop: the member with the greatest id lets go, the same one on every replica.
        const loop = path.slice(path.indexOf(current))
        const victim = loop.reduce((a, b) => (b > a ? b : a))
        parent.delete(victim)
        broken.add(victim)
        break
      }
      onPath.add(current)
      path.push(current)
      current = parent.get(current)
    }
    for (const id of path) done.add(id)
  }
  return broken
}

function firstByOrder(columns: ReadonlyMap<ColumnId, Column>): Column | undefined {
  let first: Column | undefined
  for (const c of columns.values()) {
    if (first === undefined || c.order < first.order || (c.order === first.order && c.id < first.id)) first = c
  }
  return first
}

function mapValues<K, V, W>(source: ReadonlyMap<K, V>, fn: (value: V) => W | undefined): ReadonlyMap<K, W> {
  const out = new Map<K, W>()
  for (const [key, value] of source) {
    const mapped = fn(value)
    if (mapped !== undefined) out.set(key, mapped)
  }
  return out
}

function hasKeys(value: object): boolean {
  return Object.keys(value).length > 0
}

type Collections = Exclude<keyof WorkspaceSnapshot, 'settings'>

function freezeAll(next: WorkspaceSnapshot): WorkspaceSnapshot {
  for (const key of Object.keys(next) as Array<keyof WorkspaceSnapshot>) {
    if (key === 'settings') continue
    for (const value of next[key].values()) Object.freeze(value)
  }
  return Object.freeze(next)
}

/** Keeps the previous object for every record (and collection) that is equal to its new value. */
function reuse(next: WorkspaceSnapshot, prev: WorkspaceSnapshot): WorkspaceSnapshot {
  const out: Record<string, unknown> = { settings: next.settings }
  for (const key of Object.keys(next) as Array<keyof WorkspaceSnapshot>) {
    if (key === 'settings') continue
    out[key] = reuseCollection(next[key as Collections], prev[key as Collections])
  }
  return Object.freeze(out) as unknown as WorkspaceSnapshot
}

function reuseCollection(
  next: ReadonlyMap<string, object>,
  prev: ReadonlyMap<string, object>,
): ReadonlyMap<string, object> {
  let same = next.size === prev.size
  const out = new Map<string, object>()
  for (const [id, value] of next) {
    const old = prev.get(id)
    const kept = old !== undefined && (old === value || sameRecord(old, value)) ? old : Object.freeze(value)
    if (kept !== old) same = false
    out.set(id, kept)
  }
  return same ? prev : out
}

/** Field-by-field equality, one level deep (placements, alignments and label lists). */
function sameRecord(a: object, b: object): boolean {
  const ka = Object.keys(a)
  if (ka.length !== Object.keys(b).length) return false
  for (const key of ka) {
    const va = (a as Record<string, unknown>)[key]
    const vb = (b as Record<string, unknown>)[key]
    if (va === vb) continue
    if (typeof va !== 'object' || typeof vb !== 'object' || va === null || vb === null) return false
    if (Array.isArray(va) !== Array.isArray(vb)) return false
    const ea = Object.entries(va)
    if (ea.length !== Object.keys(vb).length) return false
    if (!ea.every(([k, v]) => (vb as Record<string, unknown>)[k] === v)) return false
  }
  return true
}
