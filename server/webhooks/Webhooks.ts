/**
 * @module The webhooks of every workspace: their settings (through WebhookStore), the events they
 * are told about, and the queue that delivers them. Events are computed on the server from the
 * live document, never taken from a client's word:
 *
 * - check-in and task done come from the rooms' activity (shared/doc describeTransaction, already
 *   run once per edit by ActivityRecorder): `watchActivity` wraps the activity log;
 * - minutes ready comes from the meeting-end checkpoint (CheckpointKeeper): `watchCheckpoints`
 *   wraps the checkpoint store and reports once the checkpoint is written;
 * - stall appeared and cleared come from the stall rules, run after edits and every hour (a day
 *   passing makes stalls too); mentions from comments new since the last look.
 *
 * Nothing of this runs on a room's update path beyond one lookup of the workspace's hooks: the
 * events of a workspace that has hooks are collected and resolved `settleMs` after its last edit,
 * with one read of the document (titles, names, stall rules), then queued for delivery.
 */
import { commentPlainText, randomId } from '../../shared/doc/index.ts'
import { ActivityKind } from '../../shared/model/index.ts'
import type { Activity, Comment, KeyResultId, PersonId, TaskId, WorkspaceSnapshot } from '../../shared/model/index.ts'
import { CheckpointReason, WebhookEvent } from '../../shared/protocol/index.ts'
import { stallWarnings } from '../../shared/rules/index.ts'
import type { StallWarning } from '../../shared/rules/index.ts'
import type { ActivityLog } from '../storage/ActivityLog.ts'
import type { CheckpointStore } from '../storage/CheckpointStore.ts'
import type { HookStore } from '../storage/HookStore.ts'
import type { StoredHook } from '../storage/WebhookStore.ts'
import { DeliveryQueue } from './DeliveryQueue.ts'
import type { Deliverer, DeliveryQueueOptions } from './DeliveryQueue.ts'
import { checkHookUrl } from './hookUrl.ts'
import type { HookUrlCheck } from './hookUrl.ts'
import { deliveryBody } from './payload.ts'
import type { HookEvent, Named } from './payload.ts'
import { StallTracker, stalledKeyResults } from './StallTracker.ts'
import type { StallChange } from './StallTracker.ts'

/** Stall rules are run again this often for every workspace with stall hooks (time makes stalls). */
export const STALL_SWEEP_MS = 3_600_000
/** Retries stop this long after the first attempt. */
export const RETRY_FOR_MS = 3_600_000
/** Requests sent at once, server-wide. */
export const CONCURRENT_REQUESTS = 8

const STALL_EVENTS: readonly WebhookEvent[] = [WebhookEvent.StallAppeared, WebhookEvent.StallCleared]
/** The events that need a look at the whole document after any edit. */
const LOOK_EVENTS: readonly WebhookEvent[] = [...STALL_EVENTS, WebhookEvent.Mention]

/** Tries of a look's compare-and-set of the stalls last seen, when other instances keep changing them. */
const STALL_SWAP_TRIES = 3

export interface WebhooksOptions {
  readonly store: HookStore
  /** What sends the deliveries; default the in-memory DeliveryQueue (PgDeliveryQueue when instances share PostgreSQL). */
  readonly deliverer?: (options: DeliveryQueueOptions) => Deliverer
  /** Reads a workspace's live document (loading it when needed) as a snapshot. */
  readonly read: <T>(workspaceId: string, fn: (snap: WorkspaceSnapshot) => T) => Promise<T>
  /** Links in payloads point here (PUBLIC_URL); null: the origin each hook was created from. */
  readonly publicUrl: string | null
  readonly allowPrivate: boolean
  readonly maxPending: number
  readonly timeoutMs: number
  /** The first retry's wait; 10 s in production (tests pass a few ms). */
  readonly retryBaseMs: number
  /** Quiet time after a workspace's last edit before its events are resolved; default 1 s. */
  readonly settleMs?: number
  readonly now: () => number
  readonly log: (line: string) => void
}

type Trigger =
  | { readonly event: 'check-in'; readonly entry: Activity }
  | { readonly event: 'task-done'; readonly entry: Activity }
  | { readonly event: 'minutes-ready'; readonly meetingId: string; readonly at: number }

interface Pending {
  triggers: Trigger[]
  timer: ReturnType<typeof setTimeout> | null
}

export class Webhooks {
  readonly #options: WebhooksOptions
  readonly #queue: Deliverer
  readonly #stalls = new StallTracker()
  readonly #pending = new Map<string, Pending>()
  /** The mentions already looked at, per workspace (seenKey: comment and person). */
  readonly #seenComments = new Map<string, Set<string>>()
  readonly #startedAt: number
  readonly #sweep: ReturnType<typeof setInterval>
  /** The resolution of each workspace's events in progress, so two never overlap. */
  readonly #flushing = new Map<string, Promise<void>>()
  #closed = false

