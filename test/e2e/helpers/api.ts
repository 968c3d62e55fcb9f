/**
 * @module The server's HTTP API as the tests use it: create a workspace, export it, and seed one
 * with exact content (dates, check-in history) through `POST /api/workspaces/import`, so a scenario
 * does not depend on today's date.
 */
import type { WorkspaceExport } from '../../../shared/doc/index.ts'

export type Role = 'owner' | 'editor' | 'viewer'

export interface CreatedWorkspace {
  readonly id: string
  readonly name: string
  readonly links: Readonly<Record<Role, string>>
  readonly tokens: Readonly<Record<Role, string>>
}

export const DAY_MS = 86_400_000

/** A calendar date `YYYY-MM-DD` (UTC) of a time. */
export const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

async function call<T>(baseUrl: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = {}
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const res = await fetch(`${baseUrl}${path}`, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: AbortSignal.timeout(10_000),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${res.status}: ${text}`)
  return JSON.parse(text) as T
}

/** `POST /api/workspaces`: four default columns and a draft cycle for the current quarter. */
export function createWorkspace(baseUrl: string, name: string): Promise<CreatedWorkspace> {
  return call(baseUrl, '/api/workspaces', { method: 'POST', body: { name } })
}

export function exportWorkspace(baseUrl: string, id: string, token: string): Promise<WorkspaceExport> {
  return call(baseUrl, `/api/workspaces/${id}/export?format=json`, { token })
}

export function importWorkspace(baseUrl: string, data: WorkspaceExport): Promise<CreatedWorkspace> {
  return call(baseUrl, '/api/workspaces/import', { method: 'POST', body: data })
}

/** `POST .../check-ins` as a script would: the check-in is dated now, and every open board sees it. */
export function pushCheckIn(baseUrl: string, id: string, token: string, keyResultId: string, body: { value: number; confidence: number; note?: string }) {
  return call<{ progress: number | null }>(baseUrl, `/api/workspaces/${id}/key-results/${keyResultId}/check-ins`, { method: 'POST', token, body })
}

/** What a seeded workspace holds besides the defaults (ids: letters, digits, `_` and `-`). */
export interface Seed {
  readonly name: string
  /** Replaces the default cycle's dates and status. */
  readonly cycle?: { readonly name?: string; readonly startDate: string; readonly endDate: string; readonly status?: 'draft' | 'published' }
  readonly objectives?: ReadonlyArray<{ readonly id: string; readonly title: string; readonly createdAt?: number }>
  readonly keyResults?: ReadonlyArray<{
    readonly id: string
    readonly objectiveId: string
    readonly title: string
    /** Increase from `start` to `target` (defaults 0 and 100); or task-driven. */
    readonly kind?: 'increase' | 'task-driven'
    readonly start?: number
    readonly target?: number
    readonly unit?: string
    readonly weight?: number
    readonly createdAt?: number
  }>
  readonly tasks?: ReadonlyArray<{ readonly id: string; readonly title: string; readonly columnId: string; readonly keyResultId: string | null }>
  readonly checkIns?: ReadonlyArray<{ readonly id: string; readonly keyResultId: string; readonly value: number; readonly confidence: number; readonly at: number; readonly note?: string }>
}

/**
 * Creates a workspace with exactly `seed` in it: a fresh one's export (for its settings, columns
 * and cycle) with the seed merged in, imported as a new workspace. Returns the imported one.
 */
export async function seedWorkspace(baseUrl: string, seed: Seed): Promise<CreatedWorkspace & { cycleId: string }> {
  const now = Date.now()
  const base = await createWorkspace(baseUrl, seed.name)
  const data = await exportWorkspace(baseUrl, base.id, base.tokens.owner)
  const cycle = data.cycles[0]
  if (cycle === undefined) throw new Error('a new workspace should have a draft cycle')
  const status = seed.cycle?.status ?? 'draft'
  const cycles = [
    {
      ...cycle,
      ...(seed.cycle ?? {}),
      status,
      publishedAt: status === 'published' ? Date.parse(`${seed.cycle?.startDate ?? cycle.startDate}T00:00:00Z`) : null,
    },
  ]
  const objectives = (seed.objectives ?? []).map((o) => ({
    id: o.id,
    title: o.title,
    description: '',
    wentWell: '',
    toChange: '',
    level: 'team' as const,
    ownerId: null,
    teamId: null,
    cycleId: cycle.id,
    alignment: null,
    origin: 'bottom-up' as const,
    status: 'active' as const,
    createdAt: o.createdAt ?? now,
  }))
  const keyResults = (seed.keyResults ?? []).map((k) => {
    const increase = (k.kind ?? 'increase') === 'increase'
    return {
      id: k.id,
      objectiveId: k.objectiveId,
      title: k.title,
      kind: k.kind ?? ('increase' as const),
      unit: k.unit ?? '',
      start: increase ? (k.start ?? 0) : null,
      target: increase ? (k.target ?? 100) : null,
      rangeLow: null,
      rangeHigh: null,
      dueDate: null,
      weight: k.weight ?? 100,
      ownerId: null,
      createdAt: k.createdAt ?? now,
    }
  })
  // Ranks in the order given, per cell: "a0", "a1"... (fractional-indexing keys, base 62).
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'
  const perCell = new Map<string, number>()
  const tasks = (seed.tasks ?? []).map((t) => {
    const key = `${t.columnId}:${t.keyResultId}`
    const n = perCell.get(key) ?? 0
    perCell.set(key, n + 1)
    return {
      id: t.id,
      cycleId: cycle.id,
      title: t.title,
      assigneeId: null,
      dueDate: null,
      labels: [],
      placement: { columnId: t.columnId, keyResultId: t.keyResultId, rank: `a${digits[n]}` },
      createdAt: now,
      movedAt: now,
      missedReason: null,
    }
  })
  const checkIns = (seed.checkIns ?? []).map((c) => ({ ...c, note: c.note ?? '', authorId: null }))
  const imported = await importWorkspace(baseUrl, {
    ...data,
    exportedAt: now,
    settings: { ...data.settings, name: seed.name },
    cycles,
    objectives,
    keyResults,
    tasks,
    checkIns,
  } as WorkspaceExport)
  return { ...imported, cycleId: cycle.id }
}
