/**
 * @module What a transaction did, as activity drafts: records created, deleted and edited, cards
 * moved and done, check-ins, status changes, scores, comments, praise, and edits of co-typed
 * texts. Read from the transaction's own bookkeeping (which types and keys changed) without a
 * second copy of the model; the meeting's roots are not activity.
 */
import * as Y from 'yjs'
import { ActivityKind, ActivityTargetKind, ColumnKind } from '../model/index.ts'
import type { ActivityDraft, KeyResultId } from '../model/index.ts'
import { asFields } from './decode.ts'
import { Root } from './schema.ts'

const RECORD_ROOTS: ReadonlyMap<string, ActivityTargetKind> = new Map([
  [Root.Cycles, ActivityTargetKind.Cycle],
  [Root.Objectives, ActivityTargetKind.Objective],
  [Root.KeyResults, ActivityTargetKind.KeyResult],
  [Root.Tasks, ActivityTargetKind.Task],
])

/** Keys whose change is bookkeeping, not something a person did. */
const QUIET_KEYS: ReadonlySet<string> = new Set(['movedAt', 'createdAt', 'publishedAt', 'closedAt'])

const ACTIVITY_ROOTS: readonly string[] = [...RECORD_ROOTS.keys(), Root.CheckIns, Root.Scores, Root.Comments, Root.Praise]
const rootsByDoc = new WeakMap<Y.Doc, ReadonlyMap<Y.AbstractType<unknown>, string>>()

/** The roots activity is read from, by type (looked up once per document: a room describes every edit). */
function rootsOf(doc: Y.Doc): ReadonlyMap<Y.AbstractType<unknown>, string> {
  let roots = rootsByDoc.get(doc)
  if (roots === undefined) {
    roots = new Map(ACTIVITY_ROOTS.map((name) => [doc.getMap(name) as Y.AbstractType<unknown>, name]))
    rootsByDoc.set(doc, roots)
  }
  return roots
}

/** The activity of transaction `tr` on `doc`, one draft per record and kind. */
export function describeTransaction(doc: Y.Doc, tr: Y.Transaction): ActivityDraft[] {
  const out = new Map<string, ActivityDraft>()
  const add = (draft: ActivityDraft) => out.set(`${draft.kind}:${draft.target.kind}:${draft.target.id}`, draft)
  const roots = rootsOf(doc)
  const isNew = (item: Y.Item | undefined) => item !== undefined && (tr.beforeState.get(item.id.client) ?? 0) <= item.id.clock

  for (const [type, keys] of tr.changed as Map<Y.AbstractType<unknown>, Set<string | null>>) {
    const rootName = roots.get(type)
    if (rootName !== undefined) {
      for (const key of keys) if (key !== null) rootEntry(doc, tr, rootName, key, isNew, add)
      continue
    }
    const parent = type._item?.parent
    const parentRoot = parent instanceof Y.AbstractType ? roots.get(parent as Y.AbstractType<unknown>) : undefined
    const recordKind = parentRoot === undefined ? undefined : RECORD_ROOTS.get(parentRoot)
    const recordId = type._item?.parentSub ?? null
    if (recordKind !== undefined && recordId !== null && type instanceof Y.Map) {
      // A record's own fields: skip records this transaction created (their creation says it all).
      if (isNew(type._item ?? undefined)) continue
      recordFields(doc, recordKind, recordId, type, [...keys].filter((k): k is string => k !== null && !QUIET_KEYS.has(k)), add)
      continue
    }
    if (type instanceof Y.Text) {
      // A co-typed text of a record: the text's map entry is the record's field.
      const record = type._item?.parent
      const field = type._item?.parentSub
      const holder = record instanceof Y.Map ? record._item : null
      const holderRoot = holder?.parent instanceof Y.AbstractType ? roots.get(holder.parent as Y.AbstractType<unknown>) : undefined
      const kind = holderRoot === undefined ? undefined : RECORD_ROOTS.get(holderRoot)
      if (kind === undefined || holder === null || holder.parentSub === null || isNew(holder)) continue
      add({ kind: ActivityKind.TextEdited, target: { kind, id: holder.parentSub }, keyResultId: keyResultOf(doc, kind, holder.parentSub), detail: field ?? 'text' })
    }
  }
  return [...out.values()]
}

