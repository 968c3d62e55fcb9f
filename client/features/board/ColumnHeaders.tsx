/** @module The board's header row: a corner over the lane headers, then one header per column. */
import type { Column, ColumnId } from '../../../shared/model/index.ts'
import { AddColumn } from './AddColumn.tsx'
import { useBoard } from './BoardContext.ts'
import { ColumnHeader } from './ColumnHeader.tsx'

export function ColumnHeaders({ columns, counts }: { columns: readonly Column[]; counts: ReadonlyMap<ColumnId, number> }) {
  const { canEdit } = useBoard()
  return (
    <div className="board-row board-head">
      <div className="board-head__corner">Key results</div>
      {columns.map((column, i) => (
        <ColumnHeader key={column.id} column={column} count={counts.get(column.id) ?? 0} index={i} total={columns.length} />
      ))}
      {canEdit && <AddColumn />}
    </div>
  )
}
