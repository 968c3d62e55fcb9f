/** @module The open workspace; throws a clear message when used outside <WorkspaceContext>. */
import { useContext } from 'react'
import { WorkspaceContext } from '../sync/WorkspaceContext.ts'
import type { Workspace } from '../sync/openWorkspace.ts'

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext)
  if (workspace === null) throw new Error('useWorkspace() needs a <WorkspaceContext.Provider> above it (see WorkspacePage)')
  return workspace
}
