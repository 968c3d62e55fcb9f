/**
 * @module The layout of a workspace's Y.Doc: one root Y.Map per collection, keyed by record id.
 * Records are nested Y.Maps (so concurrent edits of different fields both survive); co-typed
 * fields are Y.Text; values that must move as one (a task's placement) are single plain values;
 * append-only records (check-ins, comments, change log) are plain objects.
 */
import * as Y from 'yjs'

export const SCHEMA_VERSION = 1

export const Root = {
  Meta: 'meta',
  Settings: 'settings',
  Cycles: 'cycles',
  Teams: 'teams',
  People: 'people',
  Objectives: 'objectives',
  KeyResults: 'keyResults',
  Tasks: 'tasks',
  Columns: 'columns',
  CheckIns: 'checkIns',
  Comments: 'comments',
  Scores: 'scores',
  ChangeLog: 'changeLog',
  /** Praise given to people ("Thank someone"), plain append-only objects. */
  Praise: 'praise',
  /** The current (or last) meeting, one nested Y.Map under `current` (see commands/meetings.ts). */
  Meeting: 'meeting',
  /** Agenda items of meetings, keyed by item id; each names its meeting. */
  Agenda: 'agenda',
  /** Vote rounds, plain objects written by the server only (server/rooms refuses anyone else's). */
  VoteRounds: 'voteRounds',
} as const
export type Root = (typeof Root)[keyof typeof Root]

/** Collections whose records are nested Y.Maps. */
export const RecordRoots = [
  Root.Cycles,
  Root.Teams,
  Root.People,
  Root.Objectives,
  Root.KeyResults,
  Root.Tasks,
  Root.Columns,
  Root.Scores,
] as const

/** Collections whose records are immutable plain objects. */
export const PlainRoots = [Root.CheckIns, Root.Comments, Root.ChangeLog, Root.Praise] as const

/** Roots that only the server writes: a client's update that touches them is refused. */
export const ServerOnlyRoots: readonly Root[] = [Root.VoteRounds]

/** Roots of the live meeting: not workspace content, so not undone, exported or snapshotted. */
export const MeetingRoots: readonly Root[] = [Root.Meeting, Root.Agenda, Root.VoteRounds]

export type RecordMap = Y.Map<unknown>

export function rootMap(doc: Y.Doc, root: Root): Y.Map<unknown> {
  return doc.getMap(root)
}

/** The record Y.Map stored under `id` in `root`, or undefined (also when a peer stored junk). */
export function recordOf(doc: Y.Doc, root: Root, id: string): RecordMap | undefined {
  const value = doc.getMap(root).get(id)
  return value instanceof Y.Map ? value : undefined
}

/** Integrates a new record map under `id` and fills it; call inside a transaction. */
export function insertRecord(doc: Y.Doc, root: Root, id: string, fields: Record<string, unknown>): RecordMap {
  const record = new Y.Map<unknown>()
  doc.getMap(root).set(id, record)
  for (const [key, value] of Object.entries(fields)) record.set(key, value)
  return record
}

/** A new Y.Text holding `text`, for co-typed fields. */
export function newText(text: string): Y.Text {
  return new Y.Text(text)
}
