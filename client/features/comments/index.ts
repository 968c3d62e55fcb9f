/** @module Conversations: the lazy thread and side panel, and the comment count cards and lanes show. */
export { CommentCount, ThreadCommentCount } from './CommentCount.tsx'
export { Thread, ThreadPanel } from './lazy.tsx'
export { useCommentCount } from './commentCounts.ts'
