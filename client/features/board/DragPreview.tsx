/** @module The card under the pointer while dragging (dnd-kit's DragOverlay): the card, lifted. */
import { ColumnKind } from '../../../shared/model/index.ts'
import type { Task } from '../../../shared/model/index.ts'
import type { BoardModel } from './boardModel.ts'
import { TaskCardContent } from './TaskCardContent.tsx'

export function DragPreview({ task, model, now }: { task: Task; model: BoardModel; now: number }) {
  const column = model.columns.find((c) => c.id === task.placement.columnId)
  const stall = model.taskStalls.get(task.id)
  return (
    <div className="card card--overlay" aria-hidden="true">
      <TaskCardContent
        task={task}
        columnName={column?.name ?? ''}
        done={column?.kind === ColumnKind.Done}
        stallSeverity={stall?.severity ?? null}
        stallText={stall?.text ?? ''}
        now={now}
        focused={false}
      />
    </div>
  )
}
