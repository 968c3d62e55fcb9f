/**
 * @module Opens the workspace for as long as the page shows it: `openWorkspace` in an effect and
 * `close()` on unmount (StrictMode's extra mount/unmount opens and closes one more time, harmlessly).
 */
import { useEffect, useState } from 'react'
import type { Role } from '../../shared/protocol/index.ts'
import type { Identity } from '../sync/identity.ts'
import { openWorkspace } from '../sync/openWorkspace.ts'
import type { Workspace } from '../sync/openWorkspace.ts'

export interface OpenRequest {
  readonly workspaceId: string
  readonly name: string
  readonly role: Role
  readonly token: string
  readonly identity: Identity
}

export function useOpenWorkspace(request: OpenRequest | null): Workspace | null {
  const [workspace, setWorkspace] = useState<Workspace | null>(null)
  const { workspaceId, name, role, token, identity } = request ?? {}
  useEffect(() => {
    if (!workspaceId || !name || !role || !token || !identity) return
    const opened = openWorkspace({ workspaceId, name, role, token, identity })
    setWorkspace(opened)
    return () => {
      setWorkspace(null)
      opened.close()
    }
  }, [workspaceId, name, role, token, identity])
  return workspace
}
