/** @module The "Changed since" badge of a record in the history view: what changed on it after the checkpoint. */
import './changed.css'

export function ChangedSince({ mark }: { mark: string | null }) {
  if (mark === null) return null
  return (
    <span className="changed-since">
      <span className="changed-since__label">Changed since</span> {mark}
    </span>
  )
}
