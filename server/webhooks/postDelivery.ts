/** @module One attempt at a delivery: the signed POST, its answer or failure as a delivery log would say it. */
import type { WebhookEvent } from '../../shared/protocol/index.ts'
import type { HookUrlCheck } from './hookUrl.ts'
import { SIGNATURE_HEADER, signBody } from './signature.ts'

export interface Attempted {
  /** The receiver's status, null when none came. */
  readonly responseCode: number | null
  /** Empty when delivered (2xx); else why not. */
  readonly error: string
}

export interface Postable {
  readonly url: string
  readonly secret: string
  readonly eventId: string
  readonly event: WebhookEvent | 'test'
  readonly body: string
}

/** POSTs `job.body` to `job.url` once, checking the URL again first; never throws. */
export async function postDelivery(job: Postable, timeoutMs: number, checkUrl: (url: string) => Promise<HookUrlCheck>): Promise<Attempted> {
  let responseCode: number | null = null
  let error = ''
  try {
    const check = await checkUrl(job.url)
    if (!check.ok) throw new Error(check.message)
    const res = await fetch(job.url, {
      method: 'POST',
      body: job.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: {
        'Content-Type': 'application/json',
        'User-Agent': 'Roundtable-Webhooks/1',
        [SIGNATURE_HEADER]: signBody(job.secret, job.body),
        'X-Roundtable-Event': job.event,
        'X-Roundtable-Delivery': job.eventId,
      },
    })
    responseCode = res.status
    await res.body?.cancel().catch(() => {})
    if (res.status < 200 || res.status >= 300) error = `answered ${res.status}`
  } catch (err) {
    const e = err as Error
    error = e.name === 'TimeoutError' ? `no answer within ${timeoutMs} ms` : ((e.cause as Error | undefined)?.message ?? e.message)
  }
  return { responseCode, error }
}
