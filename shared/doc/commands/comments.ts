/** @module Comments on objectives, key results and tasks. */
import * as z from 'zod/mini'
import { TargetKind, enumValues } from '../../model/index.ts'
import type { CommentId } from '../../model/index.ts'
import { must } from '../errors.ts'
import { commentIdSchema, idSchema, parse, personIdSchema } from '../input.ts'
import { requireRef } from '../lookup.ts'
import { Root, recordOf } from '../schema.ts'
import type { Session } from '../session.ts'

const TARGET_ROOT = {
  [TargetKind.Objective]: Root.Objectives,
  [TargetKind.KeyResult]: Root.KeyResults,
  [TargetKind.Task]: Root.Tasks,
} as const

const commentInput = z.object({
  id: z.optional(commentIdSchema),
  target: z.object({ kind: z.enum(enumValues(TargetKind) as [TargetKind, ...TargetKind[]]), id: idSchema }),
  body: z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(10_000)),
  mentions: z._default(z.array(personIdSchema).check(z.maxLength(50)), []),
})

export type CommentInput = z.input<typeof commentInput>

export function addComment(s: Session, input: CommentInput): CommentId {
  const c = parse(commentInput, input)
  must(recordOf(s.doc, TARGET_ROOT[c.target.kind], c.target.id), c.target.kind, c.target.id)
  for (const person of c.mentions) requireRef(s.doc, Root.People, 'person', person)
  const id = c.id ?? s.newId<CommentId>()
  const record = { target: c.target, body: c.body, mentions: [...new Set(c.mentions)], authorId: s.actor, at: s.now() }
  s.doc.transact(() => s.doc.getMap(Root.Comments).set(id, record), s.origin)
  return id
}

export function deleteComment(s: Session, id: CommentId): void {
  parse(idSchema, id)
  must(s.doc.getMap(Root.Comments).get(id), 'comment', id)
  s.doc.transact(() => s.doc.getMap(Root.Comments).delete(id), s.origin)
}
