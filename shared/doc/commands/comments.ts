/**
 * @module Comments on objectives, key results and tasks: add (or reply, one level deep), edit and
 * delete. Only the author edits; the author or an owner deletes. A comment's mentions are the
 * `@[personId]` tokens of its body, kept beside it (see commentBody.ts).
 */
import * as z from 'zod/mini'
import { TargetKind, enumValues } from '../../model/index.ts'
import type { Comment, CommentId } from '../../model/index.ts'
import { mentionsIn } from '../commentBody.ts'
import { CommandErrorCode, must, refuse } from '../errors.ts'
import { commentIdSchema, idSchema, parse, personIdSchema } from '../input.ts'
import { requireRef } from '../lookup.ts'
import { readComment } from '../read.ts'
import { Root, recordOf } from '../schema.ts'
import type { Session } from '../session.ts'

const TARGET_ROOT = {
  [TargetKind.Objective]: Root.Objectives,
  [TargetKind.KeyResult]: Root.KeyResults,
  [TargetKind.Task]: Root.Tasks,
} as const

/** Longest comment body. */
export const COMMENT_MAX = 10_000
/** Most people one comment mentions. */
export const MENTIONS_MAX = 50

const bodySchema = z.string().check(z.trim(), z.minLength(1, 'must not be empty'), z.maxLength(COMMENT_MAX))

const commentInput = z.object({
  id: z.optional(commentIdSchema),
  target: z.object({ kind: z.enum(enumValues(TargetKind) as [TargetKind, ...TargetKind[]]), id: idSchema }),
  /** A reply names the top-level comment it answers; its target is that comment's. */
  parentId: z.optional(z.nullable(commentIdSchema)),
  body: bodySchema,
  /** Mentions beyond the body's tokens (older callers); the body's tokens are always counted. */
  mentions: z._default(z.array(personIdSchema).check(z.maxLength(MENTIONS_MAX)), []),
})

export type CommentInput = z.input<typeof commentInput>

export function addComment(s: Session, input: CommentInput): CommentId {
  const c = parse(commentInput, input)
  must(recordOf(s.doc, TARGET_ROOT[c.target.kind], c.target.id), c.target.kind, c.target.id)
  let target = c.target
  if (c.parentId != null) {
    const parent = must(commentOf(s, c.parentId), 'comment', c.parentId)
    // One level: a reply to a reply answers the same top-level comment.
    const top = parent.parentId === null ? parent : must(commentOf(s, parent.parentId), 'comment', parent.parentId)
    if (top.target.kind !== c.target.kind || top.target.id !== c.target.id) refuse(CommandErrorCode.Invalid, 'A reply belongs to the same thread as its comment', c.parentId)
    target = top.target
    c.parentId = top.id
  }
  const mentions = checkedMentions(s, [...c.mentions, ...mentionsIn(c.body)])
  const id = c.id ?? s.newId<CommentId>()
  const record = { target, parentId: c.parentId ?? null, body: c.body, mentions, authorId: s.actor, at: s.now(), editedAt: null, deletedAt: null }
  s.doc.transact(() => s.doc.getMap(Root.Comments).set(id, record), s.origin)
  return id
}

/** Replaces the body of my own comment (its mentions follow the new body). */
export function editComment(s: Session, id: CommentId, body: string): void {
  parse(idSchema, id)
  const text = parse(bodySchema, body)
  const comment = must(commentOf(s, id), 'comment', id)
  if (comment.deletedAt !== null) refuse(CommandErrorCode.NotFound, 'That comment was deleted', id)
  if (s.actor === null || comment.authorId !== s.actor) refuse(CommandErrorCode.NotAuthor, 'Only its author can edit a comment', id)
  const mentions = checkedMentions(s, mentionsIn(text))
  s.doc.transact(() => s.doc.getMap(Root.Comments).set(id, { ...stored(comment), body: text, mentions, editedAt: s.now() }), s.origin)
}

export interface DeleteCommentOptions {
  /** The caller holds the owner link: owners may delete anyone's comment. */
  readonly asOwner?: boolean
}

/**
 * Deletes a comment: its author may, an owner may. A top-level comment with replies keeps its
 * place (body and mentions cleared, `deletedAt` set) so the replies still read in context; any
 * other comment goes, and so does a deleted top-level comment once its last reply goes.
 */
export function deleteComment(s: Session, id: CommentId, options: DeleteCommentOptions = {}): void {
  parse(idSchema, id)
  const comment = must(commentOf(s, id), 'comment', id)
  const mine = s.actor !== null && comment.authorId === s.actor
  if (!mine && options.asOwner !== true) refuse(CommandErrorCode.NotAuthor, "Only its author or an owner can delete a comment", id)
  const comments = s.doc.getMap(Root.Comments)
  const replies = [...comments.entries()].filter(([key, value]) => key !== id && readComment(key, value)?.parentId === id)
  s.doc.transact(() => {
    if (replies.length > 0) {
      comments.set(id, { ...stored(comment), body: '', mentions: [], deletedAt: s.now() })
      return
    }
    comments.delete(id)
    const parent = comment.parentId === null ? undefined : commentOf(s, comment.parentId)
    if (parent?.deletedAt != null && !hasReplies(s, parent.id)) comments.delete(parent.id)
  }, s.origin)
}

function commentOf(s: Session, id: CommentId): Comment | undefined {
  const value = s.doc.getMap(Root.Comments).get(id)
  return value === undefined ? undefined : readComment(id, value)
}

function hasReplies(s: Session, id: CommentId): boolean {
  for (const [key, value] of s.doc.getMap(Root.Comments).entries()) if (readComment(key, value)?.parentId === id) return true
  return false
}

/** The stored fields of a read comment (the record's id is its key, not a field). */
function stored(c: Comment): Omit<Comment, 'id'> {
  return { target: c.target, parentId: c.parentId, body: c.body, mentions: c.mentions, authorId: c.authorId, at: c.at, editedAt: c.editedAt, deletedAt: c.deletedAt }
}

function checkedMentions(s: Session, ids: readonly string[]): string[] {
  const unique = [...new Set(ids)]
  if (unique.length > MENTIONS_MAX) refuse(CommandErrorCode.Invalid, `A comment mentions at most ${MENTIONS_MAX} people`, 'mentions')
  for (const person of unique) requireRef(s.doc, Root.People, 'person', person)
  return unique
}
