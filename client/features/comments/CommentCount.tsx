/**
 * @module A small "3 comments" button for a lane (opens its key result), a card or an objective
 * (opens its conversation); nothing while there are none. Only a count that shows reads the view, so
 * a view change does not re-render every card.
 */
import type { MouseEvent } from 'react'
import { useView } from '../../hooks/useView.ts'
import type { ThreadTarget } from '../../hooks/useView.ts'
import { Icon } from '../../ui/Icon.tsx'
import { useCommentCount } from './commentCounts.ts'
import './count.css'

export function CommentCount({ targetId, label, onOpen }: { targetId: string; label: string; onOpen: () => void }) {
  const count = useCommentCount(targetId)
  return count === 0 ? null : <CountButton count={count} label={label} onOpen={onOpen} />
}

/** The count of a task's or objective's comments; it opens that conversation in the side panel. */
export function ThreadCommentCount({ thread, label }: { thread: ThreadTarget; label: string }) {
  const count = useCommentCount(thread.id)
  return count === 0 ? null : <ThreadCountButton thread={thread} count={count} label={label} />
}

function ThreadCountButton({ thread, count, label }: { thread: ThreadTarget; count: number; label: string }) {
  const { openThread } = useView()
  return <CountButton count={count} label={label} onOpen={() => openThread(thread)} />
}

function CountButton({ count, label, onOpen }: { count: number; label: string; onOpen: () => void }) {
  const words = `${count} ${count === 1 ? 'comment' : 'comments'}`
  return (
    <button
      type="button"
      className="comment-count"
      aria-label={`${words} on ${label}`}
      title={words}
      // A card is a drag handle: a press on its count must not start a drag.
      onPointerDown={(e) => e.stopPropagation()}
      onClick={(e: MouseEvent) => {
        e.stopPropagation()
        onOpen()
      }}
    >
      <Icon name="comment" size={12} />
      {count}
    </button>
  )
}
