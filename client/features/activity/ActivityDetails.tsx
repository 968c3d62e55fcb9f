/** @module A record's activity in a dialog: a disclosure that reads the list when opened (and again each time). */
import { useState } from 'react'
import { ActivityList } from './ActivityList.tsx'
import type { ActivityListProps } from './ActivityList.tsx'

export function ActivityDetails(props: ActivityListProps) {
  const [open, setOpen] = useState(false)
  return (
    <details className="activity-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Activity</summary>
      {open && <ActivityList {...props} />}
    </details>
  )
}
