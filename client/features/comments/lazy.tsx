/** @module The thread and its side panel, loaded when first shown: the board's first load does not carry them. */
import { lazy, Suspense } from 'react'
import type { CommentThreadProps } from './CommentThread.tsx'

const LazyThread = lazy(() => import('./CommentThread.tsx').then((m) => ({ default: m.CommentThread })))
const LazyPanel = lazy(() => import('./ThreadPanel.tsx').then((m) => ({ default: m.ThreadPanel })))

export function Thread(props: CommentThreadProps) {
  return (
    <Suspense fallback={<p className="thread-loading">Loading comments…</p>}>
      <LazyThread {...props} />
    </Suspense>
  )
}

export function ThreadPanel() {
  return (
    <Suspense fallback={null}>
      <LazyPanel />
    </Suspense>
  )
}
