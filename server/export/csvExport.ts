/**
 * @module The CSV export of a workspace for spreadsheets: one row per key result and one per
 * task (a `type` column tells them apart), RFC 4180 quoting, ISO dates, plain numbers, and text
 * that a spreadsheet would run as a formula defused.
 */
import type { KeyResult, Task, WorkspaceSnapshot } from '../../shared/model/index.ts'
import { checkInsOf, keyResultProgress } from '../../shared/rules/index.ts'

export const CSV_COLUMNS = [
  'type',
  'id',
  'cycle',
  'objective',
  'key_result',
  'title',
  'kind',
  'unit',
  'start',
  'target',
  'range_low',
  'range_high',
  'current',
  'progress',
  'weight',
  'confidence',
  'owner',
  'column',
  'due_date',
  'created_at',
] as const
type CsvColumn = (typeof CSV_COLUMNS)[number]
type Row = Partial<Record<CsvColumn, string | number | null>>

/** The CSV text: a header row, then key results and tasks per cycle (newest cycle first), CRLF lines. */
export function csvExport(snap: WorkspaceSnapshot): string {
  const rows: Row[] = []
  const cycles = [...snap.cycles.values()].sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0))
  const byCreated = <T extends { createdAt: number; id: string }>(a: T, b: T) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)
  for (const cycle of cycles) {
    const objectives = [...snap.objectives.values()].filter((o) => o.cycleId === cycle.id).sort(byCreated)
    for (const o of objectives) {
      const krs = [...snap.keyResults.values()].filter((k) => k.objectiveId === o.id).sort(byCreated)
      for (const kr of krs) rows.push(keyResultRow(snap, cycle.name, o.title, kr))
    }
    const tasks = [...snap.tasks.values()].filter((t) => t.cycleId === cycle.id).sort(byCreated)
    for (const task of tasks) rows.push(taskRow(snap, cycle.name, task))
  }
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => csvCell(row[c] ?? null)).join(','))]
  return `${lines.join('\r\n')}\r\n`
}

function keyResultRow(snap: WorkspaceSnapshot, cycle: string, objective: string, kr: KeyResult): Row {
  const progress = keyResultProgress(snap, kr)
  return {
    type: 'key_result',
    id: kr.id,
    cycle,
    objective,
    key_result: kr.title,
    title: kr.title,
    kind: kr.kind,
    unit: kr.unit,
    start: kr.start,
    target: kr.target,
    range_low: kr.rangeLow,
    range_high: kr.rangeHigh,
    current: progress.current,
    progress: round(progress.progress),
    weight: kr.weight,
    confidence: checkInsOf(snap, kr.id).at(-1)?.confidence ?? null,
    owner: kr.ownerId === null ? null : (snap.people.get(kr.ownerId)?.name ?? null),
    due_date: kr.dueDate,
    created_at: new Date(kr.createdAt).toISOString(),
  }
}

function taskRow(snap: WorkspaceSnapshot, cycle: string, task: Task): Row {
  const kr = task.placement.keyResultId === null ? undefined : snap.keyResults.get(task.placement.keyResultId)
  const objective = kr === undefined ? undefined : snap.objectives.get(kr.objectiveId)
  return {
    type: 'task',
    id: task.id,
    cycle,
    objective: objective?.title ?? null,
    key_result: kr?.title ?? null,
    title: task.title,
    owner: task.assigneeId === null ? null : (snap.people.get(task.assigneeId)?.name ?? null),
    column: snap.columns.get(task.placement.columnId)?.name ?? null,
    due_date: task.dueDate,
    created_at: new Date(task.createdAt).toISOString(),
  }
}

const round = (x: number) => Math.round(x * 10_000) / 10_000

/**
 * One RFC 4180 field. Numbers are written plain; text that starts like a formula (= + - @, or a
 * tab or carriage return that some tools skip before one) gets a leading apostrophe, as OWASP
 * advises against CSV injection, so a title from a shared board never runs in someone's sheet.
 */
export function csvCell(value: string | number | null): string {
  if (value === null) return ''
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}
