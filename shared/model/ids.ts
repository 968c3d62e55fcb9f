/** @module Branded ids: a TaskId cannot be passed where a KeyResultId is expected. */

declare const brand: unique symbol
type Brand<T, B extends string> = T & { readonly [brand]: B }

export type WorkspaceId = Brand<string, 'WorkspaceId'>
export type CycleId = Brand<string, 'CycleId'>
export type TeamId = Brand<string, 'TeamId'>
export type PersonId = Brand<string, 'PersonId'>
export type ObjectiveId = Brand<string, 'ObjectiveId'>
export type KeyResultId = Brand<string, 'KeyResultId'>
export type TaskId = Brand<string, 'TaskId'>
export type ColumnId = Brand<string, 'ColumnId'>
export type CheckInId = Brand<string, 'CheckInId'>
export type CommentId = Brand<string, 'CommentId'>
export type ChangeId = Brand<string, 'ChangeId'>
export type MeetingId = Brand<string, 'MeetingId'>
export type PraiseId = Brand<string, 'PraiseId'>
export type AgendaItemId = Brand<string, 'AgendaItemId'>
export type VoteRoundId = Brand<string, 'VoteRoundId'>

/** Record ids: letters, digits, `_` and `-`, 1 to 64 characters (safe in paths, URLs and keys). */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID_PATTERN.test(value)
}
