/** @module The one JSON error shape of the HTTP API, and the exception routes throw to produce it. */
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

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
