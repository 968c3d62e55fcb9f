/**
 * @module One cell of the board (a column under a key result): a drop region named
 * "<column> · <KR>", its cards in rank order, and "+ Add task" for editors. Memoised: a cell
 * whose cards did not change keeps its array (useBoardModel) and skips rendering.
 */
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import { memo, useMemo, useRef } from 'react'
import { ColumnKind } from '../../../shared/model/index.ts'
import type { Column, KeyResultId, Task, TaskId } from '../../../shared/model/index.ts'
import { AddTask } from './AddTask.tsx'
import { CellDropTarget } from './CellDropTarget.tsx'
import { useBoard } from './BoardContext.ts'
import type { StallSummary } from './boardModel.ts'
import type { CellId } from './cellId.ts'
import { SortableTaskCard } from './SortableTaskCard.tsx'

export interface BoardCellProps {
  readonly id: CellId
  readonly column: Column
  readonly keyResultId: KeyResultId | null
  readonly laneTitle: string
  readonly tasks: readonly Task[]
  readonly stalls: ReadonlyMap<TaskId, StallSummary>
  readonly now: number
  readonly focusTaskId: TaskId | null
  /** The lane's first column shows "+ Add task" always; the others on hover or focus. */
  readonly first: boolean
  /** Hidden: a phone shows another column. Its cards stay mounted, so a drag to it keeps its card. */
  readonly off?: boolean
  /** Off for lanes far out of view (useNearView): fewer rects for dnd-kit to measure. */
  readonly droppable: boolean
}

export const BoardCell = memo(function BoardCell(props: BoardCellProps) {
  const { id, column, keyResultId, laneTitle, tasks, stalls, now, focusTaskId, first, off = false, droppable } = props
  const { canEditTasks: canEdit } = useBoard()
  const node = useRef<HTMLElement>(null)
  const ids = useMemo(() => tasks.map((t) => t.id), [tasks])
  const done = column.kind === ColumnKind.Done
  return (
    <section ref={node} className={`cell${first ? ' cell--first' : ''}${off ? ' cell--off' : ''}`} aria-label={`${column.name} · ${laneTitle}`}>
      <CellDropTarget id={id} node={node} disabled={!canEdit || !droppable} />
      <SortableContext id={id} items={ids} strategy={verticalListSortingStrategy} disabled={!canEdit}>
        {tasks.map((task) => {
          const stall = stalls.get(task.id)
          return (
            <SortableTaskCard
              key={task.id}
              task={task}
              columnName={column.name}
              done={done}
              stallSeverity={stall?.severity ?? null}
              stallText={stall?.text ?? ''}
              now={now}
              focused={task.id === focusTaskId}
              droppable={droppable}
            />
          )
        })}
      </SortableContext>
      {canEdit && <AddTask columnId={column.id} keyResultId={keyResultId} where={`${column.name} · ${laneTitle}`} />}
    </section>
  )
})
