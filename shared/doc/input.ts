/** @module Input schemas shared by the commands; a failed parse is a typed `invalid` error. */
import * as z from 'zod/mini'
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

// zod/mini ships no messages of its own (full zod sets English on first use); the same English
// ones keep every refusal's wording, in the browser and on the server alike.
if (!z.core.globalConfig.localeError) z.config(z.locales.en())

export const idSchema = z.string().check(z.regex(ID_PATTERN, 'must be 1-64 letters, digits, _ or -'))

/**
 * The schema of one kind of record id: it checks the id pattern, and what passes is typed as the
 * branded id, so a parsed command input needs no cast. The brand is a compile-time name only.
 */
function brandedId<Id extends string>(): z.ZodMiniType<Id, string> {
  return idSchema as unknown as z.ZodMiniType<Id, string>
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
/** Longest line of praise: a thank-you card, not a letter. */
export const PRAISE_MAX = 280
/** Longest description or note. */
export const LONG_TEXT_MAX = 20_000
export const titleSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(TITLE_MAX, `must be at most ${TITLE_MAX} characters`))
export const taskTitleSchema = z
  .string()
  .check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(TASK_TITLE_MAX, `must be at most ${TASK_TITLE_MAX} characters`))
export const longTextSchema = z.string().check(z.maxLength(LONG_TEXT_MAX))
export const nameSchema = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(200))
export const dateSchema = z
  .string()
  .check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'),
    z.refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'must be a real date'),
  )
export const finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'))
export const labelsSchema = z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))).check(z.maxLength(20))
export const reasonSchema = z.string().check(z.trim(), z.minLength(1, 'must say why'), z.maxLength(2_000))

/** Parses `input` or throws `CommandError('invalid')` naming the first bad field. */
export function parse<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
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
