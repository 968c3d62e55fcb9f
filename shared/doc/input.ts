/** @module Input schemas shared by the commands; a failed parse is a typed `invalid` error. */
import { z } from 'zod'
import { ID_PATTERN } from '../model/index.ts'
import type {
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
} from '../model/index.ts'
import { CommandError, CommandErrorCode } from './errors.ts'

export const idSchema = z.string().regex(ID_PATTERN, 'must be 1-64 letters, digits, _ or -')

/**
 * The schema of one kind of record id: it checks the id pattern, and what passes is typed as the
 * branded id, so a parsed command input needs no cast. The brand is a compile-time name only.
 */
function brandedId<Id extends string>(): z.ZodType<Id, string> {
  return idSchema as unknown as z.ZodType<Id, string>
}
export const cycleIdSchema = brandedId<CycleId>()
export const teamIdSchema = brandedId<TeamId>()
export const personIdSchema = brandedId<PersonId>()
export const objectiveIdSchema = brandedId<ObjectiveId>()
export const keyResultIdSchema = brandedId<KeyResultId>()
export const taskIdSchema = brandedId<TaskId>()
export const columnIdSchema = brandedId<ColumnId>()
export const checkInIdSchema = brandedId<CheckInId>()
export const commentIdSchema = brandedId<CommentId>()
export const changeIdSchema = brandedId<ChangeId>()
/** Longest objective and key-result title: two lines in a lane header, one sentence in a report. */
export const TITLE_MAX = 200
/** Longest task title: a card may say a little more than the goal it serves. */
export const TASK_TITLE_MAX = 300
/** Longest description or note. */
export const LONG_TEXT_MAX = 20_000
export const titleSchema = z.string().trim().min(1, 'must not be empty').max(TITLE_MAX, `must be at most ${TITLE_MAX} characters`)
export const taskTitleSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(TASK_TITLE_MAX, `must be at most ${TASK_TITLE_MAX} characters`)
export const longTextSchema = z.string().max(LONG_TEXT_MAX)
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
