/**
 * @module The id of a board cell (a column under a key result, or unlinked) as one droppable id.
 * Record ids never contain ':' (ID_PATTERN), so it is a safe separator; '' stands for "no KR".
 */
import type { ColumnId, KeyResultId } from '../../../shared/model/index.ts'

export type CellId = `cell:${string}:${string}`

export function cellId(columnId: ColumnId, keyResultId: KeyResultId | null): CellId {
  return `cell:${columnId}:${keyResultId ?? ''}`
}

export function isCellId(id: unknown): id is CellId {
  return typeof id === 'string' && id.startsWith('cell:')
}

export function parseCellId(id: CellId): { columnId: ColumnId; keyResultId: KeyResultId | null } {
  const [, column = '', kr = ''] = id.split(':')
  return { columnId: column as ColumnId, keyResultId: kr === '' ? null : (kr as KeyResultId) }
}

/** A phone's column switcher segment as a drop target: dropping there moves the card to that column. */
export type ColumnTabId = `column-tab:${string}`

export function columnTabId(columnId: ColumnId): ColumnTabId {
  return `column-tab:${columnId}`
}

export function isColumnTabId(id: unknown): id is ColumnTabId {
  return typeof id === 'string' && id.startsWith('column-tab:')
}

export function parseColumnTabId(id: ColumnTabId): ColumnId {
  return id.slice('column-tab:'.length) as ColumnId
}
