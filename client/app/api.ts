/**
 * @module The few REST calls the client makes. The token goes in an Authorization header, never
 * in a request URL, so it stays out of server and proxy access logs.
 */
import type { Activity, CycleId, MeetingId, MeetingKind, PersonId } from '../../shared/model/index.ts'
import type { Role } from '../../shared/protocol/index.ts'
import type { Minutes, WorkspaceChanges } from '../../shared/rules/index.ts'
import type { WorkspaceLinks } from './knownWorkspaces.ts'

export interface WorkspaceInfo {
  readonly id: string
  readonly name: string
  readonly role: Role
}

export interface CreatedWorkspace {
  readonly id: string
  readonly name: string
  readonly links: WorkspaceLinks
  readonly tokens: Readonly<Record<Role, string>>
}

/** The outcome of asking the server about a workspace; a network failure is not an error here. */
export type WorkspaceLookup =
  | { readonly kind: 'ok'; readonly info: WorkspaceInfo }
  /** The server said no: a bad, revoked or foreign token, or no such workspace. */
  | { readonly kind: 'denied'; readonly status: number }
  /** No answer (offline, server down) or a server error: the link may still be fine. */
  | { readonly kind: 'unreachable' }

/** Reads the error message of a JSON error body, if there is one. */
export async function errorMessage(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: { message?: string } }
    return body.error?.message ?? `The server answered ${res.status}`
  } catch {
    return `The server answered ${res.status}`
  }
}

export async function lookupWorkspace(id: string, token: string, signal?: AbortSignal): Promise<WorkspaceLookup> {
  let res: Response
  try {
    res = await fetch(`/api/workspaces/${encodeURIComponent(id)}`, {
      headers: { authorization: `Bearer ${token}` },
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    return { kind: 'unreachable' }
  }
  if (res.status === 400 || res.status === 401 || res.status === 403 || res.status === 404) {
    return { kind: 'denied', status: res.status }
  }
  if (!res.ok) return { kind: 'unreachable' }
  const info = (await res.json()) as WorkspaceInfo
  return { kind: 'ok', info }
}

export async function createWorkspace(name: string): Promise<CreatedWorkspace> {
  const res = await fetch('/api/workspaces', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  })
  if (!res.ok) throw new Error(await errorMessage(res))
  return (await res.json()) as CreatedWorkspace
}

/** The current links of a workspace; only its owner may ask. */
export async function fetchLinks(id: string, ownerToken: string, signal?: AbortSignal): Promise<CreatedWorkspace> {
  const res = await fetch(`/api/workspaces/${encodeURIComponent(id)}/links`, {
    headers: { authorization: `Bearer ${ownerToken}` },
    signal,
  })
  if (!res.ok) throw new Error(await errorMessage(res))
  return (await res.json()) as CreatedWorkspace
}

/** New links for `roles`; the old tokens of those roles stop working at once. */
export async function rotateLinks(id: string, ownerToken: string, roles: readonly Role[]): Promise<CreatedWorkspace> {
  const res = await fetch(`/api/workspaces/${encodeURIComponent(id)}/links/rotate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ownerToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ roles }),
  })
  if (!res.ok) throw new Error(await errorMessage(res))
  return (await res.json()) as CreatedWorkspace
}

/** The export formats the server offers (`GET /api/workspaces/:id/export?format=`). */
export const ExportFormat = { Json: 'json', Markdown: 'md', Csv: 'csv' } as const
export type ExportFormat = (typeof ExportFormat)[keyof typeof ExportFormat]

/** A workspace's export as a file to save: any role may ask, with its token as a bearer. */
export async function fetchExport(id: string, token: string, format: ExportFormat): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch(`/api/workspaces/${encodeURIComponent(id)}/export?format=${format}`, {
    headers: { authorization: `Bearer ${token}` },
  })
  if (!res.ok) throw new Error(await errorMessage(res))
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')
  return { blob: await res.blob(), filename: named?.[1] ?? `${id}.${format}` }
}

/** A past meeting as `GET /api/workspaces/:id/meetings` lists it (dates as ISO strings). */
export interface MeetingSummary {
  readonly id: MeetingId
  readonly kind: MeetingKind
  readonly cycleId: CycleId
  readonly startedAt: string
  readonly endedAt: string
  /** How many agenda items it had. */
  readonly items: number
  /** How many people were there at any time. */
  readonly attendees: number
}

/** A workspace's REST path under `/api/workspaces/:id`. */
export const workspaceUrl = (id: string, rest: string) => `/api/workspaces/${encodeURIComponent(id)}/${rest}`

/** GET `url` with the token as a bearer, as JSON; a non-2xx answer throws the server's message. */
export async function getJson<T>(url: string, token: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` }, signal })
  if (!res.ok) throw new Error(await errorMessage(res))
  return (await res.json()) as T
}

