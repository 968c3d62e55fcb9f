/**
 * @module The strip above the board: what is shown (and how much the filters hide), and
 * "+ Add objective" for editors while the cycle is a draft (the shell shows the cycle itself).
 */
import { lazy, Suspense, useState } from 'react'
import { CycleStatus } from '../../../shared/model/index.ts'
import { Button } from '../../ui/Button.tsx'
import { Icon } from '../../ui/Icon.tsx'
import { useBoard } from './BoardContext.ts'
import type { BoardModel } from './boardModel.ts'

// The form loads when first opened: the board's first load does not carry it.
const AddObjective = lazy(() => import('./AddObjective.tsx').then((m) => ({ default: m.AddObjective })))

export function BoardToolbar({ model }: { model: BoardModel }) {
  const { canEdit, cycle } = useBoard()
  const [adding, setAdding] = useState(false)
  const krs = model.groups.reduce((n, g) => n + g.lanes.length, 0)
  const tasks = model.cellOf.size
  return (
    <>
      <div className="board-toolbar">
        <span className="board-toolbar__summary">
          {model.groups.length} {model.groups.length === 1 ? 'objective' : 'objectives'} · {krs} key {krs === 1 ? 'result' : 'results'} · {tasks}{' '}
          {tasks === 1 ? 'task' : 'tasks'}
          {model.hiddenObjectives > 0 && ` · ${model.hiddenObjectives} hidden by filters`}
        </span>
        <span className="board-toolbar__spacer" />
        {canEdit && cycle.status === CycleStatus.Draft && !adding && (
          <Button size="sm" variant="primary" onClick={() => setAdding(true)}>
            <Icon name="plus" size={14} /> Add objective
          </Button>
        )}
      </div>
      {adding && (
        <Suspense fallback={null}>
          <AddObjective onDone={() => setAdding(false)} />
        </Suspense>
      )}
    </>
  )
}
