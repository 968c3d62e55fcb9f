/**
 * @module A card on the board: the draggable shell (dnd-kit sortable) whose title is the keyboard
 * handle, the colour ring of whoever else is editing or dragging it, and inline title editing. The content below is memoised apart,
 * because dnd-kit re-renders every sortable when the drop target changes.
 */
import { useSortable } from '@dnd-kit/sortable'
import { CSS } from '@dnd-kit/utilities'
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { CSSProperties, KeyboardEvent } from 'react'
import { useBoard } from './BoardContext.ts'
import { avatarColors } from '../../ui/Avatar.tsx'
import { TaskCardContent } from './TaskCardContent.tsx'
import type { CardHandle, TaskCardProps } from './TaskCardContent.tsx'
import { describeTask } from './describeTask.ts'
import { revealElement } from './revealElement.ts'
import { useTaskPeer } from './useTaskPeer.ts'

export const SortableTaskCard = memo(function SortableTaskCard(props: TaskCardProps) {
  const { task, columnName, focused, droppable = true, ...content } = props
  const { canEditTasks: canEdit, ws, personById } = useBoard()
  const [editing, setEditing] = useState(false)
  const sortable = useSortable({ id: task.id, disabled: { draggable: !canEdit || editing, droppable: !canEdit || !droppable } })
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging, active } = sortable
  const peer = useTaskPeer(task.id)
  const node = useRef<HTMLDivElement | null>(null)
  /** The title: the card's keyboard handle (role button, focus, Space to lift). */
  const handle = useRef<HTMLDivElement | null>(null)
  /** Focus goes back to the handle once the title editor has gone and the handle is back. */
  const refocus = useRef(false)

  useEffect(() => {
    if (!focused || !node.current) return
    // A jump from the radar moves keyboard focus as well, so Space or Tab go on from the card.
    handle.current?.focus({ preventScroll: true })
    return revealElement(node.current, 'center')
  }, [focused])

  useEffect(() => {
    if (editing || !refocus.current) return
    refocus.current = false
    handle.current?.focus()
  }, [editing])

  const setRefs = useCallback(
    (el: HTMLDivElement | null) => {
      node.current = el
      setNodeRef(el)
    },
    [setNodeRef],
  )
  const setHandle = useCallback(
    (el: HTMLDivElement | null) => {
      handle.current = el
      setActivatorNodeRef(el)
    },
    [setActivatorNodeRef],
  )
  const startEdit = useCallback(() => {
    setEditing(true)
    ws.presence.setActivity({ kind: 'editing', target: `task:${task.id}` })
  }, [ws, task.id])
  const endEdit = useCallback(
    (again: boolean) => {
      refocus.current = again
      setEditing(false)
      ws.presence.setActivity(null)
    },
    [ws],
  )

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    listeners?.onKeyDown?.(e)
    if (canEdit && !active && !editing && (e.key === 'Enter' || e.key === 'F2') && e.target === handle.current) {
      e.preventDefault()
      startEdit()
    }
  }

  const style: CSSProperties & Record<'--peer', string | undefined> = {
    transform: CSS.Translate.toString(transform),
    transition,
    '--peer': peer?.user.color,
  }
  const classes = ['card', isDragging && 'card--placeholder', peer && 'card--peer', focused && 'card--focused'].filter(Boolean)
  const assignee = task.assigneeId === null ? null : (personById.get(task.assigneeId)?.name ?? null)
  // dnd-kit re-renders every sortable when the drop target changes: keep this work out of it.
  const { done, now, stallText } = props
  const description = useMemo(() => describeTask(task, { done, now, stallText }, assignee), [task, done, now, stallText, assignee])
  // The title is the button, named "Task: <title>, <column>" so its visible text is in its name;
  // the meta line and the menu button sit beside it, not inside it (no control within a control).
  // The pointer drags from anywhere on the card; the keyboard sensor starts only on the handle.
  const roledescription = canEdit ? 'draggable task' : 'task'
  const handleProps = useMemo(
    (): CardHandle => ({ ref: setHandle, ...attributes, 'aria-roledescription': roledescription, 'aria-label': `Task: ${task.title}, ${columnName}`, 'aria-description': description }),
    [setHandle, attributes, roledescription, task.title, columnName, description],
  )
  return (
    <div ref={setRefs} className={classes.join(' ')} style={style} {...listeners} onKeyDown={onKeyDown} data-task-id={task.id}>
      {peer && (
        <span className="card__peer" style={avatarColors(peer.user.color)}>
          {peer.user.name} {peer.activity?.kind === 'dragging' ? 'is moving this' : 'is editing'}
        </span>
      )}
      <TaskCardContent {...content} task={task} columnName={columnName} focused={focused} editing={editing} onEdit={startEdit} onEditEnd={endEdit} handle={handleProps} />
    </div>
  )
})
