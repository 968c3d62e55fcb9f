/**
 * @module The webhook calls of the settings (owner token as a bearer): list, create, change,
 * delete, send a test. Kept in this lazily loaded feature, out of the board's first load.
 */
import type { WebhookEvent, DeliveryView, WebhookView } from '../../../shared/protocol/index.ts'
import { errorMessage, getJson, workspaceUrl } from '../../app/index.ts'

/** A hook as listed, with its newest deliveries (at most 5). */
export interface ListedHook extends WebhookView {
  readonly deliveries: readonly DeliveryView[]
}

/** A hook just created: the only answer that carries its secret. */
export interface CreatedHook extends WebhookView {
  readonly secret: string
}

export interface HookInput {
  readonly url: string
  readonly events: readonly WebhookEvent[]
  readonly slack: boolean
}

async function call<T>(workspaceId: string, token: string, method: string, rest: string, body?: unknown): Promise<T> {
  const res = await fetch(workspaceUrl(workspaceId, `webhooks${rest}`), {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!res.ok) throw new Error(await errorMessage(res))
  return (res.status === 204 ? null : await res.json()) as T
}

export const listHooks = (id: string, token: string, signal?: AbortSignal) => getJson<{ webhooks: readonly ListedHook[] }>(workspaceUrl(id, 'webhooks'), token, signal).then((r) => r.webhooks)
export const createHook = (id: string, token: string, input: HookInput) => call<CreatedHook>(id, token, 'POST', '', input)
export const updateHook = (id: string, token: string, hookId: string, input: Partial<Omit<HookInput, 'url'>>) => call<WebhookView>(id, token, 'PATCH', `/${encodeURIComponent(hookId)}`, input)
export const deleteHook = (id: string, token: string, hookId: string) => call<null>(id, token, 'DELETE', `/${encodeURIComponent(hookId)}`)
export const testHook = (id: string, token: string, hookId: string) => call<{ eventId: string }>(id, token, 'POST', `/${encodeURIComponent(hookId)}/test`)
