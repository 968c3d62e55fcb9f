/** @module The shape of a stall warning, its severities, rule ids and their one sort order. */
import { unreachable } from '../model/index.ts'
import type { ColumnId, KeyResultId, TaskId } from '../model/index.ts'
import { compareStrings } from './math.ts'

/** How loudly a warning should show; compare with `severityRank`, never by string. */
export const Severity = { Info: 'info', Warning: 'warning', Critical: 'critical' } as const
export type Severity = (typeof Severity)[keyof typeof Severity]

/** Higher is more severe: info < warning < critical. */
export function severityRank(severity: Severity): number {
  switch (severity) {
    case Severity.Info:
      return 0
    case Severity.Warning:
      return 1
    case Severity.Critical:
      return 2
    default:
      return unreachable(severity, 'severity')
  }
}

/** The stall rules, by the ids RULES.md gives them. */
export const StallRule = {
  NoCheckIn: 'S1',
  BehindPace: 'S2',
  LowConfidence: 'S3',
  ConfidenceDrop: 'S4',
  FlatTrend: 'S5',
  StaleTask: 'S6',
  OverdueTask: 'S7',
  OverWipLimit: 'S8',
  IdleKeyResult: 'S9',
} as const
export type StallRule = (typeof StallRule)[keyof typeof StallRule]

/** What a warning is about. */
export type StallTarget =
  | { readonly kind: 'keyResult'; readonly id: KeyResultId }
  | { readonly kind: 'task'; readonly id: TaskId }
  | { readonly kind: 'column'; readonly id: ColumnId }

export interface StallWarning {
  readonly ruleId: StallRule
  readonly severity: Severity
  readonly target: StallTarget
  /** The key result concerned: the target itself, or the KR a flagged task sits under. */
  readonly keyResultId?: KeyResultId
  /** Plain words with rounded numbers: "no check-in for 12 days". */
  readonly reason: string
}

/** Most severe first, then by rule number, target kind and target id: the same on every machine. */
export function compareStallWarnings(a: StallWarning, b: StallWarning): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    ruleNumber(a.ruleId) - ruleNumber(b.ruleId) ||
    compareStrings(a.target.kind, b.target.kind) ||
    compareStrings(a.target.id, b.target.id)
  )
}

/** "S9" -> 9, so S10 would sort after S9 rather than after S1. */
export function ruleNumber(ruleId: string): number {
  return Number(ruleId.slice(1))
}