/** The meetings that have ended in a workspace, newest first (any role may ask). */
export async function fetchMeetings(id: string, token: string, signal?: AbortSignal): Promise<readonly MeetingSummary[]> {
  const body = await getJson<{ meetings: MeetingSummary[] }>(workspaceUrl(id, 'meetings'), token, signal)
  return body.meetings
}

/** The minutes of one meeting (`GET .../meetings/:meetingId/minutes`). */
export async function fetchMinutes(id: string, token: string, meetingId: MeetingId, signal?: AbortSignal): Promise<Minutes> {
  const body = await getJson<{ minutes: Minutes }>(workspaceUrl(id, `meetings/${encodeURIComponent(meetingId)}/minutes`), token, signal)
  return body.minutes
}

/** The minutes as a Markdown file to save. */
export async function fetchMinutesMarkdown(id: string, token: string, meetingId: MeetingId): Promise<{ blob: Blob; filename: string }> {
  const res = await fetch(workspaceUrl(id, `meetings/${encodeURIComponent(meetingId)}/minutes.md`), {
    headers: { authorization: `Bearer ${token}` },
  })
  if (!res.ok) throw new Error(await errorMessage(res))
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')
  return { blob: await res.blob(), filename: named?.[1] ?? `minutes-${meetingId}.md` }
}

/** One entry of `GET .../activity`: who did what, with the time as an ISO string. */
export interface ActivityEntry extends Omit<Activity, 'at'> {
  readonly at: string
}

/** Which activity to ask for: about a record (a KR with its cards), by a person, the newest `limit`. */
export interface ActivityFilter {
  readonly target?: string
  readonly person?: PersonId
  readonly limit: number
}

/** `GET .../activity`: the newest entries first (any role may ask). */
export async function fetchActivity(id: string, token: string, filter: ActivityFilter, signal?: AbortSignal): Promise<readonly ActivityEntry[]> {
  const query = new URLSearchParams({ limit: String(filter.limit) })
  if (filter.target !== undefined) query.set('target', filter.target)
  if (filter.person !== undefined) query.set('person', filter.person)
  const body = await getJson<{ activity: ActivityEntry[] }>(workspaceUrl(id, `activity?${query}`), token, signal)
  return body.activity
}

/** What changed since the last meeting ended, and the checkpoint it is counted from. */
export interface ChangesSince {
  readonly since: string
  readonly from: string
  /** The checkpoint the changes are counted from: the key a dismissed banner is remembered by. */
  readonly checkpoint: string
  readonly to: string
  readonly changes: WorkspaceChanges
}

/**
 * `GET .../changes?since=last-meeting`: the changes since the latest meeting ended, or null when
 * no meeting has ended yet (404 `no_checkpoint`). Other failures throw.
 */
export async function fetchChangesSinceLastMeeting(id: string, token: string, signal?: AbortSignal): Promise<ChangesSince | null> {
  const res = await fetch(workspaceUrl(id, 'changes?since=last-meeting'), { headers: { authorization: `Bearer ${token}` }, signal })
  if (res.status === 404) return null
  if (!res.ok) throw new Error(await errorMessage(res))
  return (await res.json()) as ChangesSince
}

/** The token carried by a capability link's fragment (`#token=...`), if any. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('token')
  return token && token.trim() ? token.trim() : null
}
