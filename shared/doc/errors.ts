/** @module The typed error every refused command throws; a refused command changes nothing. */

export const CommandErrorCode = {
  /** The input does not have the right shape or range. */
  Invalid: 'invalid',
  /** A referenced record does not exist. */
  NotFound: 'not-found',
  /** The alignment would make an objective its own ancestor. */
  AlignmentCycle: 'alignment-cycle',
  /** A task may only sit under key results of its own cycle. */
  CrossCycle: 'cross-cycle',
  /** The cycle's status forbids this change (objectives are fixed once published). */
  Locked: 'locked',
  /** The cycle is closed: only scores and comments change until an owner reopens it. */
  CycleClosed: 'cycle-closed',
  /** A key-result edit after publishing must say why. */
  ReasonRequired: 'reason-required',
  /** The cycle cannot move to that status from where it is. */
  BadTransition: 'bad-transition',
  /** The record is still in use (a cycle with objectives, the last column). */
  InUse: 'in-use',
  /** A meeting is already running in the workspace: join it instead. */
  MeetingRunning: 'meeting-running',
  /** No meeting is running. */
  NoMeeting: 'no-meeting',
  /** Only the meeting's facilitator may do this. */
  NotFacilitator: 'not-facilitator',
  /** The vote round is revealed or closed: it takes no more votes. */
  VoteClosed: 'vote-closed',
  /** Only a comment's author may edit it (and only its author or an owner delete it). */
  NotAuthor: 'not-author',
} as const
export type CommandErrorCode = (typeof CommandErrorCode)[keyof typeof CommandErrorCode]

export class CommandError extends Error {
  override readonly name = 'CommandError'
  readonly code: CommandErrorCode
  /** Where the problem is, e.g. the input path `weight` or the missing id. */
  readonly detail: string | undefined

  constructor(code: CommandErrorCode, message: string, detail?: string) {
    super(message)
    this.code = code
    this.detail = detail
  }
}

/** Throws `not-found` unless `value` is present. */
export function must<T>(value: T | undefined | null, what: string, id: string): T {
  if (value === undefined || value === null) {
    throw new CommandError(CommandErrorCode.NotFound, `No ${what} with id ${id}`, id)
  }
  return value
}

export function refuse(code: CommandErrorCode, message: string, detail?: string): never {
  throw new CommandError(code, message, detail)
}
