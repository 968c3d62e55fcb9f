/** @module A link to a person's page around whatever names them (their chip, their name); someone unknown is not a link. */
import type { ReactNode } from 'react'
import type { PersonId } from '../../../shared/model/index.ts'
import { ViewLink, viewHref } from '../../app/index.ts'
import { INITIAL_VIEW, useView } from '../../hooks/useView.ts'
import { useSnapshot } from '../../hooks/useSnapshot.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import './people.css'

export function PersonLink({ personId, children }: { personId: PersonId | null; children: ReactNode }) {
  const { workspaceId } = useWorkspace()
  const { cycleId, filters } = useView()
  const name = useSnapshot((s) => (personId === null ? undefined : s.people.get(personId)?.name))
  if (personId === null || name === undefined) return <>{children}</>
  return (
    <ViewLink href={viewHref(workspaceId, { ...INITIAL_VIEW, cycleId, filters, view: 'person', personId })} className="person-link" title={`${name}'s page`}>
      {children}
    </ViewLink>
  )
}
