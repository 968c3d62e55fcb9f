/** @module Turns a refused command into one sentence a person can act on. */
import { CommandError } from '../../shared/doc/index.ts'
import { FIELD_LABEL } from './labels.ts'

/**
 * The message of a CommandError, with its input path ("rangeHigh: must not be below rangeLow")
 * rewritten in words; anything else becomes a generic sentence (never a stack trace).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof CommandError)) return 'Something went wrong; nothing was changed.'
  const meeting = MEETING_REFUSAL[error.code]
  if (meeting !== undefined) return meeting
  const match = /^([A-Za-z.]+): (.*)$/.exec(error.message)
  if (match === null) return error.message
  const [, path = '', rest = ''] = match
  const label = FIELD_LABEL[path] ?? path
  const words = rest.replace(/\b(rangeLow|rangeHigh|startDate|endDate)\b/g, (name) => (FIELD_LABEL[name] ?? name).toLowerCase())
  return `${label} ${words}.`
}

/** The meeting's refusals, from a command or the vote API, in words. */
const MEETING_REFUSAL: Readonly<Record<string, string>> = {
  'meeting-running': 'A meeting is already running: join it instead.',
  'no-meeting': 'No meeting is running any more.',
  'not-facilitator': 'Only the facilitator can do that: ask them, or take over if they are away.',
  'vote-closed': 'This vote is over: the values were revealed or the round was closed.',
}

/**
 * A refusal the server sent as `{"error":{"code","message"}}` (the vote API), in words: the
 * meeting's own codes have fixed sentences, anything else keeps the server's message.
 */
export function describeRefusal(code: string, message: string): string {
  return MEETING_REFUSAL[code] ?? (message !== '' ? message : 'The server refused; nothing was changed.')
}

/** True when a command was refused because a published key result must say why it changes. */
export function isReasonRequired(error: unknown): boolean {
  return error instanceof CommandError && error.code === 'reason-required'
}
