/**
 * @module The kanban board of the cycle in view: objectives with one swimlane per key result, an
 * "Unlinked" lane, the workspace's columns, drag and drop between cells, and inline editing for
 * editors. Data comes from useBoardModel (one pass per snapshot); a drop is one moveTask. On a
 * phone one column shows at a time, picked with the ColumnSwitcher, each lane's header above it.
 */
import { DndContext, DragOverlay } from '@dnd-kit/core'
import { Suspense, lazy, useCallback, useMemo, useRef, useState } from 'react'
import type { CSSProperties } from 'react'
import type { ColumnId, KeyResultId, Person, TaskId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { closedCycleNote } from '../../format/closedCycle.ts'
import { useCycle } from '../../hooks/useCycle.ts'
import { PHONE_QUERY, useMediaQuery } from '../../hooks/useMediaQuery.ts'
import { useNow } from '../../hooks/useNow.ts'
import { sameItems, useSnapshot } from '../../hooks/useSnapshot.ts'
import { usePast } from '../../hooks/useChangeMarks.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { BoardContext } from './BoardContext.ts'
import type { Board } from './BoardContext.ts'
import { BoardLane } from './BoardLane.tsx'
import type { LaneContext } from './BoardLane.tsx'
import { boardNames } from './boardNames.ts'
import { BoardToolbar } from './BoardToolbar.tsx'
import { ColumnHeaders } from './ColumnHeaders.tsx'
import { ColumnSwitcher } from './ColumnSwitcher.tsx'
import { parseCellId } from './cellId.ts'
import { DragPreview } from './DragPreview.tsx'
import { describeError } from '../../format/describeError.ts'
import { Icon } from '../../ui/Icon.tsx'
import { FirstRunGuide } from '../onboarding/index.ts'
import { InlineAlert } from './InlineAlert.tsx'
import { ObjectiveSection } from './ObjectiveSection.tsx'
import { useBoardDnd } from './useBoardDnd.ts'
import { useBoardModel } from './useBoardModel.ts'
import './board.css'

// The "Since last meeting" line loads after the board: it waits on the server anyway.
const SinceLastMeetingBanner = lazy(() => import('../minutes/index.ts').then((m) => ({ default: m.SinceLastMeetingBanner })))
// The card menu loads when a card's menu is first opened.
const TaskMenuDialog = lazy(() => import('./TaskMenuDialog.tsx').then((m) => ({ default: m.TaskMenuDialog })))

const peopleByName = (s: WorkspaceSnapshot): Person[] => [...s.people.values()].sort((a, b) => a.name.localeCompare(b.name))

export function BoardView() {
  const ws = useWorkspace()
  const view = useView()
  const cycle = useCycle()
  const now = useNow()
  const model = useBoardModel(cycle, view.filters, now)
  const people = useSnapshot(peopleByName, sameItems)
  const [alert, setAlert] = useState<string | null>(null)
  const [menuTask, setMenuTask] = useState<TaskId | null>(null)
  const phone = useMediaQuery(PHONE_QUERY)
  // A past board (the history view) is not followed by what happened since the last meeting.
  const past = usePast()
  const [picked, setPicked] = useState<ColumnId | null>(null)
  const report = useCallback((err: unknown) => setAlert(describeError(err)), [])
  // The view's actions may be new functions on each render; the board's context must not be.
  const open = useRef(view.openKeyResult)
  open.current = view.openKeyResult
  const board = useMemo((): Board | null => {
    if (cycle === null) return null
    const closedNote = closedCycleNote(cycle)
    return {
      ws,
      canEdit: ws.canEdit,
      canEditTasks: ws.canEdit && closedNote === null,
      closedNote,
      cycle,
      people,
      personById: new Map(people.map((p) => [p.id, p])),
      openKeyResult: (id: KeyResultId) => open.current(id),
      openTaskMenu: setMenuTask,
      report,
    }
  }, [ws, cycle, people, report])
  const names = useMemo(() => boardNames(model), [model])
  const dnd = useBoardDnd(model, names, ws, report)

  if (board === null || model === null) {
    return (
      <div className="board board--empty">
        <p>No cycle yet. Create a cycle to start planning objectives.</p>
      </div>
    )
  }
  const focusCell = view.focusTaskId === null ? undefined : model.cellOf.get(view.focusTaskId)
  // A phone shows the column picked, else the focused card's, else the first.
  const wanted = picked ?? (focusCell === undefined ? null : parseCellId(focusCell).columnId)
  const shownColumn = phone ? (model.columns.find((c) => c.id === wanted) ?? model.columns[0])?.id ?? null : null
  const ctx: LaneContext = {
    columns: model.columns,
    shownColumn,
    cells: dnd.cells,
    stalls: model.taskStalls,
    now,
    focusTaskId: view.focusTaskId,
    focusCell,
    dragCell: dnd.dragCell,
  }
  const style = { '--board-columns': model.columns.length } as CSSProperties
  return (
    <BoardContext.Provider value={board}>
      <div className={`board${ws.canEdit ? ' board--editable' : ''}${shownColumn !== null ? ' board--phone' : ''}`}>
        <BoardToolbar model={model} />
        {!past && (
          <Suspense fallback={null}>
            <SinceLastMeetingBanner />
          </Suspense>
        )}
        {board.closedNote !== null && (
          <p className="board__closed" role="note">
            <Icon name="lock" size={14} /> {board.closedNote}. Cards, key results and check-ins stay as they were at the close.
          </p>
        )}
        <InlineAlert message={alert} onDismiss={() => setAlert(null)} />
        {model.groups.length === 0 && model.hiddenObjectives === 0 && <FirstRunGuide cycle={model.cycle} />}
        <DndContext {...dnd.contextProps}>
          {shownColumn !== null && <ColumnSwitcher columns={model.columns} counts={model.columnCounts} shown={shownColumn} onShow={setPicked} />}
          <div className="board__scroll">
            <div className="board__grid" style={style}>
              {shownColumn === null && <ColumnHeaders columns={model.columns} counts={model.columnCounts} />}
              {model.groups.length === 0 && model.hiddenObjectives > 0 && (
                <p className="board__empty">No objective matches the filters.</p>
              )}
              {model.groups.map((group) => (
                <ObjectiveSection key={group.objective.id} group={group} ctx={ctx} focusKeyResultId={view.keyResultId} />
              ))}
              <BoardLane lane={model.unlinked} ctx={ctx} focused={false} />
            </div>
          </div>
          <DragOverlay>{dnd.activeTask && <DragPreview task={dnd.activeTask} model={model} now={now} />}</DragOverlay>
        </DndContext>
        {board.canEditTasks && menuTask !== null && (
          <Suspense fallback={null}>
            <TaskMenuDialog taskId={menuTask} now={now} onClose={() => setMenuTask(null)} />
          </Suspense>
        )}
      </div>
    </BoardContext.Provider>
  )
}
