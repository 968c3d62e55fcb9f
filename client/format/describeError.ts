/** @module Turns a refused command into one sentence a person can act on. */
import { CommandError } from '../../shared/doc/index.ts'
import { FIELD_LABEL } from './labels.ts'

/**
 * The message of a CommandError, with its input path ("rangeHigh: must not be below rangeLow")
 * rewritten in words; anything else becomes a generic sentence (never a stack trace).
 */
export function describeError(error: unknown): string {
  if (!(error instanceof CommandError)) return 'Something went wrong; nothing was changed.'
  const match = /^([A-Za-z.]+): (.*)$/.exec(error.message)
  if (match === null) return error.message
  const [, path = '', rest = ''] = match
  const label = FIELD_LABEL[path] ?? path
  const words = rest.replace(/\b(rangeLow|rangeHigh|startDate|endDate)\b/g, (name) => (FIELD_LABEL[name] ?? name).toLowerCase())
  return `${label} ${words}.`
}

/** True when a command was refused because a published key result must say why it changes. */
export function isReasonRequired(error: unknown): boolean {
  return error instanceof CommandError && error.code === 'reason-required'
}
