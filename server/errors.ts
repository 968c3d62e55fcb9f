/**
 * @module The HTTP API's errors: the one JSON error shape, the exception routes throw to produce
 * it, and the mapping of a refused shared/doc command onto it.
 */
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { CommandError, CommandErrorCode } from '../shared/doc/index.ts'

/** Body of every HTTP error response: `{"error":{"code","message"}}`, never a stack trace. */
export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string }
}

/**
 * An expected failure with a machine-readable code, e.g.
 * `throw new ApiError(404, 'workspace_not_found', 'No such workspace')`.
 * A plain `HTTPException` works too; its code is then derived from the status.
 */
export class ApiError extends HTTPException {
  readonly code: string

  constructor(status: ContentfulStatusCode, code: string, message: string) {
    super(status, { message })
    this.name = 'ApiError'
    this.code = code
  }
}

const CODES: Readonly<Partial<Record<number, string>>> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  422: 'unprocessable_entity',
  429: 'too_many_requests',
  500: 'internal',
  503: 'unavailable',
}

/** The default error code for an HTTP status: `404` -> `not_found`, unknown ones -> `http_418`. */
export function codeForStatus(status: number): string {
  return CODES[status] ?? `http_${status}`
}

/** Builds the error body sent for every failed request. */
export function errorBody(code: string, message: string): ErrorBody {
  return { error: { code, message } }
}

const COMMAND_STATUS: Readonly<Record<CommandErrorCode, ContentfulStatusCode>> = {
  [CommandErrorCode.Invalid]: 400,
  [CommandErrorCode.ReasonRequired]: 400,
  [CommandErrorCode.NotFound]: 404,
  [CommandErrorCode.AlignmentCycle]: 409,
  [CommandErrorCode.CrossCycle]: 409,
  [CommandErrorCode.Locked]: 409,
  [CommandErrorCode.CycleClosed]: 409,
  [CommandErrorCode.BadTransition]: 409,
  [CommandErrorCode.InUse]: 409,
  [CommandErrorCode.MeetingRunning]: 409,
  [CommandErrorCode.NoMeeting]: 409,
  [CommandErrorCode.NotFacilitator]: 403,
  [CommandErrorCode.VoteClosed]: 409,
  [CommandErrorCode.NotAuthor]: 403,
}

/** Runs `fn`; a CommandError becomes an ApiError with the command's code and message. */
export async function asApi<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof CommandError) throw new ApiError(COMMAND_STATUS[err.code], err.code.replaceAll('-', '_'), err.message)
    throw err
  }
}

/**
 * Like asApi, but the error code is the command's own (`vote-closed`, `not-facilitator`), as the
 * meeting API promises its clients.
 */
export async function asCommandApi<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (err instanceof CommandError) throw new ApiError(COMMAND_STATUS[err.code], err.code, err.message)
    throw err
  }
}
