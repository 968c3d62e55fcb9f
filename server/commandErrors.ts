/** @module Turns a refused shared/doc command into the matching JSON HTTP error. */
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { CommandError, CommandErrorCode } from '../shared/doc/index.ts'
import { ApiError } from './errors.ts'

const STATUS: Readonly<Record<CommandErrorCode, ContentfulStatusCode>> = {
  [CommandErrorCode.Invalid]: 400,
  [CommandErrorCode.ReasonRequired]: 400,
  [CommandErrorCode.NotFound]: 404,
  [CommandErrorCode.AlignmentCycle]: 409,
  [CommandErrorCode.CrossCycle]: 409,
  [CommandErrorCode.Locked]: 409,
  [CommandErrorCode.CycleClosed]: 409,
  [CommandErrorCode.BadTransition]: 409,
  [CommandErrorCode.InUse]: 409,
}

/** Runs `fn`; a CommandError becomes an ApiError with the command's code and message. */
export async function asApi<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof CommandError) throw new ApiError(STATUS[err.code], err.code.replaceAll('-', '_'), err.message)
    throw err
  }
}
