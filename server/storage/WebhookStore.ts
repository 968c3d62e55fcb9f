/**
 * @module Webhooks and their delivery logs, on the server only (DATA_DIR/webhooks.json): never in
 * the document, whose every byte replicates to every client, since a hook's secret signs its
 * deliveries. Also the KRs each workspace's stall events last saw stalled, so a restart does not
 * report every stall again. Changes to hooks are written at once (the route answers after); the
 * delivery log and stall lists are written in groups, at most once per `GROUP_MS`. Without a
 * directory it keeps everything in memory (tests).
 */
import { join } from 'node:path'
import type { DeliveryStatus, WebhookEvent } from '../../shared/protocol/index.ts'
import { DurableJSONFile } from './DurableJSONFile.ts'
import type { HookStore } from './HookStore.ts'

export const WEBHOOKS_FILE = 'webhooks.json'
/** Delivery log lines kept per hook. */
export const MAX_DELIVERIES = 100
/** The delivery log and stall lists reach the disk within this long. */
const GROUP_MS = 1_000

export interface StoredHook {
  readonly id: string
  readonly workspaceId: string
  readonly url: string
  readonly events: readonly WebhookEvent[]
  readonly slack: boolean
  readonly secret: string
  readonly createdAt: number
  /** The origin the hook was created from: its links point there unless PUBLIC_URL is set. */
  readonly origin: string
}

export interface StoredDelivery {
  readonly eventId: string
  readonly event: WebhookEvent | 'test'
  readonly status: DeliveryStatus
  readonly at: number
  readonly attempt: number
  readonly responseCode: number | null
  readonly error: string
}

interface WebhooksData {
  readonly version: 1
  readonly hooks: readonly StoredHook[]
  readonly deliveries: Readonly<Record<string, readonly StoredDelivery[]>>
  readonly stalls: Readonly<Record<string, readonly string[]>>
}

export class WebhookStore implements HookStore {
  readonly #file: DurableJSONFile<WebhooksData> | null
  readonly #hooks = new Map<string, StoredHook>()
  readonly #deliveries = new Map<string, StoredDelivery[]>()
  readonly #stalls = new Map<string, readonly string[]>()
  readonly #log: (line: string) => void
  #writing: Promise<void> = Promise.resolve()
  #timer: ReturnType<typeof setTimeout> | null = null

