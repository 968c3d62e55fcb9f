/**
 * @module The vote API of the running meeting (server/routes/meetings.ts). Ballots are the one
 * secret of a meeting: they go to the server only, never into the document or awareness; the
 * server writes who has voted, and at the reveal every value at once. A refusal comes back as a
 * sentence for an inline message, never as an exception.
 */
import { storedToken } from '../../app/index.ts'
import { describeRefusal } from '../../format/describeError.ts'

export type VoteCall<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly message: string; readonly code: string }

async function call<T>(workspaceId: string, method: 'POST' | 'PUT', path: string, body: unknown): Promise<VoteCall<T>> {
  const token = storedToken(workspaceId)
  if (token === null) return { ok: false, code: 'no-token', message: 'This browser has no link to this workspace any more: open your link again.' }
  let res: Response
  try {
    res = await fetch(`/api/workspaces/${encodeURIComponent(workspaceId)}/meetings/current/votes${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  } catch {
    return { ok: false, code: 'offline', message: 'Could not reach the server: votes need a connection. Try again.' }
  }
  if (res.ok) return { ok: true, value: (await res.json().catch(() => ({}))) as T }
  let code = ''
  let message = ''
  try {
    const payload = (await res.json()) as { error?: { code?: unknown; message?: unknown } }
    code = typeof payload.error?.code === 'string' ? payload.error.code : ''
    message = typeof payload.error?.message === 'string' ? payload.error.message : ''
  } catch {
    // No JSON: the status says enough.
  }
  if (res.status === 404 && code === '') message = 'The server does not run votes yet.'
  return { ok: false, code: code || String(res.status), message: describeRefusal(code, message || `The server answered ${res.status}.`) }
}

/** The facilitator opens a round on the current key-result item. */
export const openVote = (workspaceId: string, personId: string) => call<{ id: string }>(workspaceId, 'POST', '', { personId })

/** Casts (or changes, until the reveal) my ballot. */
export const castBallot = (workspaceId: string, roundId: string, personId: string, value: number) =>
  call<{ voted: boolean; revealed: boolean }>(workspaceId, 'PUT', `/${encodeURIComponent(roundId)}/ballots/${encodeURIComponent(personId)}`, { value })

/** The facilitator reveals every value at once. */
export const revealVote = (workspaceId: string, roundId: string, personId: string) => call<unknown>(workspaceId, 'POST', `/${encodeURIComponent(roundId)}/reveal`, { personId })

/** The facilitator closes a round without revealing it. */
export const closeVote = (workspaceId: string, roundId: string, personId: string) => call<unknown>(workspaceId, 'POST', `/${encodeURIComponent(roundId)}/close`, { personId })

/** The facilitator records the revealed median: a check-in's confidence, or the lead score. */
export const recordVote = (workspaceId: string, roundId: string, personId: string) =>
  call<{ recorded: 'check-in' | 'score' }>(workspaceId, 'POST', `/${encodeURIComponent(roundId)}/record`, { personId })
