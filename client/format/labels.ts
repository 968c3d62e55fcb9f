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