  constructor(options: WebhooksOptions) {
    this.#options = options
    this.#startedAt = options.now()
    this.#queue = (options.deliverer ?? ((o) => new DeliveryQueue(o)))({
      maxPending: options.maxPending,
      concurrency: CONCURRENT_REQUESTS,
      timeoutMs: options.timeoutMs,
      retryBaseMs: options.retryBaseMs,
      retryForMs: RETRY_FOR_MS,
      now: options.now,
      log: options.log,
      checkUrl: (url) => this.checkUrl(url),
      record: (hookId, delivery) => options.store.record(hookId, delivery),
    })
    // Every instance's timer asks; the store lets one of them check (the others would find the same).
    this.#sweep = setInterval(() => {
      options.store.claimSweep(options.now(), STALL_SWEEP_MS).then(
        (mine) => mine && this.sweepStalls(),
        (error: unknown) => options.log(`webhooks: the hourly stall check could not be claimed: ${(error as Error).message}`),
      )
    }, STALL_SWEEP_MS)
    this.#sweep.unref()
  }

  /**
   * Looks at every workspace with stall hooks (the hourly check: time makes stalls). With several
   * instances one runs it each hour (claimSweep); if more do, the stalls' compare-and-set still
   * lets one of them report each change.
   */
  sweepStalls(): void {
    const { store } = this.#options
    for (const workspaceId of store.workspaces()) if (store.wants(workspaceId, STALL_EVENTS)) this.#schedule(workspaceId, null)
  }

  get store(): HookStore {
    return this.#options.store
  }

  /** Deliveries held by the queue (sending or waiting for a retry). */
  get pending(): number {
    return this.#queue.pending
  }

  /** Whether `url` may be a hook's (http(s), public unless WEBHOOKS_ALLOW_PRIVATE). */
  checkUrl(url: string): Promise<HookUrlCheck> {
    return checkHookUrl(url, { allowPrivate: this.#options.allowPrivate })
  }

  /** An activity log that also tells the webhooks what happened (the rooms write to it). */
  watchActivity(log: ActivityLog): ActivityLog {
    return {
      append: (workspaceId, entries) => {
        log.append(workspaceId, entries)
        this.#onActivity(workspaceId, entries)
      },
      list: (workspaceId, query) => log.list(workspaceId, query),
      flush: () => log.flush(),
    }
  }

  /** A checkpoint store that also reports a meeting's end once its checkpoint (the minutes' end) is written. */
  watchCheckpoints(store: CheckpointStore): CheckpointStore {
    return {
      write: async (workspaceId, at, reason, meetingId, state) => {
        const info = await store.write(workspaceId, at, reason, meetingId, state)
        if (reason === CheckpointReason.MeetingEnd && meetingId !== null && this.#options.store.wants(workspaceId, [WebhookEvent.MinutesReady])) {
          this.#schedule(workspaceId, { event: 'minutes-ready', meetingId, at })
        }
        return info
      },
      list: (workspaceId) => store.list(workspaceId),
      read: (workspaceId, id) => store.read(workspaceId, id),
      prune: (workspaceId, before) => store.prune(workspaceId, before),
      flush: () => store.flush(),
    }
  }

  /**
   * Before a workspace's first hook (or its first since all were deleted), takes its current
   * stalls and comments as the baseline of its events: a new hook is not told about older ones.
   * Once it has hooks, their baseline is kept current by every look.
   */
  async baseline(workspaceId: string): Promise<string[]> {
    const { store, read, now } = this.#options
    const { stalled, comments } = await read(workspaceId, (snap) => ({ stalled: [...stalledKeyResults(stallWarnings(snap, now())).keys()].sort(), comments: [...snap.comments.values()].flatMap((c) => c.mentions.map((p) => seenKey(c, p))) }))
    if (store.wants(workspaceId)) return comments
    await store.resetStalls(workspaceId, stalled)
    this.#seenComments.set(workspaceId, new Set(comments))
    return comments
  }

  /** Adds a hook after taking its baseline: the mentions made before it are marked seen for it. */
  async create(hook: StoredHook): Promise<void> {
    const mentions = await this.baseline(hook.workspaceId)
    await this.#options.store.add(hook)
    await this.#options.store.markSeen(hook.id, mentions.map(mentionKey))
  }

  /** Sends a test event to one hook. */
  async sendTest(hook: StoredHook): Promise<string> {
    const name = await this.#options.read(hook.workspaceId, (snap) => snap.settings.name)
    const event = this.#event('test', this.#options.now(), { id: hook.workspaceId, title: name })
    this.#deliver(hook, event, `test:${event.id}`)
    return event.id
  }

  /** Resolves once every scheduled event is resolved and every delivery settled (tests). */
  async settled(): Promise<void> {
    while (this.#pending.size > 0 || this.#flushing.size > 0) {
      for (const [workspaceId, p] of this.#pending) {
        if (p.timer !== null) clearTimeout(p.timer)
        p.timer = null
        await this.#flush(workspaceId)
      }
      await Promise.all(this.#flushing.values())
    }
    await this.#queue.drained()
  }

  close(): Promise<void> {
    this.#closed = true
    clearInterval(this.#sweep)
    for (const p of this.#pending.values()) if (p.timer !== null) clearTimeout(p.timer)
    this.#pending.clear()
    this.#queue.close()
    return this.#options.store.close()
  }

  #onActivity(workspaceId: string, entries: readonly Activity[]): void {
    const { store } = this.#options
    if (!store.wants(workspaceId)) return
    if (store.wants(workspaceId, LOOK_EVENTS)) this.#schedule(workspaceId, null)
    for (const entry of entries) {
      if (entry.kind === ActivityKind.CheckedIn && store.wants(workspaceId, [WebhookEvent.CheckIn])) this.#schedule(workspaceId, { event: 'check-in', entry })
      else if (entry.kind === ActivityKind.Done && store.wants(workspaceId, [WebhookEvent.TaskDone])) this.#schedule(workspaceId, { event: 'task-done', entry })
    }
  }

  /** Notes a trigger (null: only a look at stalls and comments) and resolves the workspace's events once it is quiet. */
  #schedule(workspaceId: string, trigger: Trigger | null): void {
    if (this.#closed) return
    const p = this.#pending.get(workspaceId) ?? { triggers: [], timer: null }
    if (trigger !== null) p.triggers.push(trigger)
    if (p.timer !== null) clearTimeout(p.timer)
    p.timer = setTimeout(() => void this.#flush(workspaceId), this.#options.settleMs ?? 1_000)
    p.timer.unref()
    this.#pending.set(workspaceId, p)
  }

  #flush(workspaceId: string): Promise<void> {
    const running = this.#flushing.get(workspaceId) ?? Promise.resolve()
    const next = running.then(async () => {
      const p = this.#pending.get(workspaceId)
      if (p === undefined || this.#closed) return
      if (p.timer !== null) clearTimeout(p.timer)
      this.#pending.delete(workspaceId)
      try {
        await this.#resolve(workspaceId, p.triggers)
      } catch (err) {
        this.#options.log(`webhooks ${workspaceId}: ${(err as Error).message}`)
      }
    })
    const tracked = next.finally(() => {
      if (this.#flushing.get(workspaceId) === tracked) this.#flushing.delete(workspaceId)
    })
    this.#flushing.set(workspaceId, tracked)
    return tracked
  }

  /** One read of the document: the triggers' titles, the stall rules, the new comments. */
  async #resolve(workspaceId: string, triggers: readonly Trigger[]): Promise<void> {
    const { store, read, now } = this.#options
    const hooks = store.hooksOf(workspaceId)
    if (hooks.length === 0) return
    const wants = (e: WebhookEvent) => hooks.some((h) => h.events.includes(e))
    const looked = await read(workspaceId, (snap) => {
      const t = now()
      const workspace = { id: workspaceId, title: snap.settings.name }
      const kr = (id: string | null): Named | null => (id === null ? null : { id, title: snap.keyResults.get(id as KeyResultId)?.title ?? '' })
      const person = (id: string | null): Named | null => (id === null ? null : { id, title: snap.people.get(id as PersonId)?.name ?? '' })
      const out: Keyed[] = []
      for (const trigger of triggers) {
        if (!wants(trigger.event)) continue
        if (trigger.event === 'minutes-ready') {
          out.push({ key: `minutes-ready:${trigger.meetingId}`, event: { ...this.#event(trigger.event, trigger.at, workspace), meetingId: trigger.meetingId } })
          continue
        }
        const { entry } = trigger
        const base = { ...this.#event(trigger.event, entry.at, workspace), keyResult: kr(entry.keyResultId), person: person(entry.personId), detail: entry.detail }
        // Only the instance that accepted the edit records its activity; the key is for its retries' sake all the same.
        const key = `${trigger.event}:${entry.target.id}:${entry.at}`
        out.push({ key, event: trigger.event === 'task-done' ? { ...base, task: { id: entry.target.id, title: snap.tasks.get(entry.target.id as TaskId)?.title ?? '' } } : base })
      }
      let seen = this.#seenComments.get(workspaceId)
      if (seen === undefined) {
        // After a restart: comments written (or last edited) before it were looked at then.
        seen = new Set([...snap.comments.values()].filter((c) => (c.editedAt ?? c.at) < this.#startedAt).flatMap((c) => c.mentions.map((p) => seenKey(c, p))))
        this.#seenComments.set(workspaceId, seen)
      }
      const nameOf = (id: PersonId) => snap.people.get(id)?.name
      for (const comment of snap.comments.values()) {
        const { kind, id } = comment.target
        const task = kind === 'task' ? snap.tasks.get(id as TaskId) : undefined
        for (const mentioned of comment.mentions) {
          const seenAs = seenKey(comment, mentioned)
          if (seen.has(seenAs)) continue
          seen.add(seenAs)
          if (!wants(WebhookEvent.Mention)) continue
          out.push({
            // Every instance that looks may find it: the key is the comment and person, so it is sent once.
            key: mentionKey(seenAs),
            event: {
              ...this.#event(WebhookEvent.Mention, comment.at, workspace),
              keyResult: kind === 'keyResult' ? kr(id) : kr(task?.placement.keyResultId ?? null),
              task: task === undefined ? null : { id, title: task.title },
              person: person(comment.authorId),
              mentioned: person(mentioned),
              // Mentions are stored as ids; a chat message reads names.
              comment: { id: comment.id, body: commentPlainText(comment.body, nameOf) },
            },
          })
        }
      }
      const stalls = wants(WebhookEvent.StallAppeared) || wants(WebhookEvent.StallCleared) ? stalledKeyResults(stallWarnings(snap, t)) : null
      // Titles of every KR: one that stopped being stalled is not among the warnings.
      const titles = stalls === null ? null : new Map([...snap.keyResults.values()].map((k) => [k.id as string, k.title]))
      return { t, workspace, out, stalls, titles }
    })
    const events = looked.out
    if (looked.stalls !== null && looked.titles !== null) {
      const { t, workspace, stalls, titles } = looked
      for (const change of await this.#stallChanges(workspaceId, stalls, t)) {
        const warnings = change.warnings.map((w) => ({ ruleId: w.ruleId, severity: w.severity, reason: w.reason }))
        const keyResult = { id: change.keyResultId, title: titles.get(change.keyResultId) ?? '' }
        events.push({ key: `${change.kind}:${change.keyResultId}:${t}`, event: { ...this.#event(change.kind, t, workspace), keyResult, stalls: warnings } })
      }
    }
    for (const { key, event } of events) for (const hook of hooks) if (event.event !== 'test' && hook.events.includes(event.event)) this.#deliver(hook, event, key)
  }

  /**
   * The stall changes this look reports: the KRs last seen stalled are swapped for `current` only
   * if no other instance changed them meanwhile (else it reads them again and retries), so each
   * change is reported by the one instance whose swap won.
   */
  async #stallChanges(workspaceId: string, current: ReadonlyMap<string, readonly StallWarning[]>, t: number): Promise<StallChange[]> {
    const { store } = this.#options
    const next = [...current.keys()].sort()
    for (let i = 0; i < STALL_SWAP_TRIES; i++) {
      const previous = await store.stalls(workspaceId)
      if (previous !== undefined && previous.length === next.length && previous.every((id, j) => id === next[j])) return []
      if (await store.swapStalls(workspaceId, previous, next)) return this.#stalls.changes(workspaceId, previous, current, t)
    }
    this.#options.log(`webhooks ${workspaceId}: the stalls kept changing under this look; the next one reports them`)
    return []
  }

  #event(event: HookEvent['event'], at: number, workspace: Named): HookEvent {
    return { id: `evt_${randomId()}`, event, at, workspace, keyResult: null, task: null, meetingId: null, person: null, mentioned: null, comment: null, detail: '', stalls: [] }
  }

  #deliver(hook: StoredHook, event: HookEvent, key: string): void {
    const body = deliveryBody(event, this.#options.publicUrl ?? hook.origin, hook.slack)
    this.#queue.send({ hookId: hook.id, url: hook.url, secret: hook.secret, key, eventId: event.id, event: event.event, body })
  }
}

/** An event and what it is (the same on every instance that sees it). */
interface Keyed {
  readonly key: string
  readonly event: HookEvent
}

/** A mention is told once per comment and person: an edit that mentions someone new tells about them only. */
function seenKey(comment: Comment, person: string): string {
  return `${comment.id}:${person}`
}

/** A mention's event key: its comment and person. */
function mentionKey(seenAs: string): string {
  return `mention:${seenAs}`
}
