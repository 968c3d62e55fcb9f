/**
 * @module What the webhooks keep, whoever keeps it: WebhookStore (DATA_DIR/webhooks.json, one
 * instance) or PgHookStore (PostgreSQL, shared by every instance). Hooks are read synchronously
 * (the rooms' update path asks `wants` per activity batch); the delivery log and the stalls last
 * seen are read afresh, since with several instances another one may have written them.
 */
import type { WebhookEvent } from '../../shared/protocol/index.ts'
import type { StoredDelivery, StoredHook } from './WebhookStore.ts'

export interface HookStore {
  /** The hooks of a workspace, oldest first. */
  hooksOf(workspaceId: string): StoredHook[]
  /** Whether any hook of the workspace wants one of `events` (cheap: called per activity batch). */
  wants(workspaceId: string, events?: readonly WebhookEvent[]): boolean
  /** The workspaces that have hooks. */
  workspaces(): Set<string>
  get(workspaceId: string, hookId: string): StoredHook | undefined
  /** Adds a hook; resolves once it is stored. */
  add(hook: StoredHook): Promise<void>
  /** Changes a hook's events or Slack option; undefined when there is no such hook. */
  update(workspaceId: string, hookId: string, patch: Partial<Pick<StoredHook, 'events' | 'slack'>>): Promise<StoredHook | undefined>
  /** Removes a hook and its log; false when there is no such hook. */
  remove(workspaceId: string, hookId: string): Promise<boolean>
  /** Adds a line to a hook's delivery log (the newest MAX_DELIVERIES are kept). */
  record(hookId: string, delivery: StoredDelivery): void
  /** A hook's delivery log, newest first. */
  deliveryLog(hookId: string): Promise<readonly StoredDelivery[]>
  /** The KRs last seen stalled in a workspace; undefined before its first look. */
  stalls(workspaceId: string): Promise<readonly string[] | undefined>
  /**
   * Sets the KRs seen stalled to `next` if they still are `previous`: false when another instance
   * changed them first (it reports those changes; this one looks again).
   */
  swapStalls(workspaceId: string, previous: readonly string[] | undefined, next: readonly string[]): Promise<boolean>
  /** Sets the KRs seen stalled, whatever they were (a new hook's baseline). */
  resetStalls(workspaceId: string, keyResultIds: readonly string[]): Promise<void>
  /**
   * Notes events a new hook must not be told about (the mentions made before it): with a shared
   * store, an instance that never looked at them would otherwise take them for new.
   */
  markSeen(hookId: string, keys: readonly string[]): Promise<void>
  /**
   * True for the one instance that should run the hourly stall check now: none ran it in the last
   * half `everyMs` (each instance's timer asks; one store of its own always says yes).
   */
  claimSweep(now: number, everyMs: number): Promise<boolean>
  /** Writes what is waiting. */
  close(): Promise<void>
}
