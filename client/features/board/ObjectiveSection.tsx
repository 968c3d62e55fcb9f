/** @module An objective with its key-result lanes and, for editors, "+ Add key result" below them. */
import { CycleStatus } from '../../../shared/model/index.ts'
import type { KeyResultId } from '../../../shared/model/index.ts'
import { AddKeyResult } from './AddKeyResult.tsx'
import { useBoard } from './BoardContext.ts'
import { BoardLane } from './BoardLane.tsx'
import type { LaneContext } from './BoardLane.tsx'
import type { ObjectiveGroup } from './boardModel.ts'
import { ObjectiveHeader } from './ObjectiveHeader.tsx'

export function ObjectiveSection({ group, ctx, focusKeyResultId }: { group: ObjectiveGroup; ctx: LaneContext; focusKeyResultId: KeyResultId | null }) {
  const { canEdit, cycle } = useBoard()
  const { objective, lanes } = group
  return (
    <section className="objective" aria-label={`Objective: ${objective.title}`}>
      <ObjectiveHeader objective={objective} owner={group.owner} progress={group.progress} score={group.score} expected={group.expected} />
      {lanes.length === 0 && <p className="objective__empty">No key results yet.</p>}
      {lanes.map((lane) => (
        <BoardLane key={lane.keyResult?.id} lane={lane} ctx={ctx} focused={lane.keyResult?.id === focusKeyResultId} />
      ))}
      {canEdit && cycle.status !== CycleStatus.Closed && <AddKeyResult objectiveId={objective.id} objectiveTitle={objective.title} />}
    </section>
  )
}
