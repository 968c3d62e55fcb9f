/**
 * @module What a webhook receives: one JSON shape for every event (README, "Webhooks"), with links
 * into the app, or for a hook marked Slack-compatible a `{"text": ...}` body that chat tools
 * accept. Built from an event already resolved against the document (titles, names).
 */
import type { WebhookEvent } from '../../shared/protocol/index.ts'

/** A record an event is about, with its title as it was when the event was built. */
export interface Named {
  readonly id: string
  readonly title: string
}

/** An event, resolved against the document: everything a payload says. */
export interface HookEvent {
  readonly id: string
  readonly event: WebhookEvent | 'test'
  readonly at: number
  readonly workspace: Named
  readonly keyResult: Named | null
  readonly task: Named | null
  /** The meeting whose minutes are ready. */
  readonly meetingId: string | null
  /** Who did it (checked in, moved the card, wrote the comment); null when unknown. */
  readonly person: Named | null
  /** Who was mentioned. */
  readonly mentioned: Named | null
  /** The comment that mentions them. */
  readonly comment: { readonly id: string; readonly body: string } | null
  /** A check-in's "42 at 7/10". */
  readonly detail: string
  /** The stall warnings of the KR (stall-appeared), by rule. */
  readonly stalls: readonly { readonly ruleId: string; readonly severity: string; readonly reason: string }[]
}

/** The JSON body of a delivery (`Content-Type: application/json`). */
export interface WebhookPayload {
  readonly id: string
  readonly event: WebhookEvent | 'test'
  readonly at: string
  /** One sentence saying what happened. */
  readonly text: string
  /** Where to look: the KR's panel, the card, the minutes, or the workspace. */
  readonly url: string
  readonly workspace: Named & { readonly url: string }
  readonly keyResult: (Named & { readonly url: string }) | null
  readonly task: (Named & { readonly url: string }) | null
  readonly meeting: { readonly id: string; readonly url: string } | null
  readonly person: { readonly id: string; readonly name: string } | null
  readonly mentioned: { readonly id: string; readonly name: string } | null
  readonly comment: { readonly id: string; readonly body: string } | null
  readonly detail: string
  readonly stalls: HookEvent['stalls']
}

/** Longest comment excerpt in a sentence. */
const EXCERPT = 140
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text)
const quoted = (n: Named | null) => `"${n?.title || 'Untitled'}"`
const by = (person: Named | null) => (person === null ? '' : ` (${person.title})`)

/** The sentence for an event, e.g. `Check-in on "Signups": 42 at 7/10 (Ada)`. */
export function eventSentence(e: HookEvent): string {
  switch (e.event) {
    case 'check-in':
      return `Check-in on ${quoted(e.keyResult)}: ${e.detail}${by(e.person)}`
    case 'stall-appeared':
      return `${quoted(e.keyResult)} stalled: ${e.stalls.map((s) => s.reason).join('; ') || 'see the board'}`
    case 'stall-cleared':
      return `${quoted(e.keyResult)} is no longer stalled`
    case 'mention':
      return `${e.person?.title ?? 'Someone'} mentioned ${e.mentioned?.title ?? 'someone'}: "${excerpt(e.comment?.body ?? '')}"`
    case 'task-done':
      return `${quoted(e.task)} is done${e.keyResult === null ? '' : ` (key result ${quoted(e.keyResult)})`}${by(e.person)}`
    case 'minutes-ready':
      return `A meeting of ${quoted(e.workspace)} ended: its minutes are ready`
    case 'test':
      return `Test event from Roundtable, workspace ${quoted(e.workspace)}`
    default:
      return assertNever(e.event)
  }
}

function assertNever(x: never): never {
  throw new Error(`unknown webhook event ${String(x)}`)
}

/** The payload of `e`, with links under `appUrl` (PUBLIC_URL, or the origin the hook was created from). */
export function webhookPayload(e: HookEvent, appUrl: string): WebhookPayload {
  const base = `${appUrl.replace(/\/+$/, '')}/w/${encodeURIComponent(e.workspace.id)}`
  const keyResult = e.keyResult && { ...e.keyResult, url: `${base}/kr/${encodeURIComponent(e.keyResult.id)}` }
  const task = e.task && { ...e.task, url: `${base}/task/${encodeURIComponent(e.task.id)}` }
  const meeting = e.meetingId === null ? null : { id: e.meetingId, url: `${base}/meetings/${encodeURIComponent(e.meetingId)}` }
  const name = (n: Named | null) => n && { id: n.id, name: n.title }
  return {
    id: e.id,
    event: e.event,
    at: new Date(e.at).toISOString(),
    text: eventSentence(e),
    url: (e.event === 'task-done' ? task?.url : undefined) ?? meeting?.url ?? keyResult?.url ?? task?.url ?? base,
    workspace: { ...e.workspace, url: base },
    keyResult,
    task,
    meeting,
    person: name(e.person),
    mentioned: name(e.mentioned),
    comment: e.comment,
    detail: e.detail,
    stalls: e.stalls,
  }
}

/** The body sent to a hook: the payload, or for a Slack-compatible hook `{"text": "<sentence> <url|Open>"}`. */
export function deliveryBody(e: HookEvent, appUrl: string, slack: boolean): string {
  const payload = webhookPayload(e, appUrl)
  return JSON.stringify(slack ? { text: `${escapeSlack(payload.text)} <${payload.url}|Open in Roundtable>` } : payload)
}

/** Slack's mrkdwn reserves &, < and >. */
function escapeSlack(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}
