/** @module Input schemas shared by the commands; a failed parse is a typed `invalid` error. */
import { z } from 'zod'
import { ID_PATTERN } from '../model/index.ts'
import { CommandError, CommandErrorCode } from './errors.ts'

export const idSchema = z.string().regex(ID_PATTERN, 'must be 1-64 letters, digits, _ or -')
export const titleSchema = z.string().trim().min(1, 'must not be empty').max(500)
export const longTextSchema = z.string().max(20_000)
export const nameSchema = z.string().trim().min(1, 'must not be empty').max(200)
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a real date')
export const finite = z.number().refine(Number.isFinite, 'must be a finite number')
export const labelsSchema = z.array(z.string().trim().min(1).max(40)).max(20)
export const reasonSchema = z.string().trim().min(1, 'must say why').max(2_000)

/** Parses `input` or throws `CommandError('invalid')` naming the first bad field. */
export function parse<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const issue = result.error.issues[0]
  const path = issue?.path.join('.') ?? ''
  throw new CommandError(
    CommandErrorCode.Invalid,
    path ? `${path}: ${issue?.message ?? 'invalid'}` : (issue?.message ?? 'invalid input'),
    path || undefined,
  )
}
