/**
 * @module The key-result form's state as strings (what inputs hold) and its conversion to a
 * command patch: only the fields the chosen kind uses are sent, the others are cleared.
 */
import type { KeyResultPatch } from '../../../shared/doc/index.ts'
import { KeyResultKind } from '../../../shared/model/index.ts'
import type { KeyResult, PersonId } from '../../../shared/model/index.ts'

export interface KeyResultDraft {
  readonly title: string
  readonly kind: KeyResultKind
  readonly unit: string
  readonly start: string
  readonly target: string
  readonly rangeLow: string
  readonly rangeHigh: string
  readonly dueDate: string
  readonly weight: string
  readonly ownerId: string
}

/** Which measure fields each kind asks for. */
export const KIND_FIELDS: Readonly<Record<KeyResultKind, ReadonlyArray<'unit' | 'start' | 'target' | 'range' | 'dueDate'>>> = {
  increase: ['start', 'target', 'unit'],
  decrease: ['start', 'target', 'unit'],
  count: ['start', 'target', 'unit'],
  range: ['range', 'unit'],
  milestone: ['dueDate'],
  baseline: ['dueDate'],
  'task-driven': [],
}

/** A new key result's form before anything is typed: an increase, every field blank. */
export const EMPTY_DRAFT: KeyResultDraft = {
  title: '',
  kind: KeyResultKind.Increase,
  unit: '',
  start: '',
  target: '',
  rangeLow: '',
  rangeHigh: '',
  dueDate: '',
  weight: '',
  ownerId: '',
}

const text = (n: number | null) => (n === null ? '' : String(n))

export function draftOf(kr: KeyResult | null, defaults: { weight: number; ownerId: PersonId | null }): KeyResultDraft {
  return {
    title: kr?.title ?? EMPTY_DRAFT.title,
    kind: kr?.kind ?? EMPTY_DRAFT.kind,
    unit: kr?.unit ?? '',
    start: text(kr?.start ?? null),
    target: text(kr?.target ?? null),
    rangeLow: text(kr?.rangeLow ?? null),
    rangeHigh: text(kr?.rangeHigh ?? null),
    dueDate: kr?.dueDate ?? '',
    weight: String(kr?.weight ?? defaults.weight),
    ownerId: kr?.ownerId ?? defaults.ownerId ?? '',
  }
}

/** An input's text as a number: empty is null, anything unreadable is NaN (the command refuses it). */
function parseNumber(value: string): number | null {
  return value.trim() === '' ? null : Number(value)
}

/** The full patch a draft describes; fields the kind does not use are null. */
export function patchOf(d: KeyResultDraft): Required<Omit<KeyResultPatch, 'title'>> & { title: string } {
  const uses = KIND_FIELDS[d.kind]
  const has = (f: (typeof uses)[number]) => uses.includes(f)
  return {
    title: d.title,
    kind: d.kind,
    unit: has('unit') ? d.unit.trim() : '',
    start: has('start') ? parseNumber(d.start) : null,
    target: has('target') ? parseNumber(d.target) : null,
    rangeLow: has('range') ? parseNumber(d.rangeLow) : null,
    rangeHigh: has('range') ? parseNumber(d.rangeHigh) : null,
    dueDate: has('dueDate') && d.dueDate !== '' ? d.dueDate : null,
    weight: parseNumber(d.weight) ?? 0,
    ownerId: d.ownerId === '' ? null : d.ownerId,
  }
}

/** Only the fields that differ from the record, so an edit logs just what really changed. */
export function changesOf(kr: KeyResult, d: KeyResultDraft): KeyResultPatch {
  const full = patchOf(d)
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(full)) {
    if (kr[key as keyof KeyResult] !== value) patch[key] = value
  }
  return patch as KeyResultPatch
}
