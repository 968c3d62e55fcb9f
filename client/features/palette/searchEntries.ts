/**
 * @module What the palette can find and run: entries built from a workspace snapshot (the cycle in
 * view) plus the commands that apply now, and the filter that ranks them against what was typed.
 */
import type { CycleId, KeyResultId, ObjectiveId, PersonId, TaskId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import type { ViewName } from '../../hooks/useView.ts'

export type PaletteTarget =
  | { readonly kind: 'objective'; readonly id: ObjectiveId }
  | { readonly kind: 'keyResult'; readonly id: KeyResultId }
  | { readonly kind: 'task'; readonly id: TaskId }
  | { readonly kind: 'person'; readonly id: PersonId }
  | { readonly kind: 'newTask'; readonly keyResultId: KeyResultId }
  | { readonly kind: 'checkIn'; readonly keyResultId: KeyResultId }
  | { readonly kind: 'view'; readonly view: ViewName }
  | { readonly kind: 'theme' }
  | { readonly kind: 'shortcuts' }

export interface PaletteEntry {
  /** Unique among the entries: the option's DOM id is built from it. */
  readonly key: string
  /** "Key result", "Task", "Command"...: shown beside the title and read after it. */
  readonly group: string
  readonly title: string
  /** Where it sits (the objective of a KR, the KR and column of a task), or null. */
  readonly detail: string | null
  readonly target: PaletteTarget
}

export interface CommandContext {
  readonly canEdit: boolean
  readonly view: ViewName
  readonly openKeyResult: { readonly id: KeyResultId; readonly title: string } | null
  readonly theme: 'light' | 'dark'
}

const VIEW_LABEL: Record<ViewName, string> = { board: 'Board', tree: 'OKRs', radar: 'Stall radar', insights: 'Insights', meetings: 'Meetings', activity: 'Activity', person: 'Person', history: 'History' }

/** The commands that make sense now, most specific first. */
export function commandEntries(ctx: CommandContext): PaletteEntry[] {
  const out: PaletteEntry[] = []
  const kr = ctx.openKeyResult
  if (kr !== null && ctx.canEdit) {
    out.push({ key: 'cmd-new-task', group: 'Command', title: `New task under ${kr.title}`, detail: null, target: { kind: 'newTask', keyResultId: kr.id } })
    out.push({ key: 'cmd-check-in', group: 'Command', title: `Check in ${kr.title}`, detail: null, target: { kind: 'checkIn', keyResultId: kr.id } })
  }
  for (const view of ['board', 'tree', 'radar', 'insights', 'meetings', 'activity', 'history'] as const) {
    if (view !== ctx.view) out.push({ key: `cmd-view-${view}`, group: 'Command', title: `Go to ${VIEW_LABEL[view]}`, detail: null, target: { kind: 'view', view } })
  }
  out.push({ key: 'cmd-theme', group: 'Command', title: ctx.theme === 'dark' ? 'Switch to the light theme' : 'Switch to the dark theme', detail: null, target: { kind: 'theme' } })
  out.push({ key: 'cmd-shortcuts', group: 'Command', title: 'Keyboard shortcuts', detail: null, target: { kind: 'shortcuts' } })
  return out
}

/** Objectives, key results and tasks of one cycle, and everyone in the workspace. */
export function recordEntries(snap: WorkspaceSnapshot, cycleId: CycleId | null): PaletteEntry[] {
  const out: PaletteEntry[] = []
  const objectiveTitle = new Map<string, string>()
  for (const o of snap.objectives.values()) {
    if (o.cycleId !== cycleId) continue
    objectiveTitle.set(o.id, o.title)
    out.push({ key: `o-${o.id}`, group: 'Objective', title: o.title, detail: null, target: { kind: 'objective', id: o.id } })
  }
  const krTitle = new Map<string, string>()
  for (const kr of snap.keyResults.values()) {
    const objective = objectiveTitle.get(kr.objectiveId)
    if (objective === undefined) continue
    krTitle.set(kr.id, kr.title)
    out.push({ key: `k-${kr.id}`, group: 'Key result', title: kr.title, detail: objective, target: { kind: 'keyResult', id: kr.id } })
  }
  for (const t of snap.tasks.values()) {
    if (t.cycleId !== cycleId) continue
    const column = snap.columns.get(t.placement.columnId)?.name ?? null
    const lane = t.placement.keyResultId === null ? 'Unlinked' : (krTitle.get(t.placement.keyResultId) ?? null)
    const detail = [column, lane].filter((part) => part !== null).join(' · ') || null
    out.push({ key: `t-${t.id}`, group: 'Task', title: t.title, detail, target: { kind: 'task', id: t.id } })
  }
  for (const p of snap.people.values()) {
    const team = p.teamId === null ? null : (snap.teams.get(p.teamId)?.name ?? null)
    out.push({ key: `p-${p.id}`, group: 'Person', title: p.name, detail: team, target: { kind: 'person', id: p.id } })
  }
  return out
}

/** How well `title` matches the query words: 0 starts with the query, 1 every word starts a word, 2 substrings, null no match. */
export function matchRank(title: string, query: string): number | null {
  const text = title.toLowerCase()
  const q = query.trim().toLowerCase()
  if (q === '') return 2
  const words = q.split(/\s+/)
  if (!words.every((w) => text.includes(w))) return null
  if (text.startsWith(q)) return 0
  const starts = text.split(/[^\p{L}\p{N}]+/u)
  return words.every((w) => starts.some((s) => s.startsWith(w))) ? 1 : 2
}

/** Case-insensitive: every typed word must occur in the title; word-prefix matches first, then the given order. */
export function filterEntries(entries: readonly PaletteEntry[], query: string, limit = 50): PaletteEntry[] {
  const ranked: Array<{ entry: PaletteEntry; rank: number; index: number }> = []
  entries.forEach((entry, index) => {
    const rank = matchRank(entry.title, query)
    if (rank !== null) ranked.push({ entry, rank, index })
  })
  ranked.sort((a, b) => a.rank - b.rank || a.index - b.index)
  return ranked.slice(0, limit).map((r) => r.entry)
}
