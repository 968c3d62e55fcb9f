/**
 * @module `/api/workspaces/:id/webhooks`, for the owner link only: list, create (the answer shows
 * the hook's secret, the only time it is shown), change events or the Slack option, delete, read
 * a hook's delivery log, and send it a test event. The URL is refused unless it is http(s) and
 * (without WEBHOOKS_ALLOW_PRIVATE) public.
 */
import { Hono } from 'hono'
import type { Context } from 'hono'
import { z } from 'zod'
import { randomId } from '../../shared/doc/index.ts'
import { WEBHOOK_EVENTS } from '../../shared/protocol/index.ts'
import type { DeliveryView, WebhookEvent, WebhookView } from '../../shared/protocol/index.ts'
import { Need, authorize, tokenOf, workspaceIdOf } from '../auth/access.ts'
import { ApiError } from '../errors.ts'
import type { Services } from '../services.ts'
import type { StoredDelivery, StoredHook } from '../storage/WebhookStore.ts'
import { MAX_HOOK_URL_LENGTH } from '../webhooks/hookUrl.ts'
import { newHookSecret } from '../webhooks/signature.ts'
import type { Webhooks } from '../webhooks/Webhooks.ts'
import { body, bodyTooLarge } from './jsonBody.ts'

/** Hooks a workspace may have. */
export const MAX_HOOKS_PER_WORKSPACE = 20
const MAX_BODY_BYTES = 16 * 1024

const events = z.array(z.enum(WEBHOOK_EVENTS as [WebhookEvent, ...WebhookEvent[]])).min(1, 'choose at least one event')
const createBody = z.object({ url: z.string().trim().min(1).max(MAX_HOOK_URL_LENGTH), events, slack: z.boolean().optional() }).strict()
const updateBody = z.object({ events: events.optional(), slack: z.boolean().optional() }).strict()

const iso = (ms: number) => new Date(ms).toISOString()
const hookView = (h: StoredHook): WebhookView => ({ id: h.id, url: h.url, events: h.events, slack: h.slack, createdAt: iso(h.createdAt) })
const deliveryView = (d: StoredDelivery): DeliveryView => ({ ...d, at: iso(d.at) })

export function webhooks(services: Services, hooks: Webhooks) {
  const { store } = hooks
  const owner = (c: Context) => authorize(services, workspaceIdOf(c.req.param('id') ?? ''), tokenOf(c.req.header('authorization'), c.req.query('token')), Need.Own).workspaceId
  const hookOf = (c: Context) => {
    const hook = store.get(owner(c), c.req.param('hookId') ?? '')
    if (hook === undefined) throw new ApiError(404, 'webhook_not_found', 'No such webhook')
    return hook
  }

  return new Hono()
    .get('/:id/webhooks', async (c) => {
      const workspaceId = owner(c)
      const list = await Promise.all(store.hooksOf(workspaceId).map(async (h) => ({ ...hookView(h), deliveries: (await store.deliveryLog(h.id)).slice(0, 5).map(deliveryView) })))
      return c.json({ webhooks: list })
    })

    .post('/:id/webhooks', bodyTooLarge(MAX_BODY_BYTES), async (c) => {
      const workspaceId = owner(c)
      const input = await body(c, createBody)
      if (store.hooksOf(workspaceId).length >= MAX_HOOKS_PER_WORKSPACE) throw new ApiError(409, 'too_many_webhooks', `A workspace has at most ${MAX_HOOKS_PER_WORKSPACE} webhooks`)
      const check = await hooks.checkUrl(input.url)
      if (!check.ok) throw new ApiError(400, check.code, check.message)
      const hook: StoredHook = {
        id: randomId(),
        workspaceId,
        url: check.url.href,
        events: WEBHOOK_EVENTS.filter((e) => input.events.includes(e)),
        slack: input.slack ?? false,
        secret: newHookSecret(),
        createdAt: services.now(),
        origin: new URL(c.req.url).origin,
      }
      await hooks.create(hook)
      return c.json({ ...hookView(hook), secret: hook.secret }, 201)
    })

    .patch('/:id/webhooks/:hookId', bodyTooLarge(MAX_BODY_BYTES), async (c) => {
      const hook = hookOf(c)
      const input = await body(c, updateBody)
      const next = await store.update(hook.workspaceId, hook.id, {
        ...(input.events && { events: WEBHOOK_EVENTS.filter((e) => input.events?.includes(e)) }),
        ...(input.slack !== undefined && { slack: input.slack }),
      })
      if (next === undefined) throw new ApiError(404, 'webhook_not_found', 'No such webhook')
      return c.json(hookView(next))
    })

    .delete('/:id/webhooks/:hookId', async (c) => {
      const hook = hookOf(c)
      await store.remove(hook.workspaceId, hook.id)
      return c.body(null, 204)
    })

    .get('/:id/webhooks/:hookId/deliveries', async (c) => {
      const hook = hookOf(c)
      return c.json({ deliveries: (await store.deliveryLog(hook.id)).map(deliveryView) })
    })

    .post('/:id/webhooks/:hookId/test', async (c) => {
      const hook = hookOf(c)
      return c.json({ eventId: await hooks.sendTest(hook) }, 202)
    })
}
