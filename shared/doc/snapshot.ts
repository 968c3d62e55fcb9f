/**
 * @module `snapshot(doc)`: the workspace as plain frozen values. Records are re-read only when a
 * transaction touched them, and a record (or a whole collection) that did not change keeps its
 * object identity, so React selectors can compare with `===`. `readSnapshot(doc)` reads the same
 * values once, for a reader that asks now and then (a REST route): it leaves no cache and no
 * observer on the document.
 */
import * as Y from 'yjs'
import type { Task, WorkspaceSnapshot } from '../model/index.ts'
import { repair } from './repair.ts'
import {
  readChange,
  readCheckIn,
  readColumn,
  readComment,
  readPraise,
  readCycle,
  readKeyResult,
  readObjective,
  readPerson,
  readScore,
  readSettings,
  readTask,
  readTeam,
} from './read.ts'
import { Root } from './schema.ts'

type Reader = (id: string, value: unknown) => unknown

const recordReader =
  <T>(read: (id: string, m: Y.Map<unknown>) => T): Reader =>
  (id, value) =>
    value instanceof Y.Map ? read(id, value) : undefined

const READERS: ReadonlyArray<readonly [Exclude<Root, 'meta' | 'settings'>, Reader]> = [
  [Root.Cycles, recordReader(readCycle)],
  [Root.Teams, recordReader(readTeam)],
  [Root.People, recordReader(readPerson)],
  [Root.Objectives, recordReader(readObjective)],
  [Root.KeyResults, recordReader(readKeyResult)],
  [Root.Tasks, recordReader(readTask)],
  [Root.Columns, recordReader(readColumn)],
  [Root.Scores, recordReader(readScore)],
  [Root.CheckIns, readCheckIn],
  [Root.Comments, readComment],
  [Root.ChangeLog, readChange],
  [Root.Praise, readPraise],
]

/** One collection's cache: the raw records by id and the ids touched since the last read. */
class CollectionCache {
  readonly records = new Map<string, unknown>()
  readonly dirty = new Set<string>()
  all = true
  view: ReadonlyMap<string, unknown> = new Map()

  constructor(
    readonly map: Y.Map<unknown>,
    readonly read: Reader,
  ) {
    map.observeDeep((events) => {
      for (const event of events) {
        if (event instanceof Y.YMapEvent && event.target === map) for (const key of event.keysChanged) this.dirty.add(key as string)
        else if (typeof event.path[0] === 'string') this.dirty.add(event.path[0])
      }
    })
  }

  /** The collection as a Map; the same Map object while nothing in it changed. */
  refresh(): ReadonlyMap<string, unknown> {
    if (!this.all && this.dirty.size === 0) return this.view
    const keys = this.all ? new Set([...this.records.keys(), ...this.map.keys()]) : this.dirty
    for (const id of keys) {
      const value = this.map.get(id)
      const record = value === undefined ? undefined : this.read(id, value)
      if (record === undefined) this.records.delete(id)
      else this.records.set(id, record)
    }
    this.all = false
    this.dirty.clear()
    this.view = new Map(this.records)
    return this.view
  }
}

class DocCache {
  readonly collections = new Map<Root, CollectionCache>()
  readonly settings: Y.Map<unknown>
  settingsDirty = true
  settingsView: WorkspaceSnapshot['settings'] | undefined
  last: WorkspaceSnapshot | undefined
  lastRaw: unknown[] = []

  constructor(doc: Y.Doc) {
    for (const [root, read] of READERS) this.collections.set(root, new CollectionCache(doc.getMap(root), read))
    this.settings = doc.getMap(Root.Settings)
    this.settings.observeDeep(() => {
      this.settingsDirty = true
    })
  }

  raw(root: Root): ReadonlyMap<string, unknown> {
    return (this.collections.get(root) as CollectionCache).refresh()
  }
}

const caches = new WeakMap<Y.Doc, DocCache>()

function cacheOf(doc: Y.Doc): DocCache {
  let cache = caches.get(doc)
  if (cache === undefined) {
    cache = new DocCache(doc)
    caches.set(doc, cache)
  }
  return cache
}

/**
 * The current state of the workspace. Dangling references left by concurrent edits are repaired
 * in the result (see shared/doc/MERGE.md); the document itself is never changed by reading it.
 */
export function snapshot(doc: Y.Doc): WorkspaceSnapshot {
  const cache = cacheOf(doc)
  if (cache.settingsDirty || cache.settingsView === undefined) {
    cache.settingsView = readSettings(cache.settings)
    cache.settingsDirty = false
  }
  const raw = [cache.settingsView, ...READERS.map(([root]) => cache.raw(root))]
  if (cache.last !== undefined && raw.every((part, i) => part === cache.lastRaw[i])) return cache.last
  cache.lastRaw = raw
  cache.last = repair(
    {
      settings: cache.settingsView,
      cycles: cache.raw(Root.Cycles),
      teams: cache.raw(Root.Teams),
      people: cache.raw(Root.People),
      objectives: cache.raw(Root.Objectives),
      keyResults: cache.raw(Root.KeyResults),
      tasks: cache.raw(Root.Tasks),
      columns: cache.raw(Root.Columns),
      scores: cache.raw(Root.Scores),
      checkIns: cache.raw(Root.CheckIns),
      comments: cache.raw(Root.Comments),
      changeLog: cache.raw(Root.ChangeLog),
      praise: cache.raw(Root.Praise),
    } as WorkspaceSnapshot,
    cache.last,
  )
  return cache.last
}

/**
 * The tasks as `snapshot(doc)` read them (before repair), brought up to date, when `doc` has a
 * snapshot cache (a browser's document has one); undefined otherwise. A drop looks up the ranks
 * of one cell here instead of reading every card's Y.Map (21 ms for 2,000 cards, issue 16).
 */
export function cachedTasks(doc: Y.Doc): ReadonlyMap<string, Task> | undefined {
  return caches.get(doc)?.raw(Root.Tasks) as ReadonlyMap<string, Task> | undefined
}

/**
 * The workspace as `snapshot(doc)` gives it, read afresh and kept nowhere: no cache and no deep
 * observer stay on `doc`. For one-off reads of a live document that lives on (the server's REST
 * routes), where a cache would cost a second copy of the model for the document's whole life.
 */
export function readSnapshot(doc: Y.Doc): WorkspaceSnapshot {
  const collections = READERS.map(([root, read]) => {
    const records = new Map<string, unknown>()
    doc.getMap(root).forEach((value, id) => {
      const record = read(id, value)
      if (record !== undefined) records.set(id, record)
    })
    return [root, records] as const
  })
  return repair({ settings: readSettings(doc.getMap(Root.Settings)), ...Object.fromEntries(collections) } as WorkspaceSnapshot, undefined)
}
