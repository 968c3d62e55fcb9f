// @vitest-environment jsdom
/** Conversations as addresses: ?thread=task:ID|objective:ID opens one in the side panel, ?comment=ID highlights a comment. */
import { describe, expect, it } from 'vitest'
import { viewReducer } from '../../../client/app/useViewState.ts'
import { parseView, viewHref } from '../../../client/app/viewRoute.ts'
import { INITIAL_VIEW } from '../../../client/hooks/useView.ts'
import type { CommentId, KeyResultId, ObjectiveId, TaskId } from '../../../shared/model/index.ts'

const at = (href: string) => {
  const url = new URL(href, 'http://rt.test')
  return parseView(url.pathname, url.search)
}

describe('conversation addresses', () => {
  it('reads a thread and a highlighted comment, and writes them back', () => {
    expect(at('/w/ws/kr/kr-1?comment=c-1')).toEqual({ ...INITIAL_VIEW, keyResultId: 'kr-1', commentId: 'c-1' })
    expect(at('/w/ws/task/t-1?thread=task:t-1&comment=c-2')).toEqual({ ...INITIAL_VIEW, focusTaskId: 't-1', thread: { kind: 'task', id: 't-1' }, commentId: 'c-2' })
    expect(at('/w/ws/okrs?thread=objective:o-1')).toEqual({ ...INITIAL_VIEW, view: 'tree', thread: { kind: 'objective', id: 'o-1' } })
    for (const href of ['/w/ws/kr/kr-1?comment=c-1', '/w/ws/task/t-1?thread=task%3At-1&comment=c-2', '/w/ws/okrs?thread=objective%3Ao-1&cycle=c-9']) {
      expect(viewHref('ws', at(href)), href).toBe(href)
    }
  })

  it('drops malformed threads, and a comment with no panel open', () => {
    for (const bad of ['thread=task', 'thread=kr:x', 'thread=task:a.b', 'thread=task:a:b']) expect(at(`/w/ws/board?${bad}`).thread, bad).toBeNull()
    expect(viewHref('ws', at('/w/ws/board?comment=c-1'))).toBe('/w/ws/board')
  })

  it('keeps one side panel open: a thread closes the key result panel and the other way round', () => {
    const kr = viewReducer(INITIAL_VIEW, { type: 'keyResult', keyResultId: 'kr-1' as KeyResultId, commentId: 'c-1' as CommentId })
    expect(kr).toMatchObject({ keyResultId: 'kr-1', commentId: 'c-1', thread: null })
    const task = viewReducer({ ...kr, view: 'tree' }, { type: 'thread', thread: { kind: 'task', id: 't-1' as TaskId }, commentId: null })
    expect(task).toMatchObject({ view: 'board', focusTaskId: 't-1', keyResultId: null, thread: { kind: 'task', id: 't-1' }, commentId: null })
    const objective = viewReducer({ ...INITIAL_VIEW, view: 'tree' }, { type: 'thread', thread: { kind: 'objective', id: 'o-1' as ObjectiveId }, commentId: 'c-3' as CommentId })
    expect(objective).toMatchObject({ view: 'tree', thread: { kind: 'objective', id: 'o-1' }, commentId: 'c-3' })
    expect(viewReducer(objective, { type: 'keyResult', keyResultId: 'kr-2' as KeyResultId, commentId: null })).toMatchObject({ thread: null, keyResultId: 'kr-2', commentId: null })
    expect(viewReducer(objective, { type: 'thread', thread: null, commentId: null })).toMatchObject({ thread: null, commentId: null })
  })
})