function rootEntry(
  doc: Y.Doc,
  tr: Y.Transaction,
  rootName: string,
  key: string,
  isNew: (item: Y.Item | undefined) => boolean,
  add: (draft: ActivityDraft) => void,
): void {
  const map = doc.getMap(rootName)
  const value = map.get(key)
  const recordKind = RECORD_ROOTS.get(rootName)
  if (recordKind !== undefined) {
    if (value === undefined) add({ kind: ActivityKind.Deleted, target: { kind: recordKind, id: key }, keyResultId: null, detail: '' })
    else if (isNew(map._map.get(key))) add({ kind: ActivityKind.Created, target: { kind: recordKind, id: key }, keyResultId: keyResultOf(doc, recordKind, key), detail: titleOf(value) })
    return
  }
  if (value === undefined) return
  const fields = asFields(value)
  switch (rootName) {
    case Root.CheckIns: {
      const krId = typeof fields?.['keyResultId'] === 'string' ? (fields['keyResultId'] as KeyResultId) : null
      if (krId === null) return
      // "40 → 55 at 7/10": the value it moved from, when the one before it had another.
      const before = previousValue(map, krId, key, typeof fields?.['at'] === 'number' ? fields['at'] : Number.POSITIVE_INFINITY)
      const value = `${before === null || before === fields?.['value'] ? '' : `${String(before)} → `}${String(fields?.['value'])}`
      add({ kind: ActivityKind.CheckedIn, target: { kind: ActivityTargetKind.KeyResult, id: krId }, keyResultId: krId, detail: `${value} at ${String(fields?.['confidence'])}/10` })
      return
    }
    case Root.Scores:
      if (value instanceof Y.Map && isNew(map._map.get(key))) add({ kind: ActivityKind.Scored, target: { kind: ActivityTargetKind.KeyResult, id: key }, keyResultId: key as KeyResultId, detail: '' })
      return
    case Root.Comments: {
      const target = asFields(fields?.['target'])
      const kind = target?.['kind'] === 'objective' ? ActivityTargetKind.Objective : target?.['kind'] === 'keyResult' ? ActivityTargetKind.KeyResult : ActivityTargetKind.Task
      if (typeof target?.['id'] === 'string') add({ kind: ActivityKind.Commented, target: { kind, id: target['id'] }, keyResultId: null, detail: '' })
      return
    }
    case Root.Praise:
      if (typeof fields?.['toPersonId'] === 'string') add({ kind: ActivityKind.Praised, target: { kind: ActivityTargetKind.Person, id: fields['toPersonId'] }, keyResultId: null, detail: String(fields['text'] ?? '') })
      return
    default:
      void tr
  }
}

function recordFields(doc: Y.Doc, kind: ActivityTargetKind, id: string, record: Y.Map<unknown>, keys: string[], add: (draft: ActivityDraft) => void): void {
  if (keys.length === 0) return
  const keyResultId = keyResultOf(doc, kind, id)
  const rest = [...keys]
  if (kind === ActivityTargetKind.Task && keys.includes('placement')) {
    const placement = asFields(record.get('placement'))
    const column = typeof placement?.['columnId'] === 'string' ? doc.getMap(Root.Columns).get(placement['columnId']) : undefined
    const columnName = column instanceof Y.Map ? String(column.get('name') ?? '') : ''
    const done = column instanceof Y.Map && column.get('kind') === ColumnKind.Done
    add({ kind: done ? ActivityKind.Done : ActivityKind.Moved, target: { kind, id }, keyResultId, detail: columnName })
    rest.splice(rest.indexOf('placement'), 1)
  }
  if ((kind === ActivityTargetKind.Cycle || kind === ActivityTargetKind.Objective) && keys.includes('status')) {
    add({ kind: ActivityKind.StatusChanged, target: { kind, id }, keyResultId, detail: String(record.get('status') ?? '') })
    rest.splice(rest.indexOf('status'), 1)
  }
  if (rest.length > 0) add({ kind: ActivityKind.Edited, target: { kind, id }, keyResultId, detail: rest.sort().join(', ') })
}

/** The value of the key result's latest check-in before check-in `id` (taken at `at`), or null for its first. */
function previousValue(checkIns: Y.Map<unknown>, krId: string, id: string, at: number): unknown {
  let best: { at: number; id: string; value: unknown } | null = null
  for (const [key, raw] of checkIns) {
    const f = asFields(raw)
    const when = f?.['at']
    if (key === id || f?.['keyResultId'] !== krId || typeof when !== 'number' || when > at) continue
    if (best === null || when > best.at || (when === best.at && key > best.id)) best = { at: when, id: key, value: f?.['value'] }
  }
  return best === null ? null : best.value
}

/** The KR a record concerns: itself, or a card's KR. */
function keyResultOf(doc: Y.Doc, kind: ActivityTargetKind, id: string): KeyResultId | null {
  if (kind === ActivityTargetKind.KeyResult) return id as KeyResultId
  if (kind !== ActivityTargetKind.Task) return null
  const task = doc.getMap(Root.Tasks).get(id)
  const placement = task instanceof Y.Map ? asFields(task.get('placement')) : undefined
  return typeof placement?.['keyResultId'] === 'string' ? (placement['keyResultId'] as KeyResultId) : null
}

function titleOf(value: unknown): string {
  if (!(value instanceof Y.Map)) return ''
  const title = value.get('title') ?? value.get('name')
  return title instanceof Y.Text ? title.toString() : typeof title === 'string' ? title : ''
}
