/** @module The history view's list: every checkpoint, newest first, by date and reason; each opens the board and OKRs as they were then. */
import { ViewLink, viewHref } from '../../app/index.ts'
import { meetingWhenText } from '../../format/meetingTimes.ts'
import { useNow } from '../../hooks/useNow.ts'
import { useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Icon } from '../../ui/Icon.tsx'
import { useCheckpoints } from './useCheckpoints.ts'

export function CheckpointList() {
  const { workspaceId } = useWorkspace()
  const view = useView()
  const now = useNow()
  const remote = useCheckpoints()
  return (
    <section className="history-view" aria-labelledby="history-title">
      <header>
        <h1 id="history-title">History</h1>
        <p className="history-view__sub">
          The board and the OKRs as they were at each checkpoint: the end of every meeting, a cycle published or closed, and each day with changes.
          Read-only, with what changed since marked.
        </p>
      </header>
      {remote.status === 'loading' && <p role="status">Loading checkpoints…</p>}
      {remote.status === 'failed' && (
        <p role="alert" className="history-view__problem">
          <Icon name="wifiOff" /> Could not load the checkpoints: {remote.message}
        </p>
      )}
      {remote.status === 'ready' && remote.value.length === 0 && (
        <p className="history-view__empty">No checkpoint yet. The first is taken when a meeting ends, a cycle is published, or on the first change of a day.</p>
      )}
      {remote.status === 'ready' && remote.value.length > 0 && (
        <ul className="checkpoint-list" aria-label="Checkpoints">
          {remote.value.map((cp) => (
            <li key={cp.id} className="checkpoint-list__row">
              <ViewLink href={viewHref(workspaceId, { ...view, view: 'history', checkpointId: cp.id, keyResultId: null, focusTaskId: null })} className="checkpoint-list__link">
                {cp.title}
              </ViewLink>
              <time dateTime={cp.at} className="checkpoint-list__when">
                {meetingWhenText(cp.at, now)}
              </time>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
