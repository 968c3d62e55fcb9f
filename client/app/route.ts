/**
 * @module Routing without a router package: the page comes from `location.pathname`, and pages and
 * views are moved between with the History API. `navigate` tells every `useRoute` and `useHref`
 * through a same-window event; Back and Forward arrive as `popstate`. A workspace's own paths
 * (`/w/:id/board`, `/kr/:krId`, ...) are listed here; what they mean for the view is viewRoute.ts.
 */
import { useMemo, useSyncExternalStore } from 'react'

export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'workspace'; readonly workspaceId: string }
  | { readonly page: 'not-found' }

/** The views that have a path of their own; `okrs` is the OKR tree. */
export type ViewSegment = 'board' | 'okrs' | 'radar' | 'insights' | 'meetings' | 'activity' | 'history'

/** What a workspace path names besides the workspace: a view, a key result, a card, a past meeting or a person. */
export type WorkspacePath =
  | { readonly workspaceId: string; readonly kind: 'view'; readonly view: ViewSegment | null }
  | { readonly workspaceId: string; readonly kind: 'kr' | 'task' | 'meeting' | 'person' | 'checkpoint'; readonly id: string }

// Every id (workspace, key result, card) is shared/model's ID_PATTERN: safe in a path as it is,
// so nothing is percent-decoded (a malformed escape cannot throw).
const ID = '[A-Za-z0-9_-]{1,64}'
// A checkpoint's id is longer: its time, its reason and its meeting's id (server/storage/CheckpointStore.ts).
const CHECKPOINT = '[A-Za-z0-9_-]{1,120}'
const WORKSPACE_PATH = new RegExp(`^/w/(${ID})(?:/(board|okrs|radar|insights|meetings|activity|history)|/(kr|task|meetings|people)/(${ID})|/(history)/(${CHECKPOINT}))?/?$`)

/**
 * `/w/:id`, `/w/:id/board|okrs|radar|insights|meetings|activity|history`, `/w/:id/kr/:krId`, `/w/:id/task/:taskId`,
 * `/w/:id/meetings/:meetingId`, `/w/:id/people/:personId`, `/w/:id/history/:checkpointId` (a trailing slash is fine).
 */
export function parseWorkspacePath(pathname: string): WorkspacePath | null {
  const m = WORKSPACE_PATH.exec(pathname)
  if (m === null) return null
  const workspaceId = m[1]!
  if (m[3] === 'kr' || m[3] === 'task') return { workspaceId, kind: m[3], id: m[4]! }
  if (m[3] === 'meetings') return { workspaceId, kind: 'meeting', id: m[4]! }
  if (m[3] === 'people') return { workspaceId, kind: 'person', id: m[4]! }
  if (m[5] === 'history') return { workspaceId, kind: 'checkpoint', id: m[6]! }
  return { workspaceId, kind: 'view', view: (m[2] as ViewSegment | undefined) ?? null }
}

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' }
  const workspace = parseWorkspacePath(pathname)
  return workspace ? { page: 'workspace', workspaceId: workspace.workspaceId } : { page: 'not-found' }
}

const NAVIGATE = 'roundtable:navigate'

/**
 * Goes to `href` (a path, optionally with a query and a `#fragment`) without reloading the page:
 * a new history entry, or the current one replaced.
 */
export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', href)
  else history.pushState(null, '', href)
  window.dispatchEvent(new Event(NAVIGATE))
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange)
  window.addEventListener(NAVIGATE, onChange)
  return () => {
    window.removeEventListener('popstate', onChange)
    window.removeEventListener(NAVIGATE, onChange)
  }
}

/** The page as a string ('home', 'not-found', 'w/<id>'): a view change inside a workspace keeps it. */
function pageKey(): string {
  const route = parseRoute(location.pathname)
  return route.page === 'workspace' ? `w/${route.workspaceId}` : route.page
}
const pathAndQuery = () => location.pathname + location.search

/** The page in the address bar; re-renders only when the page changes, not the view within it. */
export function useRoute(): Route {
  const key = useSyncExternalStore(subscribe, pageKey, pageKey)
  return useMemo((): Route => (key.startsWith('w/') ? { page: 'workspace', workspaceId: key.slice(2) } : { page: key as 'home' | 'not-found' }), [key])
}

/** The address without its fragment (path and query), re-read on every navigation. */
export function useHref(): string {
  return useSyncExternalStore(subscribe, pathAndQuery, pathAndQuery)
}
