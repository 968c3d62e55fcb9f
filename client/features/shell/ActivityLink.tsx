/** @module The way to the workspace's activity (`/w/:id/activity`) from the top bar, or from "More" on a phone. */
import { ViewLink, viewHref } from '../../app/index.ts'
import { INITIAL_VIEW, useView } from '../../hooks/useView.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Icon } from '../../ui/Icon.tsx'

export function ActivityLink({ labelled = false }: { labelled?: boolean }) {
  const { workspaceId } = useWorkspace()
  const { cycleId, filters } = useView()
  const href = viewHref(workspaceId, { ...INITIAL_VIEW, cycleId, filters, view: 'activity' })
  return (
    <ViewLink href={href} className={`btn btn--ghost${labelled ? '' : ' icon-btn'}`} title="Workspace activity: who did what and when">
      <Icon name="activity" label={labelled ? undefined : 'Activity'} />
      {labelled && 'Activity'}
    </ViewLink>
  )
}
