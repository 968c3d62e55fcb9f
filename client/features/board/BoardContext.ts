/**
 * @module What every part of the board needs and what rarely changes: the workspace, whether I may
 * edit, the cycle, the people, and board-level actions. Kept stable so memoised cards do not
 * re-render when the board does.
 */
import { createContext, useContext } from 'react'
import type { Cycle, KeyResultId, Person, PersonId, TaskId } from '../../../shared/model/index.ts'
import type { Workspace } from '../../sync/openWorkspace.ts'

export interface Board {
  readonly ws: Workspace
  readonly canEdit: boolean
  /** Whether I may add, move and edit cards and check in: an editor, and the cycle is not closed. */
  readonly canEditTasks: boolean
  /** Why cards and check-ins are fixed ("Cycle closed on Dec 31: ..."), or null while they are not. */
  readonly closedNote: string | null
  readonly cycle: Cycle
  /** Everyone, by name: for pickers. */
  readonly people: readonly Person[]
  readonly personById: ReadonlyMap<PersonId, Person>
  openKeyResult(id: KeyResultId): void
  openTaskMenu(id: TaskId): void
  /** Shows a refused command's message in the board's alert. */
  report(err: unknown): void
}

export const BoardContext = createContext<Board | null>(null)

export function useBoard(): Board {
  const board = useContext(BoardContext)
  if (board === null) throw new Error('useBoard() needs <BoardView> above it')
  return board
}
