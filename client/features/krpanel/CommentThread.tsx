/** @module The conversation on a key result: comments oldest first, and a box to add one. */
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { addComment, deleteComment } from '../../../shared/doc/index.ts'
import type { Comment, KeyResultId } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { colorFor } from '../../sync/identity.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { Button, IconButton } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { timeAgo } from '../../format/dates.ts'
import { useCommand } from '../../app/index.ts'

export function CommentThread({ keyResultId, comments, now }: { keyResultId: KeyResultId; comments: readonly Comment[]; now: number }) {
  const { canEdit, session } = useWorkspace()
  const people = useSnapshot((s) => s.people)
  const { run, error } = useCommand()
  const [body, setBody] = useState('')
  const boxId = useId()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (run((s) => addComment(s, { target: { kind: 'keyResult', id: keyResultId }, body }))) setBody('')
  }
  return (
    <div className="comments">
      {comments.length === 0 && <p className="krp-empty">No comments yet.</p>}
      <ol className="comments__list">
        {comments.map((c) => {
          const name = (c.authorId && people.get(c.authorId)?.name) || 'Someone'
          return (
            <li key={c.id} className="comment">
              <Avatar name={name} color={colorFor(name)} size="sm" />
              <div className="comment__body">
                <span className="comment__meta">
                  <strong>{name}</strong> · {timeAgo(c.at, now)}
                </span>
                <p>{c.body}</p>
              </div>
              {canEdit && c.authorId !== null && c.authorId === session.actor && (
                <IconButton label="Delete comment" icon={<Icon name="trash" size={13} />} size="sm" onClick={() => run((s) => deleteComment(s, c.id))} />
              )}
            </li>
          )
        })}
      </ol>
      {canEdit && (
        <form className="comments__form" onSubmit={submit}>
          <label htmlFor={boxId} className="visually-hidden">Add a comment</label>
          <textarea id={boxId} className="textarea" rows={2} value={body} onChange={(e) => setBody(e.target.value)} placeholder="Add a comment…" />
          {error && <p className="form-error" role="alert">{error}</p>}
          <Button type="submit" size="sm" disabled={body.trim() === ''}>Add comment</Button>
        </form>
      )}
    </div>
  )
}
