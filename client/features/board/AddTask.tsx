/**
 * @module "+ Add task" at the bottom of a cell: type a title, Enter adds the card (createTask) and
 * keeps the field open for the next one; Escape or leaving an empty field closes it.
 */
import { useState } from 'react'
import { createTask } from '../../../shared/doc/index.ts'
import type { ColumnId, KeyResultId } from '../../../shared/model/index.ts'
import { Icon } from '../../ui/Icon.tsx'
import { useBoard } from './BoardContext.ts'
import { InlineAlert } from './InlineAlert.tsx'
import { useCommand } from '../../app/index.ts'

export function AddTask({ columnId, keyResultId, where }: { columnId: ColumnId; keyResultId: KeyResultId | null; where: string }) {
  const { ws, cycle } = useBoard()
  const [open, setOpen] = useState(false)
  const [title, setTitle] = useState('')
  const { error, run, clearError } = useCommand()
  const close = () => {
    setOpen(false)
    setTitle('')
    clearError()
  }
  const add = () => {
    if (title.trim() === '') return
    if (run(() => createTask(ws.session, { title, columnId, keyResultId, cycleId: cycle.id }))) setTitle('')
  }
  if (!open) {
    return (
      <button type="button" className="add-task" onClick={() => setOpen(true)} aria-label={`Add task to ${where}`}>
        <Icon name="plus" size={14} /> Add task
      </button>
    )
  }
  return (
    <div className="add-task-form">
      <textarea
        className="add-task-form__input"
        aria-label={`New task in ${where}`}
        placeholder="Task title, Enter to add"
        rows={2}
        autoFocus
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault()
            add()
          }
          if (e.key === 'Escape') close()
        }}
        onBlur={() => title.trim() === '' && close()}
      />
      <InlineAlert message={error} onDismiss={clearError} />
    </div>
  )
}