  private constructor(file: DurableJSONFile<WebhooksData> | null, data: WebhooksData | null, log: (line: string) => void) {
    this.#file = file
    this.#log = log
    for (const hook of data?.hooks ?? []) this.#hooks.set(hook.id, hook)
    for (const [hookId, list] of Object.entries(data?.deliveries ?? {})) if (this.#hooks.has(hookId)) this.#deliveries.set(hookId, [...list])
    for (const [workspaceId, list] of Object.entries(data?.stalls ?? {})) this.#stalls.set(workspaceId, list)
  }

  /** Opens `dataDir/webhooks.json` (null: memory only); refuses a file that is not readable JSON. */
  static async open(dataDir: string | null, log: (line: string) => void = () => {}): Promise<WebhookStore> {
    const file = dataDir === null ? null : new DurableJSONFile<WebhooksData>(join(dataDir, WEBHOOKS_FILE))
    const data = await file?.read()
    return new WebhookStore(file, data?.version === 1 ? data : null, log)
  }

  /** The hooks of a workspace, oldest first. */
  hooksOf(workspaceId: string): StoredHook[] {
    return [...this.#hooks.values()].filter((h) => h.workspaceId === workspaceId)
  }

  /** Whether any hook of the workspace wants one of `events` (cheap: called per activity batch). */
  wants(workspaceId: string, events?: readonly WebhookEvent[]): boolean {
    for (const h of this.#hooks.values()) if (h.workspaceId === workspaceId && (events === undefined || h.events.some((e) => events.includes(e)))) return true
    return false
  }

  /** The workspaces that have hooks. */
  workspaces(): Set<string> {
    return new Set([...this.#hooks.values()].map((h) => h.workspaceId))
  }

  get(workspaceId: string, hookId: string): StoredHook | undefined {
    const hook = this.#hooks.get(hookId)
    return hook?.workspaceId === workspaceId ? hook : undefined
  }

  /** Adds a hook; resolves once it is on disk. */
  add(hook: StoredHook): Promise<void> {
    this.#hooks.set(hook.id, hook)
    return this.#saveNow()
  }

  /** Changes a hook's events or Slack option; undefined when there is no such hook. */
  async update(workspaceId: string, hookId: string, patch: Partial<Pick<StoredHook, 'events' | 'slack'>>): Promise<StoredHook | undefined> {
    const hook = this.get(workspaceId, hookId)
    if (hook === undefined) return undefined
    const next = { ...hook, ...patch }
    this.#hooks.set(hookId, next)
    await this.#saveNow()
    return next
  }

  /** Removes a hook and its log; false when there is no such hook. */
  async remove(workspaceId: string, hookId: string): Promise<boolean> {
    if (this.get(workspaceId, hookId) === undefined) return false
    this.#hooks.delete(hookId)
    this.#deliveries.delete(hookId)
    await this.#saveNow()
    return true
  }

  /** Adds a line to a hook's delivery log (the newest MAX_DELIVERIES are kept). */
  record(hookId: string, delivery: StoredDelivery): void {
    if (!this.#hooks.has(hookId)) return
    const list = this.#deliveries.get(hookId) ?? []
    list.push(delivery)
    if (list.length > MAX_DELIVERIES) list.splice(0, list.length - MAX_DELIVERIES)
    this.#deliveries.set(hookId, list)
    this.#saveSoon()
  }

  /** A hook's delivery log, newest first. */
  deliveries(hookId: string): readonly StoredDelivery[] {
    return [...(this.#deliveries.get(hookId) ?? [])].reverse()
  }

  deliveryLog(hookId: string): Promise<readonly StoredDelivery[]> {
    return Promise.resolve(this.deliveries(hookId))
  }

  stalls(workspaceId: string): Promise<readonly string[] | undefined> {
    return Promise.resolve(this.stallsOf(workspaceId))
  }

  /** One process owns the file, and Webhooks looks at a workspace once at a time: nobody else changes it. */
  swapStalls(workspaceId: string, _previous: readonly string[] | undefined, next: readonly string[]): Promise<boolean> {
    this.setStalls(workspaceId, next)
    return Promise.resolve(true)
  }

  resetStalls(workspaceId: string, keyResultIds: readonly string[]): Promise<void> {
    this.setStalls(workspaceId, keyResultIds)
    return Promise.resolve()
  }

  claimSweep(): Promise<boolean> {
    return Promise.resolve(true)
  }

  /** Nothing to note: this process's own memory of what it looked at suffices (Webhooks' seen comments). */
  markSeen(): Promise<void> {
    return Promise.resolve()
  }

  /** The KRs last seen stalled in a workspace; undefined before its first look. */
  stallsOf(workspaceId: string): readonly string[] | undefined {
    return this.#stalls.get(workspaceId)
  }

  setStalls(workspaceId: string, keyResultIds: readonly string[]): void {
    const was = this.#stalls.get(workspaceId)
    if (was !== undefined && was.length === keyResultIds.length && was.every((id, i) => id === keyResultIds[i])) return
    this.#stalls.set(workspaceId, keyResultIds)
    this.#saveSoon()
  }

  /** Writes what is waiting; resolves once it is on disk. */
  close(): Promise<void> {
    return this.#timer === null ? this.#writing.catch(() => {}) : this.#saveNow().catch(() => {})
  }

  #saveSoon(): void {
    if (this.#timer !== null || this.#file === null) return
    this.#timer = setTimeout(() => {
      this.#saveNow().catch((err: unknown) => this.#log(`webhooks: writing ${WEBHOOKS_FILE} failed: ${(err as Error).message}`))
    }, GROUP_MS)
    this.#timer.unref()
  }

  /** One write at a time, each of everything memory holds when it starts. */
  #saveNow(): Promise<void> {
    if (this.#timer !== null) clearTimeout(this.#timer)
    this.#timer = null
    const file = this.#file
    if (file === null) return Promise.resolve()
    const run = this.#writing.catch(() => {}).then(() =>
      file.write({
        version: 1,
        hooks: [...this.#hooks.values()],
        deliveries: Object.fromEntries(this.#deliveries),
        stalls: Object.fromEntries(this.#stalls),
      }),
    )
    this.#writing = run
    return run
  }
}
