/**
 * @module Activity entries in words, after the person's name: "checked in 40% → 55% at confidence 7/10", "moved
 * ‘Ship v2’ to Done", "edited the title". The record an entry is about is named unless it is the
 * list's own (a key result's panel says "edited the title", not the key result's name again).
 */
import { ActivityKind, unreachable } from '../../shared/model/index.ts'
import type { Activity, ActivityTargetKind } from '../../shared/model/index.ts'
import { FIELD_LABEL } from './labels.ts'
import { withUnit } from './numbers.ts'

/** The record an entry is about, as the list that shows it sees it. */
export type ActivitySubject =
  /** The list's own record (a KR's panel, a task's dialog). */
  | { readonly kind: 'self' }
  /** A record on the board now, by its title (a person by name). */
  | { readonly kind: 'named'; readonly name: string }
  /** A record no longer on the board. */
  | { readonly kind: 'gone' }

const NOUN: Readonly<Record<ActivityTargetKind, string>> = {
  cycle: 'cycle',
  objective: 'objective',
  keyResult: 'key result',
  task: 'task',
  person: 'person',
}

/** "the title", "the due date and the assignee": the fields an edit changed, from the entry's detail. */
export function fieldsText(detail: string): string {
  const names = detail
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '')
    .map((key) => `the ${(FIELD_LABEL[key] ?? key.replace(/Id$/, '').replace(/[A-Z]/g, (c) => ` ${c}`)).toLowerCase()}`)
  if (names.length === 0) return 'the details'
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`
}

/** "the task ‘Call’", "this key result", "a task"; a person is their name. */
function recordText(kind: ActivityTargetKind, subject: ActivitySubject): string {
  switch (subject.kind) {
    case 'self':
      return `this ${NOUN[kind]}`
    case 'named':
      return kind === 'person' ? subject.name : `the ${NOUN[kind]} ‘${subject.name}’`
    case 'gone':
      return kind === 'person' ? 'someone' : `a ${NOUN[kind]}`
  }
}

/** A card in a move: "‘Ship v2’", "it", "a task". */
const cardText = (subject: ActivitySubject) => (subject.kind === 'self' ? 'it' : subject.kind === 'named' ? `‘${subject.name}’` : 'a task')

/** " of the task ‘Call’" after a field, or nothing when it is the list's own record. */
const ofText = (kind: ActivityTargetKind, subject: ActivitySubject) => (subject.kind === 'self' ? '' : ` of ${recordText(kind, subject)}`)

/** A number of the key result in its unit ("55%"), or the text as it came. */
function valueText(text: string, unit: string): string {
  const value = Number(text)
  return Number.isFinite(value) ? withUnit(value, unit) : text
}

/** A check-in's detail ("40 → 55 at 7/10", "55 at 7/10" for the first) as "40% → 55% at confidence 7/10", in the key result's unit. */
function checkInText(detail: string, unit: string): string {
  const m = /^(?:(\S+) → )?(\S+) at (\d+)\/10$/.exec(detail)
  if (m === null) return detail
  const before = m[1] === undefined ? '' : `${valueText(m[1], unit)} → `
  return `${before}${valueText(m[2]!, unit)} at confidence ${m[3]!}/10`
}

/**
 * What `entry` says someone did, to go after their name. `unit` is the unit of the key result a
 * check-in is about ('' when it has none or is unknown).
 */
export function activityText(entry: Pick<Activity, 'kind' | 'target' | 'detail'>, subject: ActivitySubject, unit = ''): string {
  const { kind, target, detail } = entry
  const record = recordText(target.kind, subject)
  switch (kind) {
    case ActivityKind.Created:
      // A record gone since still has the title it was created with.
      return subject.kind === 'gone' && detail !== '' ? `created the ${NOUN[target.kind]} ‘${detail}’` : `created ${record}`
    case ActivityKind.Deleted:
      return `deleted ${record}`
    case ActivityKind.Edited:
      return `changed ${fieldsText(detail)}${ofText(target.kind, subject)}`
    case ActivityKind.TextEdited:
      return `edited ${fieldsText(detail)}${ofText(target.kind, subject)}`
    case ActivityKind.Moved:
      return detail === '' ? `moved ${cardText(subject)}` : `moved ${cardText(subject)} to ${detail}`
    case ActivityKind.Done:
      return detail === '' ? `finished ${cardText(subject)}` : `moved ${cardText(subject)} to ${detail}`
    case ActivityKind.CheckedIn:
      return subject.kind === 'self' ? `checked in ${checkInText(detail, unit)}` : `checked in ${record}: ${checkInText(detail, unit)}`
    case ActivityKind.StatusChanged:
      return `marked ${record} ${detail}`
    case ActivityKind.Scored:
      return `scored ${record}`
    case ActivityKind.Commented:
      return `commented on ${record}`
    case ActivityKind.Praised:
      return detail === '' ? `thanked ${record}` : `thanked ${record}: “${detail}”`
    default:
      return unreachable(kind)
  }
}
