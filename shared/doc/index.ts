/**
 * @module The only door to a workspace's Y.Doc: snapshots of plain values, `subscribe`, and typed
 * commands that each run as one transaction with the session's origin.
 */
export { readSnapshot, snapshot } from './snapshot.ts'
export { recordCounts } from './recordCounts.ts'
export type { RecordCounts } from './recordCounts.ts'
export { subscribe } from './subscribe.ts'
export type { ChangeEvent } from './subscribe.ts'
export { openSession, isCommandOrigin, randomId, OriginSource } from './session.ts'
export type { CommandOrigin, Session, SessionOptions } from './session.ts'
export { CommandError, CommandErrorCode } from './errors.ts'
export { MeetingRoots, Root, SCHEMA_VERSION, ServerOnlyRoots } from './schema.ts'
export { checkModel } from './checkModel.ts'
export type { ModelProblem } from './checkModel.ts'
export { DEFAULT_COLUMNS, initWorkspace, updateSettings } from './commands/workspace.ts'
export type { SettingsPatch } from './commands/workspace.ts'
export { MAX_REOPENINGS, closeCycle, createCycle, deleteCycle, publishCycle, reopenCycle, updateCycle } from './commands/cycles.ts'
export type { CreateCycleInput } from './commands/cycles.ts'
export { createTeam, deleteTeam, renameTeam } from './commands/teams.ts'
export { createPerson, deletePerson, updatePerson } from './commands/people.ts'
export { createObjective, deleteObjective, updateObjective } from './commands/objectives.ts'
export type { CreateObjectiveInput, ObjectivePatch } from './commands/objectives.ts'
export { applyTemplate } from './commands/templates.ts'
export type { ApplyTemplateInput } from './commands/templates.ts'
export { OKR_TEMPLATES, TemplateId, templateById } from './templates/index.ts'
export type { KeyResultTemplate, ObjectiveTemplate, OkrTemplate } from './templates/index.ts'
export { MEASURE_FIELDS, createKeyResult, deleteKeyResult, updateKeyResult } from './commands/keyResults.ts'
export type { CreateKeyResultInput, KeyResultPatch } from './commands/keyResults.ts'
export { createTask, deleteTask, moveTask, updateTask } from './commands/tasks.ts'
export { bindText, editText, textLimit } from './commands/textFields.ts'
export type { TextAnchor, TextBinding, TextEdit, TextField } from './commands/textFields.ts'
export type { CreateTaskInput, MoveTaskInput, TaskPatch } from './commands/tasks.ts'
export { createColumn, deleteColumn, moveColumn, updateColumn } from './commands/columns.ts'
export { checkIn } from './commands/checkIns.ts'
export type { CheckInInput } from './commands/checkIns.ts'
export { addComment, deleteComment, editComment, COMMENT_MAX } from './commands/comments.ts'
export type { CommentInput, DeleteCommentOptions } from './commands/comments.ts'
export { commentPlainText, mentionToken, mentionsIn, parseCommentBody, parseInline, safeHref } from './commentBody.ts'
export type { Block, Inline } from './commentBody.ts'
export { INBOX_DAYS, InboxKind, inboxItems, unreadCount } from './inbox.ts'
export type { InboxItem } from './inbox.ts'
export { scoreKeyResult } from './commands/scores.ts'
export type { ScoreInput } from './commands/scores.ts'
export { boardCell, sortedColumns } from './selectors.ts'
export { createUndoHistory } from './undoHistory.ts'
export type { UndoHistory, UndoOptions } from './undoHistory.ts'
export { EXPORT_FORMAT, exportWorkspace, importWorkspace, parseWorkspaceExport } from './exchange.ts'
export type { WorkspaceExport } from './exchange.ts'
export { CURRENT_MEETING, meetingState, readMeetingState } from './readMeeting.ts'
// The meeting commands have a door of their own (meetings.ts): the board loads without them.
export {
  closeVoteRound,
  markRecorded,
  markVoted,
  openVoteRound,
  openRound,
  pruneVoteRounds,
  revealVoteRound,
  voteRound,
} from './commands/voteRounds.ts'
export { encodeState, readState, stateVectorOf } from './readState.ts'
export type { StoredState } from './readState.ts'
export { deletePraise, thankSomeone } from './commands/praise.ts'
export type { PraiseInput } from './commands/praise.ts'
export { describeTransaction } from './activity.ts'
