/**
 * @module The workspace's webhooks, for its owner: add a URL with the events it wants and the
 * Slack-compatible option (its signing secret is shown once, then never again), and for each hook
 * its events, its newest deliveries (status, time, response code), a test event and delete.
 */
import { useCallback, useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import { DeliveryStatus, WEBHOOK_EVENTS, WebhookEvent } from '../../../shared/protocol/index.ts'
import type { DeliveryView } from '../../../shared/protocol/index.ts'
import { storedToken } from '../../app/index.ts'
import { timeAgo } from '../../format/dates.ts'
import { useWorkspace } from '../../hooks/useWorkspace.ts'
import { Badge } from '../../ui/Badge.tsx'
import type { Tone } from '../../ui/Badge.tsx'
import { Button } from '../../ui/Button.tsx'
import { CopyField } from '../../ui/CopyField.tsx'
import { Dialog } from '../../ui/Dialog.tsx'
import { TextField } from '../../ui/Field.tsx'
import { createHook, deleteHook, listHooks, testHook, updateHook } from './webhooksApi.ts'
import type { CreatedHook, ListedHook } from './webhooksApi.ts'
import './webhooks.css'

const EVENT_LABEL: Readonly<Record<WebhookEvent, string>> = {
  [WebhookEvent.CheckIn]: 'Check-ins',
  [WebhookEvent.StallAppeared]: 'Stall appeared',
  [WebhookEvent.StallCleared]: 'Stall cleared',
  [WebhookEvent.Mention]: 'Mentions',
  [WebhookEvent.TaskDone]: 'Tasks done',
  [WebhookEvent.MinutesReady]: 'Meeting minutes ready',
}

const STATUS_TONE: Readonly<Record<DeliveryView['status'], Tone>> = {
  [DeliveryStatus.Delivered]: 'ok',
  [DeliveryStatus.Retrying]: 'warning',
  [DeliveryStatus.Failed]: 'critical',
  [DeliveryStatus.Dropped]: 'critical',
}

const DEFAULT_EVENTS: readonly WebhookEvent[] = [WebhookEvent.CheckIn, WebhookEvent.StallAppeared, WebhookEvent.StallCleared]

export function WebhooksDialog({ onClose }: { onClose: () => void }) {
  const { workspaceId } = useWorkspace()
  const token = storedToken(workspaceId) ?? ''
  const [hooks, setHooks] = useState<readonly ListedHook[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [created, setCreated] = useState<CreatedHook | null>(null)

  const reload = useCallback(
    (signal?: AbortSignal) =>
      listHooks(workspaceId, token, signal).then(setHooks, (e: unknown) => {
        if (!signal?.aborted) setError(`Could not load the webhooks: ${(e as Error).message}`)
      }),
    [workspaceId, token],
  )
  useEffect(() => {
    const abort = new AbortController()
    void reload(abort.signal)
    return () => abort.abort()
  }, [reload])

  /** Runs a change, then lists the hooks again; a refusal shows the server's words. */
  const run = async (what: string, fn: () => Promise<unknown>) => {
    setError(null)
    try {
      await fn()
      await reload()
    } catch (e) {
      setError(`Could not ${what}: ${(e as Error).message}`)
    }
  }

  return (
    <Dialog title="Webhooks" open onClose={onClose}>
      <p className="shell-muted webhooks__intro">
        The server POSTs JSON to each URL when one of its events happens, signed with the hook's secret (<code>X-Roundtable-Signature: sha256=…</code>, HMAC-SHA256 of the body), and retries a failed delivery for up to an hour.
      </p>
      <AddHook onAdd={(input) => run('add the webhook', async () => setCreated(await createHook(workspaceId, token, input)))} />
      {created && (
        <div className="webhooks__secret" role="status">
          <CopyField label="Signing secret" value={created.secret} hint={`For ${created.url}. Shown this once: keep it where the receiver can check signatures with it.`} />
          <Button size="sm" onClick={() => setCreated(null)}>
            I have kept it
          </Button>
        </div>
      )}
      {error && <p role="alert" className="shell-error">{error}</p>}
      <h3 className="webhooks__heading">{hooks === null ? 'Loading webhooks…' : hooks.length === 0 ? 'No webhooks yet' : `${hooks.length} webhook${hooks.length === 1 ? '' : 's'}`}</h3>
      <ul className="webhooks__list">
        {hooks?.map((hook) => (
          <HookItem
            key={hook.id}
            hook={hook}
            onToggle={(events) => run('change the events', () => updateHook(workspaceId, token, hook.id, { events }))}
            onSlack={(slack) => run('change the format', () => updateHook(workspaceId, token, hook.id, { slack }))}
            onTest={() => run('send a test event', () => testHook(workspaceId, token, hook.id))}
            onDelete={() => run('delete the webhook', () => deleteHook(workspaceId, token, hook.id))}
            onRefresh={() => reload()}
          />
        ))}
      </ul>
    </Dialog>
  )
}

function EventChecks({ events, onChange, legend }: { events: readonly WebhookEvent[]; onChange: (events: WebhookEvent[]) => void; legend: string }) {
  return (
    <fieldset className="webhooks__events">
      <legend>{legend}</legend>
      {WEBHOOK_EVENTS.map((event) => (
        <label key={event} className="webhooks__check">
          <input
            type="checkbox"
            checked={events.includes(event)}
            onChange={(e) => onChange(WEBHOOK_EVENTS.filter((x) => (x === event ? e.currentTarget.checked : events.includes(x))))}
          />
          {EVENT_LABEL[event]}
        </label>
      ))}
    </fieldset>
  )
}

function AddHook({ onAdd }: { onAdd: (input: { url: string; events: WebhookEvent[]; slack: boolean }) => Promise<void> }) {
  const [url, setUrl] = useState('')
  const [events, setEvents] = useState<WebhookEvent[]>([...DEFAULT_EVENTS])
  const [slack, setSlack] = useState(false)
  const [busy, setBusy] = useState(false)
  const submit = async (e: FormEvent) => {
    e.preventDefault()
    setBusy(true)
    await onAdd({ url: url.trim(), events, slack })
    setBusy(false)
    setUrl('')
  }
  return (
    <form className="webhooks__add" onSubmit={(e) => void submit(e)}>
      <TextField label="Webhook URL" type="url" required placeholder="https://hooks.example.com/…" value={url} onChange={(e) => setUrl(e.currentTarget.value)} />
      <EventChecks legend="Events to send" events={events} onChange={setEvents} />
      <label className="webhooks__check">
        <input type="checkbox" checked={slack} onChange={(e) => setSlack(e.currentTarget.checked)} />
        <span>
          Slack-compatible: send <code>{'{"text": …}'}</code> bodies that chat tools accept
        </span>
      </label>
      <div>
        <Button type="submit" variant="primary" disabled={busy || events.length === 0 || url.trim() === ''}>
          {busy ? 'Adding…' : 'Add webhook'}
        </Button>
      </div>
    </form>
  )
}

interface HookItemProps {
  readonly hook: ListedHook
  readonly onToggle: (events: WebhookEvent[]) => Promise<void>
  readonly onSlack: (slack: boolean) => Promise<void>
  readonly onTest: () => Promise<void>
  readonly onDelete: () => Promise<void>
  readonly onRefresh: () => Promise<void>
}

function HookItem({ hook, onToggle, onSlack, onTest, onDelete, onRefresh }: HookItemProps) {
  const [confirming, setConfirming] = useState(false)
  const now = Date.now()
  return (
    <li className="webhooks__hook">
      <div className="webhooks__url">
        <code>{hook.url}</code>
        {hook.slack && <Badge tone="info">Slack-compatible</Badge>}
      </div>
      <EventChecks legend="Events" events={hook.events} onChange={(events) => (events.length > 0 ? void onToggle(events) : undefined)} />
      <label className="webhooks__check">
        <input type="checkbox" checked={hook.slack} onChange={(e) => void onSlack(e.currentTarget.checked)} />
        Slack-compatible
      </label>
      <table className="webhooks__log">
        <caption>Latest deliveries</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Event</th>
            <th scope="col">When</th>
            <th scope="col">Response</th>
          </tr>
        </thead>
        <tbody>
          {hook.deliveries.length === 0 ? (
            <tr>
              <td colSpan={4} className="shell-muted">
                Nothing sent yet: send a test event.
              </td>
            </tr>
          ) : (
            hook.deliveries.map((d) => (
              <tr key={`${d.eventId}:${d.attempt}:${d.status}`}>
                <td>
                  <Badge tone={STATUS_TONE[d.status]} title={d.error || undefined}>
                    {d.status}
                  </Badge>
                </td>
                <td>{d.event === 'test' ? 'Test' : EVENT_LABEL[d.event]}</td>
                <td>
                  <time dateTime={d.at} title={d.at}>
                    {timeAgo(Date.parse(d.at), now)}
                  </time>
                  {d.attempt > 1 ? `, attempt ${d.attempt}` : ''}
                </td>
                <td>{d.responseCode ?? (d.error || '—')}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <div className="webhooks__actions">
        <Button size="sm" onClick={() => void onTest()}>
          Send test event
        </Button>
        <Button size="sm" variant="ghost" onClick={() => void onRefresh()}>
          Refresh
        </Button>
        {confirming ? (
          <>
            <Button size="sm" onClick={() => setConfirming(false)}>
              Keep it
            </Button>
            <Button size="sm" variant="danger" onClick={() => void onDelete()}>
              Delete this webhook
            </Button>
          </>
        ) : (
          <Button size="sm" variant="danger" onClick={() => setConfirming(true)}>
            Delete…
          </Button>
        )}
      </div>
    </li>
  )
}
