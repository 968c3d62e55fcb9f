/**
 * @module Inline title editing on a card: Enter or leaving the field saves (one updateTask), Escape
 * cancels. Pointer and key events stop here so typing and selecting never start a drag.
 */
import { useRef } from 'react'
import { updateTask } from '../../../shared/doc/index.ts'
import type { Task } from '../../../shared/model/index.ts'
import { useBoard } from './BoardContext.ts'

export function TaskTitleEditor({ task, onDone }: { task: Task; onDone: (refocus: boolean) => void }) {
  const { ws, report } = useBoard()
  const finished = useRef(false)
  const finish = (value: string | null, refocus: boolean) => {
    if (finished.current) return
    finished.current = true
    const title = value?.trim() ?? ''
    if (value !== null && title !== '' && title !== task.title) {
      try {
        updateTask(ws.session, task.id, { title })
      } catch (err) {
        report(err)
      }
    }
    onDone(refocus)
  }
  return (
    <input
      className="card__title-input"
      aria-label="Task title"
      defaultValue={task.title}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onPointerDown={(e) => e.stopPropagation()}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Enter') finish(e.currentTarget.value, true)
        if (e.key === 'Escape') finish(null, true)
      }}
      onBlur={(e) => finish(e.currentTarget.value, false)}
    />
  )
}
