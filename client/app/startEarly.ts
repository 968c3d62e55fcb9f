/**
 * @module The first requests of a workspace link, started by main.tsx before React renders: the
 * workspace page's code and the check of the link with the server. Until then they waited for the
 * entry chunk's first render (the page's chunk is lazy) and for that chunk (the check is its
 * first effect): two round trips one after the other on every cold open (issue 16).
 */
import { lookupWorkspace, tokenFromHash } from './api.ts'
import type { WorkspaceLookup } from './api.ts'
import { storedToken } from './knownWorkspaces.ts'
import { parseRoute } from './route.ts'

interface EarlyLookup {
  readonly workspaceId: string
  readonly token: string
  readonly answer: Promise<WorkspaceLookup>
}

let early: EarlyLookup | null = null

/** On a workspace path: loads the workspace page's code and asks the server about the link. */
export function startEarly(loadWorkspacePage: () => Promise<unknown>): void {
  const route = parseRoute(location.pathname)
  if (route.page !== 'workspace') return
  void loadWorkspacePage().catch(() => undefined) // React.lazy asks again and shows the failure
  // The same token useWorkspaceAccess will use: the link's, else the one this browser kept.
  const token = tokenFromHash(location.hash) ?? storedToken(route.workspaceId)
  if (token === null) return
  const answer = lookupWorkspace(route.workspaceId, token)
  answer.catch(() => undefined) // read by earlyLookup; never left unhandled
  early = { workspaceId: route.workspaceId, token, answer }
}

/**
 * The answer started by `startEarly` for this workspace and token, or null. It stays until
 * `forgetEarlyLookup` (StrictMode runs an effect twice; both take it); a retry asks afresh.
 */
export function earlyLookup(workspaceId: string, token: string): Promise<WorkspaceLookup> | null {
  return early !== null && early.workspaceId === workspaceId && early.token === token ? early.answer : null
}

/** The early answer was used: a later visit to the page asks the server again. */
export function forgetEarlyLookup(): void {
  early = null
}
