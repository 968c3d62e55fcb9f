/**
 * @module A card's details for editors: title, assignee, due date, labels, the reason a missed date
 * was missed (once overdue), a link to the card, its conversation, and delete after a confirmation. One updateTask saves what changed.
 * While it is open, others see me editing the card.
 */
import { useEffect, useState } from 'react'
import { deleteTask, updateTask } from '../../../shared/doc/index.ts'
import { ColumnKind } from '../../../shared/model/index.ts'
import type { PersonId, Task, TaskId } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { Button } from '../../ui/Button.tsx'
import { CopyLinkButton } from '../../ui/CopyLinkButton.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { SelectField, TextArea, TextField } from '../../ui/Field.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { useBoard } from './BoardContext.ts'
import { isOverdue } from './isOverdue.ts'
import { InlineAlert } from './InlineAlert.tsx'
import { shareLink, useCommand } from '../../app/index.ts'
import { ActivityDetails } from '../activity/index.ts'
import { useCommentCount } from '../comments/index.ts'
import { useView } from '../../hooks/useView.ts'

export function TaskMenuDialog({ taskId, now, onClose }: { taskId: TaskId | null; now: number; onClose: () => void }) {
  const task = useSnapshot((s) => (taskId === null ? null : (s.tasks.get(taskId) ?? null)))
  const done = useSnapshot((s) => (task === null ? false : s.columns.get(task.placement.columnId)?.kind === ColumnKind.Done))
  const { ws } = useBoard()
  useEffect(() => {
    if (taskId === null) return
    ws.presence.setActivity({ kind: 'editing', target: `task:${taskId}` })
    return () => ws.presence.setActivity(null)
  }, [ws, taskId])
  if (task === null) return null
  // Keyed by task: the form starts from the card's values each time it opens.
  return <TaskForm key={task.id} task={task} overdue={isOverdue(task.dueDate, done, now)} onClose={onClose} />
}

function TaskForm({ task, overdue, onClose }: { task: Task; overdue: boolean; onClose: () => void }) {
  const { ws, people } = useBoard()
  const [title, setTitle] = useState(task.title)
  const [assigneeId, setAssigneeId] = useState(task.assigneeId ?? '')
  const [dueDate, setDueDate] = useState(task.dueDate ?? '')
  const [labels, setLabels] = useState(task.labels.join(', '))
  const [reason, setReason] = useState(task.missedReason ?? '')
  const [confirming, setConfirming] = useState(false)
  const { error, run, clearError } = useCommand()
  const { openThread } = useView()
  const comments = useCommentCount(task.id)

  const save = () => {
    const nextLabels = [...new Set(labels.split(',').map((l) => l.trim()).filter(Boolean))]
    const patch = {
      ...(title.trim() !== task.title ? { title } : {}),
      ...((assigneeId || null) !== task.assigneeId ? { assigneeId: (assigneeId || null) as PersonId | null } : {}),
      ...((dueDate || null) !== task.dueDate ? { dueDate: dueDate || null } : {}),
      ...(nextLabels.join('\n') !== task.labels.join('\n') ? { labels: nextLabels } : {}),
      ...((reason.trim() || null) !== task.missedReason ? { missedReason: reason.trim() || null } : {}),
    }
    if (Object.keys(patch).length === 0 || run(() => updateTask(ws.session, task.id, patch))) onClose()
  }
  const remove = () => {
    if (run(() => deleteTask(ws.session, task.id))) onClose()
  }

  return (
    <Dialog
      title="Edit task"
      open
      onClose={onClose}
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="task-menu-form">
            Save
          </Button>
        </>
      }
    >
      <form
        id="task-menu-form"
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault()
          save()
        }}
      >
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} />
        <SelectField label="Assignee" value={assigneeId} onChange={(e) => setAssigneeId(e.target.value)}>
          <option value="">Unassigned</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Due date" type="date" value={dueDate} onChange={(e) => setDueDate(e.target.value)} />
        <TextField label="Labels" hint="Separated by commas." value={labels} onChange={(e) => setLabels(e.target.value)} />
        {(overdue || task.missedReason !== null) && (
          <TextArea label="Why was the date missed?" hint="Overdue tasks with a reason are flagged less loudly." value={reason} onChange={(e) => setReason(e.target.value)} />
        )}
      </form>
      <ActivityDetails target={task.id} label="Activity of this task" empty="Nothing on record yet: moves and edits show here." />
      <div className="dialog-row">
        <CopyLinkButton label="Copy link to this task" link={shareLink(ws.workspaceId, { taskId: task.id })} />
        <Button
          size="sm"
          onClick={() => {
            onClose()
            openThread({ kind: 'task', id: task.id })
          }}
        >
          <Icon name="comment" size={14} /> {comments === 0 ? 'Comment' : `Comments (${comments})`}
        </Button>
      </div>
      <div className="dialog-row dialog-row--danger">
        {confirming ? (
          <>
            <span className="dialog-row__label">Delete this task for everyone?</span>
            <Button size="sm" variant="danger" onClick={remove}>
              Yes, delete
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
          </>
        ) : (
          <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>
            <Icon name="trash" size={14} /> Delete task
          </Button>
        )}
      </div>
      <InlineAlert message={error} onDismiss={clearError} />
    </Dialog>
  )
}
