/** @module The whole workspace as plain immutable values; unchanged records keep their identity. */
import type {
  ChangeId,
  CheckInId,
  ColumnId,
  CommentId,
  CycleId,
  KeyResultId,
  ObjectiveId,
  PersonId,
  PraiseId,
  TaskId,
  TeamId,
} from './ids.ts'
import type {
  CheckIn,
  Column,
  Comment,
  Cycle,
  KeyResult,
  KeyResultChange,
  Objective,
  Person,
  Praise,
  Score,
  Task,
  Team,
  WorkspaceSettings,
} from './records.ts'

export interface WorkspaceSnapshot {
  readonly settings: WorkspaceSettings
  readonly cycles: ReadonlyMap<CycleId, Cycle>
  readonly teams: ReadonlyMap<TeamId, Team>
  readonly people: ReadonlyMap<PersonId, Person>
  readonly objectives: ReadonlyMap<ObjectiveId, Objective>
  readonly keyResults: ReadonlyMap<KeyResultId, KeyResult>
  readonly tasks: ReadonlyMap<TaskId, Task>
  readonly columns: ReadonlyMap<ColumnId, Column>
  readonly checkIns: ReadonlyMap<CheckInId, CheckIn>
  readonly comments: ReadonlyMap<CommentId, Comment>
  readonly scores: ReadonlyMap<KeyResultId, Score>
  readonly changeLog: ReadonlyMap<ChangeId, KeyResultChange>
  readonly praise: ReadonlyMap<PraiseId, Praise>
}
