/**
 * @module A review's last item, "What we learned": the praise of the meeting and, for the owner,
 * closing the cycle (the same confirmation as the top bar's) as the natural last step.
 */
import { useCallback, useState } from 'react'
import { CycleStatus } from '../../../shared/model/index.ts'
import type { Meeting, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Button } from '../../ui/Button.tsx'
import { CloseCycleDialog } from '../cycle/index.ts'

export function LearnedItem({ meeting }: { meeting: Meeting }) {
  const { role } = useWorkspace()
  const cycle = useSnapshot(useCallback((snap: WorkspaceSnapshot) => snap.cycles.get(meeting.cycleId) ?? null, [meeting.cycleId]))
  const [asking, setAsking] = useState(false)
  if (cycle === null) return null
  return (
    <section className="meeting-review" aria-label="Close the cycle">
      <h3 className="meeting-panel__heading">Close the cycle</h3>
      {cycle.status === CycleStatus.Closed ? (
        <p className="meeting-review__summary">{cycle.name} is closed: its scores stand.</p>
      ) : cycle.status !== CycleStatus.Published ? (
        <p className="meeting-panel__hint">{cycle.name} is not published: there is nothing to close yet.</p>
      ) : role === 'owner' ? (
        <>
          <p className="meeting-panel__hint">With the scores given and the lessons written, closing {cycle.name} fixes its scores.</p>
          <Button size="sm" variant="primary" onClick={() => setAsking(true)}>
            Close cycle
          </Button>
          <CloseCycleDialog cycle={cycle} open={asking} onDone={() => setAsking(false)} />
        </>
      ) : (
        <p className="meeting-panel__hint">The owner closes the cycle.</p>
      )}
    </section>
  )
}
