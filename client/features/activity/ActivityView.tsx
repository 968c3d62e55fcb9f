/** @module The workspace's activity (`/w/:id/activity`): who did what and when, across every record. */
import { ActivityList } from './ActivityList.tsx'

export function ActivityView() {
  return (
    <section className="activity-view" aria-labelledby="activity-title">
      <header>
        <h1 id="activity-title">Activity</h1>
        <p className="activity-view__sub">Who did what and when: check-ins, moves, new and deleted records, status and score changes, edits.</p>
      </header>
      <ActivityList label="Workspace activity" empty="Nothing has happened in this workspace yet: edits, moves and check-ins show here." />
    </section>
  )
}
