/** @module Words for the model's enums, in one place so every view says the same. */
import type { KeyResultKind, ObjectiveLevel, ObjectiveStatus, Origin } from '../../shared/model/index.ts'
import type { ScoreBand } from '../../shared/rules/index.ts'

export const LEVEL_LABEL: Readonly<Record<ObjectiveLevel, string>> = {
  company: 'Company',
  team: 'Team',
  individual: 'Individual',
}

export const ORIGIN_LABEL: Readonly<Record<Origin, string>> = {
  'top-down': 'Top-down',
  'bottom-up': 'Bottom-up',
}

export const STATUS_LABEL: Readonly<Record<ObjectiveStatus, string>> = {
  active: 'Active',
  achieved: 'Achieved',
  dropped: 'Dropped',
}

/** A key result's kind as a choice says it: what the kind measures. */
export const KIND_LABEL: Readonly<Record<KeyResultKind, string>> = {
  increase: 'Increase to a target',
  decrease: 'Decrease to a target',
  range: 'Stay within a range',
  milestone: 'Milestone by a date',
  count: 'Count of a process',
  baseline: 'Baseline established',
  'task-driven': 'Task-driven',
}

/** What a kind's progress means, under the kind's choice. */
export const KIND_HINT: Readonly<Record<KeyResultKind, string>> = {
  increase: 'Progress is how far the value moved from start to target.',
  decrease: 'Progress is how far the value came down from start to target.',
  count: 'Counts a process, e.g. “complete 10 customer interviews”.',
  range: 'Done while the value stays inside the range.',
  milestone: 'Done or not, by a date: check in 1 when it is achieved.',
  baseline: 'A standard established or not, by a date: check in 1 once it is.',
  'task-driven': 'Progress is the share of its tasks in a done column.',
}

/** The same kind as a chip names it where space is short (a board lane's header): the label's first word. */
export const KIND_NAME: Readonly<Record<KeyResultKind, string>> = {
  increase: 'Increase',
  decrease: 'Decrease',
  range: 'Range',
  milestone: 'Milestone',
  count: 'Count',
  baseline: 'Baseline',
  'task-driven': 'Tasks',
}

export const BAND_LABEL: Readonly<Record<ScoreBand, string>> = {
  reconsider: 'Reconsider',
  short: 'Short',
  stretch: 'Stretch',
  strong: 'Strong',
  notAmbitious: 'Not ambitious',
}

/** What an objective without key results shows instead of a score (O2: empty, nothing to average). */
export const NO_KEY_RESULTS = 'no KRs yet'

/** A command input's field named out of its form: in a refusal, the change log, the reason prompt. */
export const FIELD_LABEL: Readonly<Record<string, string>> = {
  title: 'Title',
  description: 'Description',
  kind: 'Kind',
  value: 'Value',
  confidence: 'Confidence',
  note: 'Note',
  unit: 'Unit',
  start: 'Start',
  target: 'Target',
  rangeLow: 'Low end of the range',
  rangeHigh: 'High end of the range',
  dueDate: 'Due date',
  weight: 'Weight',
  reason: 'Reason',
  body: 'Comment',
  selfScore: 'Self score',
  leadScore: 'Lead score',
}
