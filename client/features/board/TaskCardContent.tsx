/**
 * @module What a card shows, compact and readable at a glance: title, labels, due date (red and
 * "overdue" once past), age in its column, stall mark, assignee, and the editor's menu button
 * (for everyone else, a "Copy link" button in its place).
 */
import { memo } from 'react'
import type { HTMLAttributes, Ref } from 'react'
import type { Task } from '../../../shared/model/index.ts'
import type { Severity } from '../../../shared/rules/index.ts'
import { colorFor } from '../../sync/identity.ts'
import { Avatar } from '../../ui/Avatar.tsx'
import { IconButton } from '../../ui/Button.tsx'
import { CopyLinkButton } from '../../ui/CopyLinkButton.tsx'
import { ChangedSince } from '../../ui/ChangedSince.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { useChangeMark } from '../../hooks/useChangeMarks.ts'
import { useBoard } from './BoardContext.ts'
import { CardStallIcon } from './CardStallIcon.tsx'
import { TaskTitleEditor } from './TaskTitleEditor.tsx'
import { ageText, formatDate } from '../../format/dates.ts'
import { isOverdue } from './isOverdue.ts'
import { shareLink } from '../../app/index.ts'
import { ThreadCommentCount } from '../comments/index.ts'

export interface TaskCardProps {
  readonly task: Task
  readonly columnName: string
  readonly done: boolean
  readonly stallSeverity: Severity | null
  readonly stallText: string
  readonly now: number
  readonly focused: boolean
  /** Whether other cards may be dropped onto this one (off far out of view, see useNearView). */
  readonly droppable?: boolean
}

export interface TaskCardContentProps extends TaskCardProps {
  readonly editing?: boolean
  readonly onEdit?: () => void
  readonly onEditEnd?: (refocus: boolean) => void
  /** The sortable card's keyboard handle (role, focus, names), put on the title. */
  readonly handle?: CardHandle
}

/** Attributes and ref of a card's keyboard handle. */
export type CardHandle = HTMLAttributes<HTMLDivElement> & { readonly ref?: Ref<HTMLDivElement>; readonly 'aria-description'?: string }

export const TaskCardContent = memo(function TaskCardContent(props: TaskCardContentProps) {
  const { task, columnName, done, stallSeverity, stallText, now, editing = false, onEdit, onEditEnd, handle } = props
  const { canEditTasks: canEdit, personById, openTaskMenu, ws } = useBoard()
  const assignee = task.assigneeId === null ? undefined : personById.get(task.assigneeId)
  const overdue = isOverdue(task.dueDate, done, now)
  const changed = useChangeMark(task.id)
  return (
    <>
      {editing && onEditEnd ? (
        <TaskTitleEditor task={task} onDone={onEditEnd} />
      ) : (
        <div {...handle} className={`card__title${handle ? ' card__handle' : ''}${done ? ' card__title--done' : ''}`} onDoubleClick={canEdit ? onEdit : undefined}>
          {task.title}
        </div>
      )}
      {task.labels.length > 0 && (
        <div className="card__labels">
          {task.labels.map((label) => (
            <span key={label} className="card__label">
              {label}
            </span>
          ))}
        </div>
      )}
      <div className="card__meta">
        {stallSeverity !== null && <CardStallIcon severity={stallSeverity} text={stallText} />}
        {task.dueDate !== null && (
          <span className={`card__due${overdue ? ' card__due--overdue' : ''}`} title={`Due ${task.dueDate}`}>
            <Icon name="flag" size={12} />
            {formatDate(task.dueDate, now)}
            {overdue && <span className="card__overdue"> · overdue</span>}
          </span>
        )}
        {!done && (
          <span className="card__age" title="Time since the card last moved">
            in {columnName} {ageText(task.movedAt, now)}
          </span>
        )}
        <ThreadCommentCount thread={{ kind: 'task', id: task.id }} label={task.title} />
        {assignee && (
          <span className="card__end">
            <Avatar name={assignee.name} color={colorFor(assignee.name)} size="sm" detail="assignee" />
          </span>
        )}
      </div>
      <ChangedSince mark={changed} />
      {canEdit ? (
        <IconButton
          className="card__menu"
          size="sm"
          label={`Edit task ${task.title}`}
          icon={<Icon name="more" size={14} />}
          onClick={() => openTaskMenu(task.id)}
          onPointerDown={(e) => e.stopPropagation()}
        />
      ) : (
        // No menu for those who cannot edit the card (viewers, a closed cycle): its one action is the link.
        <CopyLinkButton iconOnly className="card__menu" label={`Copy link to ${task.title}`} link={shareLink(ws.workspaceId, { taskId: task.id })} />
      )}
    </>
  )
})
