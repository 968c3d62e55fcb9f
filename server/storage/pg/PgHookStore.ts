/**
 * @module Webhooks in PostgreSQL, shared by every instance: a hook made through one exists on all.
 * Hooks are read from memory (the rooms ask `wants` per activity batch); each change NOTIFYs its
 * workspace and the other instances reload that workspace's hooks. The delivery log and the stalls
 * last seen are read from the table each time. Deliveries themselves are PgDeliveryQueue's.
 */
import type { Pool } from 'pg'
import type { WebhookEvent } from '../../../shared/protocol/index.ts'
import type { HookStore } from '../HookStore.ts'
import { MAX_DELIVERIES } from '../WebhookStore.ts'
import type { StoredDelivery, StoredHook } from '../WebhookStore.ts'
import type { PgListener } from './PgListener.ts'

const CHANNEL = 'roundtable_webhooks'

export class PgHookStore implements HookStore {
  readonly #pool: Pool
  readonly #log: (line: string) => void
  readonly #hooks = new Map<string, StoredHook>()
  readonly #writes = new Set<Promise<unknown>>()

  private constructor(pool: Pool, log: (line: string) => void) {
    this.#pool = pool
    this.#log = log
  }

  /** Loads every hook and follows the other instances' changes through `listener`. */
  static async open(pool: Pool, listener: PgListener, log: (line: string) => void = () => {}): Promise<PgHookStore> {
    const store = new PgHookStore(pool, log)
    await listener.listen(CHANNEL, (workspaceId) => void store.#reload(workspaceId))
    listener.onReconnect(() => void store.#reloadAll())
    await store.#reloadAll()
    return store
  }

  get pool(): Pool {
    return this.#pool
  }

  hooksOf(workspaceId: string): StoredHook[] {
    return [...this.#hooks.values()].filter((h) => h.workspaceId === workspaceId).sort((a, b) => a.createdAt - b.createdAt)
  }

  wants(workspaceId: string, events?: readonly WebhookEvent[]): boolean {
    for (const h of this.#hooks.values()) if (h.workspaceId === workspaceId && (events === undefined || h.events.some((e) => events.includes(e)))) return true
    return false
  }

  workspaces(): Set<string> {
    return new Set([...this.#hooks.values()].map((h) => h.workspaceId))
  }

  get(workspaceId: string, hookId: string): StoredHook | undefined {
    const hook = this.#hooks.get(hookId)
    return hook?.workspaceId === workspaceId ? hook : undefined
  }

  async add(hook: StoredHook): Promise<void> {
    await this.#pool.query(`INSERT INTO webhooks (id, workspace_id, hook) VALUES ($1, $2, $3)`, [hook.id, hook.workspaceId, JSON.stringify(hook)])
    await this.#notify(hook.workspaceId)
    this.#hooks.set(hook.id, hook)
  }

  async update(workspaceId: string, hookId: string, patch: Partial<Pick<StoredHook, 'events' | 'slack'>>): Promise<StoredHook | undefined> {
    // jsonb || patch: two instances changing different fields of one hook both win.
    const { rows } = await this.#pool.query<{ hook: StoredHook }>(`UPDATE webhooks SET hook = hook || $3::jsonb WHERE id = $1 AND workspace_id = $2 RETURNING hook`, [hookId, workspaceId, JSON.stringify(patch)])
    const next = rows[0]?.hook
    if (next === undefined) return undefined
    await this.#notify(workspaceId)
    this.#hooks.set(hookId, next)
    return next
  }

  async remove(workspaceId: string, hookId: string): Promise<boolean> {
    const { rowCount } = await this.#pool.query(`DELETE FROM webhooks WHERE id = $1 AND workspace_id = $2`, [hookId, workspaceId])
    this.#hooks.delete(hookId)
    if (rowCount === 0) return false
    await this.#notify(workspaceId)
    return true
  }

  record(hookId: string, delivery: StoredDelivery): void {
    const write = this.#pool
      .query(
        `WITH added AS (INSERT INTO webhook_log (hook_id, line) SELECT $1, $2::jsonb WHERE EXISTS (SELECT 1 FROM webhooks WHERE id = $1) RETURNING id)
         DELETE FROM webhook_log WHERE hook_id = $1 AND id <= (SELECT id FROM webhook_log WHERE hook_id = $1 ORDER BY id DESC OFFSET $3 LIMIT 1)`,
        [hookId, JSON.stringify(delivery), MAX_DELIVERIES - 1],
      )
      .catch((error: unknown) => this.#log(`webhooks: writing hook ${hookId}'s delivery log failed: ${(error as Error).message}`))
    this.#writes.add(write)
    void write.finally(() => this.#writes.delete(write))
  }

  async deliveryLog(hookId: string): Promise<readonly StoredDelivery[]> {
    const { rows } = await this.#pool.query<{ line: StoredDelivery }>(`SELECT line FROM webhook_log WHERE hook_id = $1 ORDER BY id DESC LIMIT $2`, [hookId, MAX_DELIVERIES])
    return rows.map((r) => r.line)
  }

  async stalls(workspaceId: string): Promise<readonly string[] | undefined> {
    const { rows } = await this.#pool.query<{ stalled: string[] }>(`SELECT stalled FROM webhook_stalls WHERE workspace_id = $1`, [workspaceId])
    return rows[0]?.stalled
  }

  async swapStalls(workspaceId: string, previous: readonly string[] | undefined, next: readonly string[]): Promise<boolean> {
    const { rowCount } =
      previous === undefined
        ? await this.#pool.query(`INSERT INTO webhook_stalls (workspace_id, stalled) VALUES ($1, $2::jsonb) ON CONFLICT DO NOTHING`, [workspaceId, JSON.stringify(next)])
        : await this.#pool.query(`UPDATE webhook_stalls SET stalled = $3::jsonb WHERE workspace_id = $1 AND stalled = $2::jsonb`, [workspaceId, JSON.stringify(previous), JSON.stringify(next)])
    return rowCount === 1
  }

  async resetStalls(workspaceId: string, keyResultIds: readonly string[]): Promise<void> {
    await this.#pool.query(`INSERT INTO webhook_stalls (workspace_id, stalled) VALUES ($1, $2::jsonb) ON CONFLICT (workspace_id) DO UPDATE SET stalled = EXCLUDED.stalled`, [workspaceId, JSON.stringify(keyResultIds)])
  }

  async markSeen(hookId: string, keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return
    await this.#pool.query(
      `INSERT INTO webhook_deliveries (hook_id, event_key, event_id, event, body, status, first_at, next_at)
       SELECT $1, key, '', '', '', 'seen', 0, 0 FROM unnest($2::text[]) AS key ON CONFLICT DO NOTHING`,
      [hookId, keys],
    )
  }

  async claimSweep(now: number, everyMs: number): Promise<boolean> {
    // One statement: the row is created, or moved on if the last sweep is old enough; else untouched.
    const { rowCount } = await this.#pool.query(
      `INSERT INTO settings (name, value) VALUES ('webhook_stall_sweep', $1::text)
       ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value WHERE settings.value::bigint <= $1::bigint - $2::bigint`,
      [now, Math.floor(everyMs / 2)],
    )
    return rowCount === 1
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.#writes])
  }

  #notify(workspaceId: string): Promise<unknown> {
    return this.#pool.query(`SELECT pg_notify('${CHANNEL}', $1)`, [workspaceId])
  }

  async #reload(workspaceId: string): Promise<void> {
    const { rows } = await this.#pool.query<{ hook: StoredHook }>(`SELECT hook FROM webhooks WHERE workspace_id = $1`, [workspaceId]).catch(() => ({ rows: null }))
    if (rows === null) return
    for (const hook of this.hooksOf(workspaceId)) this.#hooks.delete(hook.id)
    for (const { hook } of rows) this.#hooks.set(hook.id, hook)
  }

  async #reloadAll(): Promise<void> {
    const { rows } = await this.#pool.query<{ hook: StoredHook }>(`SELECT hook FROM webhooks`)
    this.#hooks.clear()
    for (const { hook } of rows) this.#hooks.set(hook.id, hook)
  }
}
