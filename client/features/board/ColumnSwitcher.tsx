/**
 * @module On a phone the board shows one column at a time: this segmented control picks it. Each
 * segment is also a drop target (boardCollisions), so a card dragged onto "Doing" moves to Doing
 * in its own lane; the segment the dragged card would land in is marked while it is held there.
 */
import { useDndContext, useDroppable } from '@dnd-kit/core'
import type { Column, ColumnId } from '../../../shared/model/index.ts'
import { useBoard } from './BoardContext.ts'
import { columnTabId, isCellId, parseCellId } from './cellId.ts'

function Segment({ column, count, shown, onShow }: { column: Column; count: number; shown: boolean; onShow: () => void }) {
  const { canEditTasks } = useBoard()
  const { setNodeRef } = useDroppable({ id: columnTabId(column.id), disabled: !canEditTasks })
  const { active, over } = useDndContext()
  const target = active !== null && over !== null && isCellId(over.id) && parseCellId(over.id).columnId === column.id
  return (
    <button
      ref={setNodeRef}
      type="button"
      className={`column-switch__segment col-head--${column.kind}${target && !shown ? ' column-switch__segment--target' : ''}`}
      aria-pressed={shown}
      onClick={onShow}
    >
      <span className="column-switch__name">{column.name}</span>
      <span className="col-head__count">{count}</span>
    </button>
  )
}

export interface ColumnSwitcherProps {
  readonly columns: readonly Column[]
  readonly counts: ReadonlyMap<ColumnId, number>
  readonly shown: ColumnId
  readonly onShow: (id: ColumnId) => void
}

export function ColumnSwitcher({ columns, counts, shown, onShow }: ColumnSwitcherProps) {
  return (
    <div className="column-switch" role="group" aria-label="Column shown">
      {columns.map((column) => (
        <Segment key={column.id} column={column} count={counts.get(column.id) ?? 0} shown={column.id === shown} onShow={() => onShow(column.id)} />
      ))}
    </div>
  )
}
