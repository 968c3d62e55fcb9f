/**
 * @module The side panel of a task's or an objective's conversation (useView().thread; its address
 * is ?thread=task:ID or ?thread=objective:ID, with ?comment=ID to highlight one). Escape closes it.
 */
import { useEffect } from 'react'
import { TargetKind } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useView } from '../../hooks/useView.ts'
import type { ThreadTarget } from '../../hooks/useView.ts'
import { IconButton } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { CommentThread } from './CommentThread.tsx'
import './comments.css'

export function ThreadPanel() {
  const { thread, commentId, openThread } = useView()
  const title = useSnapshot((s) => (thread === null ? undefined : thread.kind === 'task' ? s.tasks.get(thread.id)?.title : s.objectives.get(thread.id)?.title))
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) openThread(null)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [openThread])
  if (thread === null || title === undefined) return null
  const kind = thread.kind === 'task' ? 'Task' : 'Objective'
  return (
    <aside className="thread-panel" aria-label={`Conversation: ${title}`}>
      <header className="thread-panel__header">
        <div className="thread-panel__titles">
          <span className="thread-panel__kind">{kind} · conversation</span>
          <h2 className="thread-panel__title">{title}</h2>
        </div>
        <IconButton label="Close conversation" icon={<Icon name="close" />} onClick={() => openThread(null)} />
      </header>
      <div className="thread-panel__scroll">
        <CommentThread key={`${thread.kind}:${thread.id}`} target={{ kind: targetKind(thread), id: thread.id }} highlight={commentId} label={title} />
      </div>
    </aside>
  )
}

function targetKind(thread: ThreadTarget): TargetKind {
  return thread.kind === 'task' ? TargetKind.Task : TargetKind.Objective
}
