/** @module The OKR domain model: branded ids, enums and readonly records. Imports nothing. */
export type {
  ChangeId,
  CheckInId,
  ColumnId,
  CommentId,
  CycleId,
  KeyResultId,
  ObjectiveId,
  PersonId,
  TaskId,
  TeamId,
  WorkspaceId,
  MeetingId,
  PraiseId,
  AgendaItemId,
  VoteRoundId,
} from './ids.ts'
export { ID_PATTERN, isId } from './ids.ts'
export {
  ColumnKind,
  CycleKind,
  CycleStatus,
  KeyResultKind,
  ObjectiveLevel,
  ObjectiveStatus,
  Origin,
  TargetKind,
  enumValues,
} from './enums.ts'
export type {
  Alignment,
  CheckIn,
  Column,
  Comment,
  CommentTarget,
  Cycle,
  CycleReopening,
  IsoDate,
  KeyResult,
  KeyResultChange,
  Millis,
  Objective,
  Person,
  Placement,
  Praise,
  Score,
  StallSettings,
  Task,
  Team,
  WorkspaceSettings,
} from './records.ts'
export { AgendaItemKind, MeetingKind, MeetingStatus, VoteRoundStatus, VoteScale } from './meeting.ts'
export type {
  AgendaItem,
  AgendaSubject,
  Ballot,
  Meeting,
  MeetingState,
  MeetingTimer,
  VoteResult,
  VoteRound,
} from './meeting.ts'
export { ActivityKind, ActivityTargetKind } from './activity.ts'
export type { Activity, ActivityDraft } from './activity.ts'
export type { WorkspaceSnapshot } from './snapshot.ts'
export { unreachable } from './unreachable.ts'
