/**
 * @module The conversation on an objective, key result or task: top-level comments oldest first,
 * each with its replies (one level), Markdown-lite bodies, and for each comment what I may do:
 * reply, edit my own, delete my own (an owner, any). A comment named by the address is scrolled
 * into view and outlined.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import { addComment, deleteComment, editComment } from '../../../shared/doc/index.ts'
import type { Comment, CommentId, CommentTarget, Person, PersonId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { Role } from '../../../shared/protocol/index.ts'
import { useCommand } from '../../app/index.ts'
import { timeAgo } from '../../format/dates.ts'
import { useNow } from '../../hooks/useNow.ts'
import { sameItems, useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { colorFor } from '../../sync/identity.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { Button } from '../../ui/Button.tsx'
import { CommentBody } from './CommentBody.tsx'
import { CommentComposer } from './CommentComposer.tsx'
import './comments.css'

export interface CommentThreadProps {
  readonly target: CommentTarget
  /** The comment to scroll to and outline. */
  readonly highlight?: CommentId | null
  /** What the conversation is about, for accessible names ("Comments on Raise activation"). */
  readonly label: string
}

const byTime = (a: Comment, b: Comment) => a.at - b.at || (a.id < b.id ? -1 : 1)

export function CommentThread({ target, highlight = null, label }: CommentThreadProps) {
  const select = useCallback(
    (snap: WorkspaceSnapshot) => [...snap.comments.values()].filter((c) => c.target.kind === target.kind && c.target.id === target.id).sort(byTime),
    [target.kind, target.id],
  )
  const comments = useSnapshot(select, sameItems)
  const people = useSnapshot((s) => s.people)
  const { canEdit } = useWorkspace()
  const { run, error } = useCommand()
  const now = useNow()
  const top = comments.filter((c) => c.parentId === null)
  const repliesTo = (id: CommentId) => comments.filter((c) => c.parentId === id)
  const ctx = { people, now, highlight, target }
  return (
    <div className="thread" role="region" aria-label={`Comments on ${label}`}>
      {top.length === 0 && <p className="thread__empty">No comments yet.</p>}
      {top.length > 0 && (
        <ol className="thread__list">
          {top.map((c) => (
            <li key={c.id} className="thread__item">
              <CommentView comment={c} ctx={ctx} canReply={canEdit} />
              {repliesTo(c.id).length > 0 && (
                <ol className="thread__replies" aria-label={`Replies to ${nameOf(people, c.authorId)}`}>
                  {repliesTo(c.id).map((r) => (
                    <li key={r.id}>
                      <CommentView comment={r} ctx={ctx} canReply={false} />
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      )}
      {canEdit && (
        <>
          <CommentComposer label={`Comment on ${label}`} submitLabel="Comment" onSubmit={(body) => run((s) => addComment(s, { target, body }))} />
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </div>
  )
}

interface ThreadContext {
  readonly people: ReadonlyMap<PersonId, Person>
  readonly now: number
  readonly highlight: CommentId | null
  readonly target: CommentTarget
}

function nameOf(people: ReadonlyMap<PersonId, Person>, id: PersonId | null): string {
  return (id !== null && people.get(id)?.name) || 'Someone'
}

function CommentView({ comment: c, ctx, canReply }: { comment: Comment; ctx: ThreadContext; canReply: boolean }) {
  const { session, canEdit, role } = useWorkspace()
  const { run, error } = useCommand()
  const [mode, setMode] = useState<'read' | 'edit' | 'reply' | 'confirm'>('read')
  const ref = useRef<HTMLElement>(null)
  const highlighted = ctx.highlight === c.id
  useEffect(() => {
    if (!highlighted || ref.current === null) return
    ref.current.scrollIntoView({ block: 'center', behavior: 'smooth' })
    ref.current.focus({ preventScroll: true })
  }, [highlighted])
  const name = nameOf(ctx.people, c.authorId)
  const mine = c.authorId !== null && c.authorId === session.actor
  const owner = role === Role.Owner
  const deleted = c.deletedAt !== null
  return (
    <article
      ref={ref}
      id={`comment-${c.id}`}
      className={`comment${highlighted ? ' comment--highlight' : ''}${deleted ? ' comment--deleted' : ''}`}
      tabIndex={highlighted ? -1 : undefined}
      aria-label={`${deleted ? 'Deleted comment' : `Comment by ${name}`}, ${timeAgo(c.at, ctx.now)}`}
    >
      <Avatar name={name} color={colorFor(name)} size="sm" />
      <div className="comment__main">
        <span className="comment__meta">
          <strong>{deleted ? 'Deleted' : name}</strong> · {timeAgo(c.at, ctx.now)}
          {c.editedAt !== null && !deleted && <span title={`Edited ${timeAgo(c.editedAt, ctx.now)}`}> · edited</span>}
        </span>
        {deleted ? (
          <p className="comment__gone">This comment was deleted.</p>
        ) : mode === 'edit' ? (
          <CommentComposer
            label="Edit your comment"
            submitLabel="Save"
            initial={c.body}
            autoFocus
            onCancel={() => setMode('read')}
            onSubmit={(body) => {
              const ok = run((s) => editComment(s, c.id, body))
              if (ok) setMode('read')
              return ok
            }}
          />
        ) : (
          <CommentBody body={c.body} people={ctx.people} />
        )}
        {canEdit && !deleted && mode !== 'edit' && (
          <div className="comment__actions">
            {canReply && (
              <Button variant="ghost" size="sm" onClick={() => setMode(mode === 'reply' ? 'read' : 'reply')} aria-expanded={mode === 'reply'}>
                Reply
              </Button>
            )}
            {mine && (
              <Button variant="ghost" size="sm" onClick={() => setMode('edit')}>
                Edit
              </Button>
            )}
            {(mine || owner) &&
              (mode === 'confirm' ? (
                <>
                  <Button variant="danger" size="sm" onClick={() => run((s) => deleteComment(s, c.id, { asOwner: owner }))}>
                    Delete {mine ? 'my' : `${name}'s`} comment
                  </Button>
                  <Button variant="ghost" size="sm" onClick={() => setMode('read')}>
                    Keep it
                  </Button>
                </>
              ) : (
                <Button variant="ghost" size="sm" onClick={() => setMode('confirm')}>
                  Delete
                </Button>
              ))}
          </div>
        )}
        {mode === 'reply' && (
          <CommentComposer
            label={`Reply to ${name}`}
            submitLabel="Reply"
            placeholder="Reply… (@ to mention)"
            autoFocus
            onCancel={() => setMode('read')}
            onSubmit={(body) => {
              const ok = run((s) => addComment(s, { target: ctx.target, parentId: c.id, body }))
              if (ok) setMode('read')
              return ok
            }}
          />
        )}
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </article>
  )
}
