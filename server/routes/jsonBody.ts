/** @module Reading a JSON request body the one way every route does: size-limited, then zod. */
import type { Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { z } from 'zod'
import { ApiError } from '../errors.ts'

/** Parses a JSON body with `schema`, or a 400 naming the first problem. */
export async function body<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  let raw: unknown
  try {
    raw = await c.req.json()
  } catch {
    throw new ApiError(400, 'bad_json', 'The request body must be JSON')
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success) return parsed.data
  const issue = parsed.error.issues[0]
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : ''
  throw new ApiError(400, 'invalid_body', `${where}${issue?.message ?? 'invalid body'}`)
}

/** Refuses a body over `max` bytes with 413 `body_too_large`. */
export function bodyTooLarge(max: number) {
  return bodyLimit({
    maxSize: max,
    onError: () => {
      throw new ApiError(413, 'body_too_large', `The request body is over ${max} bytes`)
    },
  })
}
