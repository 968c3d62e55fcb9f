/** @module Const-object enums of the OKR model, each with its derived union type. */

export const CycleKind = { Quarter: 'quarter', Month: 'month', Year: 'year' } as const
export type CycleKind = (typeof CycleKind)[keyof typeof CycleKind]

/** A cycle only moves forward: draft -> published -> closed. */
export const CycleStatus = { Draft: 'draft', Published: 'published', Closed: 'closed' } as const
export type CycleStatus = (typeof CycleStatus)[keyof typeof CycleStatus]

export const ObjectiveLevel = { Company: 'company', Team: 'team', Individual: 'individual' } as const
export type ObjectiveLevel = (typeof ObjectiveLevel)[keyof typeof ObjectiveLevel]

export const Origin = { TopDown: 'top-down', BottomUp: 'bottom-up' } as const
export type Origin = (typeof Origin)[keyof typeof Origin]

export const ObjectiveStatus = {
  Active: 'active',
  Achieved: 'achieved',
  Dropped: 'dropped',
} as const
export type ObjectiveStatus = (typeof ObjectiveStatus)[keyof typeof ObjectiveStatus]

/**
 * How a key result is measured. `count` counts a process ("10 customer interviews") and is
 * measured like `increase`; `baseline` is a standard that is established or not.
 */
export const KeyResultKind = {
  Increase: 'increase',
  Decrease: 'decrease',
  Range: 'range',
  Milestone: 'milestone',
  Count: 'count',
  Baseline: 'baseline',
  TaskDriven: 'task-driven',
} as const
export type KeyResultKind = (typeof KeyResultKind)[keyof typeof KeyResultKind]

export const ColumnKind = { Todo: 'todo', Doing: 'doing', Blocked: 'blocked', Done: 'done' } as const
export type ColumnKind = (typeof ColumnKind)[keyof typeof ColumnKind]

export const TargetKind = { Objective: 'objective', KeyResult: 'keyResult', Task: 'task' } as const
export type TargetKind = (typeof TargetKind)[keyof typeof TargetKind]

/** Every value of a const-object enum, for validation and pickers. */
export function enumValues<E extends Record<string, string>>(e: E): ReadonlyArray<E[keyof E]> {
  return Object.values(e) as Array<E[keyof E]>
}
