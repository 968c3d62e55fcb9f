/**
 * @module Says what someone is doing in words for their avatar's tooltip: "editing the title of
 * Raise activation", "dragging Ship onboarding v2". Field keys look like `objective:<id>:title`.
 */
import type { KeyResultId, ObjectiveId, TaskId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import type { Activity } from '../../sync/presence.ts'

function titleOf(snap: WorkspaceSnapshot, id: string): string | null {
  // Ids are unique across kinds, so trying each map in turn is safe.
  return (
    snap.objectives.get(id as ObjectiveId)?.title ??
    snap.keyResults.get(id as KeyResultId)?.title ??
    snap.tasks.get(id as TaskId)?.title ??
    null
  )
}

const FIELD_WORDS: Readonly<Record<string, string>> = { title: 'the title', description: 'the description', note: 'a note' }

export function describeActivity(activity: Activity | null, snap: WorkspaceSnapshot): string | null {
  if (activity === null) return null
  if (activity.kind === 'dragging') {
    const title = titleOf(snap, activity.taskId)
    return title ? `dragging “${title}”` : 'dragging a card'
  }
  const parts = activity.target.split(/[:/.]/)
  const title = parts.map((part) => titleOf(snap, part)).find((t) => t !== null) ?? null
  const field = parts.length > 2 ? FIELD_WORDS[parts[parts.length - 1]!] : undefined
  if (title) return field ? `editing ${field} of “${title}”` : `editing “${title}”`
  return 'editing'
}
