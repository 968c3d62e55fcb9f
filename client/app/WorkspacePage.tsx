/**
 * @module `/w/:workspaceId/...`: check the link, ask who I am (once), open the workspace, show the shell.
 * Each step is its own component so each hook runs only once its inputs exist.
 */
import { lazy, Suspense, useEffect, useState } from 'react'
import { canWrite } from '../../shared/protocol/index.ts'
import { ViewContext } from '../hooks/useView.ts'
import { WorkspaceContext } from '../sync/WorkspaceContext.ts'
import { loadIdentity, saveIdentity } from '../sync/identity.ts'
import type { Identity } from '../sync/identity.ts'
import type { Workspace } from '../sync/openWorkspace.ts'
import { Button } from '../ui/Button.tsx'
import { DeniedPage } from './DeniedPage.tsx'
import { setPendingPerson, useClaimPerson, usePeopleProbe } from '../features/identity/index.ts'
import { LoadingPage } from './LoadingPage.tsx'
import { ProblemPage } from './ProblemPage.tsx'
import { Shell } from './Shell.tsx'
import { useOpenWorkspace } from './useOpenWorkspace.ts'
import { useAddressViewState } from './useViewState.ts'
import { useWorkspaceAccess } from './useWorkspaceAccess.ts'
import type { WorkspaceAccess } from './useWorkspaceAccess.ts'

type Ready = Extract<WorkspaceAccess, { kind: 'ready' }>

// Asked once per workspace and browser: the form loads only then.
const IdentityPrompt = lazy(() => import('../features/identity/IdentityPrompt.tsx').then((m) => ({ default: m.IdentityPrompt })))

export function WorkspacePage({ workspaceId }: { workspaceId: string }) {
  const access = useWorkspaceAccess(workspaceId)
  switch (access.kind) {
    case 'checking':
      return <LoadingPage label="Opening the workspace…" />
    case 'denied':
      return <DeniedPage reason={access.reason} />
    case 'unreachable':
      return (
        <ProblemPage title="Can't reach Roundtable" icon="wifiOff" actions={<Button variant="primary" onClick={access.retry}>Try again</Button>}>
          <p>The server did not answer, and this browser has not opened this workspace before, so there is no offline copy to show.</p>
        </ProblemPage>
      )
    case 'ready':
      return <IdentityStep key={access.workspaceId} access={access} />
  }
}

function IdentityStep({ access }: { access: Ready }) {
  const [identity, setIdentity] = useState<Identity | null>(() => loadIdentity(access.workspaceId))
  const canEdit = canWrite(access.role)
  const probe = usePeopleProbe(access.workspaceId, access.token, identity === null && canEdit)
  if (identity === null) {
    return (
      <Suspense fallback={<LoadingPage label="Opening the workspace…" />}>
        <IdentityPrompt
          workspaceName={access.name}
          canEdit={canEdit}
          people={probe.people}
          loadingPeople={probe.loading}
          onDone={(chosen, isNewPerson) => {
            saveIdentity(access.workspaceId, chosen)
            if (isNewPerson && chosen.personId) setPendingPerson(access.workspaceId, chosen.personId)
            setIdentity(chosen)
          }}
        />
      </Suspense>
    )
  }
  return <OpenStep access={access} identity={identity} />
}

function OpenStep({ access, identity }: { access: Ready; identity: Identity }) {
  const workspace = useOpenWorkspace({ ...access, identity })
  useClaimPerson(workspace)
  useEffect(() => {
    document.title = `${access.name} · Roundtable`
    return () => {
      document.title = 'Roundtable'
    }
  }, [access.name])
  if (workspace === null) return <LoadingPage label="Opening the workspace…" />
  return <WorkspaceProviders workspace={workspace} />
}

function WorkspaceProviders({ workspace }: { workspace: Workspace }) {
  // The view lives in the address: /w/:id/board, /okrs, /radar, /kr/:krId, /task/:taskId (viewRoute.ts).
  const view = useAddressViewState(workspace.workspaceId)
  return (
    <WorkspaceContext.Provider value={workspace}>
      <ViewContext.Provider value={view}>
        <Shell />
      </ViewContext.Provider>
    </WorkspaceContext.Provider>
  )
}
