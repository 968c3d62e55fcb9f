/**
 * @module Webhooks as the REST API shows them (`/api/workspaces/:id/webhooks`): the events a hook
 * may ask for, a hook without its secret, and one line of its delivery log. The secret is shown
 * once, in the answer to the hook's creation.
 */

/** What a hook can be told about; the JSON payload's `event` field. */
export const WebhookEvent = {
  CheckIn: 'check-in',
  StallAppeared: 'stall-appeared',
  StallCleared: 'stall-cleared',
  Mention: 'mention',
  TaskDone: 'task-done',
  MinutesReady: 'minutes-ready',
} as const
export type WebhookEvent = (typeof WebhookEvent)[keyof typeof WebhookEvent]

/** Every event, in the order the settings list them. */
export const WEBHOOK_EVENTS: readonly WebhookEvent[] = Object.values(WebhookEvent)

/** The outcome of one attempt to deliver an event. */
export const DeliveryStatus = {
  /** The receiver answered 2xx. */
  Delivered: 'delivered',
  /** It failed; another attempt is scheduled. */
  Retrying: 'retrying',
  /** It failed and the hour of retries is over. */
  Failed: 'failed',
  /** Dropped unsent: the server held too many deliveries (a dead hook), this was the oldest. */
  Dropped: 'dropped',
} as const
export type DeliveryStatus = (typeof DeliveryStatus)[keyof typeof DeliveryStatus]

/** A hook as listed (never its secret). */
export interface WebhookView {
  readonly id: string
  readonly url: string
  readonly events: readonly WebhookEvent[]
  /** Sends `{"text": ...}` bodies that chat tools (Slack, Mattermost, ...) accept. */
  readonly slack: boolean
  readonly createdAt: string
}

/** One attempt in a hook's delivery log (the newest 100 are kept). */
export interface DeliveryView {
  readonly eventId: string
  readonly event: WebhookEvent | 'test'
  readonly status: DeliveryStatus
  readonly at: string
  /** 1 for the first attempt. */
  readonly attempt: number
  /** The receiver's HTTP status; null when there was no answer (refused, timed out, dropped). */
  readonly responseCode: number | null
  /** Why it failed, in a few words ("timed out after 10 s"); empty when delivered. */
  readonly error: string
}
