/**
 * @module The board of one cycle as plain data: objectives (company, team, individual) with one
 * lane per key result, an "unlinked" lane, the cells' cards, and the stall summaries, computed
 * once per snapshot (and minute) so no card or lane runs a rule itself.
 */
import { ObjectiveLevel } from '../../../shared/model/index.ts'
import type {
  Column, ColumnId, Cycle, KeyResult, Objective, Person, Task, TaskId, WorkspaceSnapshot,
} from '../../../shared/model/index.ts'
import {
  checkInsByKeyResult, expectedProgress, keyResultScore, measureProgress, normalisedWeights, objectiveTeam,
  severityRank, stallWarnings,
} from '../../../shared/rules/index.ts'
import type { Severity, StallWarning } from '../../../shared/rules/index.ts'
import { sortedColumns } from '../../../shared/doc/index.ts'
import type { Filters } from '../../hooks/useView.ts'
import type { CellId } from './cellId.ts'
import { groupCells } from './groupCells.ts'

export interface StallSummary {
  readonly severity: Severity
  /** Every reason, joined: the tooltip and the accessible text. */
  readonly text: string
}

/** A lane's header facts: only primitives and stable records, so a memoised header can compare them. */
export interface LaneModel {
  readonly keyResult: KeyResult | null
  readonly progress: number
  readonly expected: number
  readonly current: number | null
  readonly tasksDone: number
  readonly tasksTotal: number
  readonly stallSeverity: Severity | null
  readonly stallText: string
}

export interface ObjectiveGroup {
  readonly objective: Objective
  readonly owner: Person | null
  readonly progress: number
  /** Null while the objective has no key results: nothing to score (O2's `empty`). */
  readonly score: number | null
  readonly expected: number
  readonly lanes: readonly LaneModel[]
}

export interface BoardModel {
  readonly cycle: Cycle
  readonly columns: readonly Column[]
  readonly columnCounts: ReadonlyMap<ColumnId, number>
  readonly groups: readonly ObjectiveGroup[]
  readonly unlinked: LaneModel
  readonly cells: ReadonlyMap<CellId, readonly Task[]>
  readonly cellOf: ReadonlyMap<TaskId, CellId>
  readonly taskStalls: ReadonlyMap<TaskId, StallSummary>
  /** Objectives of the cycle that the filters hide. */
  readonly hiddenObjectives: number
}

const LEVEL_ORDER: Readonly<Record<ObjectiveLevel, number>> = { company: 0, team: 1, individual: 2 }

/** Creation order; records made in one go (an import, a seed) fall back to their titles, then ids. */
const byCreation = <T extends { createdAt: number; id: string; title: string }>(a: T, b: T) =>
  a.createdAt - b.createdAt || a.title.localeCompare(b.title, 'en', { numeric: true }) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** Warnings per target id, most severe first (stallWarnings already sorts them so). */
export function summarise(warnings: readonly StallWarning[], kind: 'keyResult' | 'task'): Map<string, StallSummary> {
  const grouped = new Map<string, StallWarning[]>()
  for (const w of warnings) {
    if (w.target.kind !== kind) continue
    const list = grouped.get(w.target.id)
    if (list) list.push(w)
    else grouped.set(w.target.id, [w])
  }
  const out = new Map<string, StallSummary>()
  for (const [id, list] of grouped) {
    const top = list.reduce((a, b) => (severityRank(b.severity) > severityRank(a.severity) ? b : a))
    out.set(id, { severity: top.severity, text: list.map((w) => w.reason).join('; ') })
  }
  return out
}

/** Does an objective pass the level and team filters; which of its KRs pass the owner filter. */
function visibleKeyResults(snap: WorkspaceSnapshot, o: Objective, krs: readonly KeyResult[], f: Filters): readonly KeyResult[] | null {
  if (f.level !== null && o.level !== f.level) return null
  if (f.teamId !== null && objectiveTeam(snap, o) !== f.teamId) return null
  if (f.ownerId === null || o.ownerId === f.ownerId) return krs
  const mine = krs.filter((kr) => kr.ownerId === f.ownerId)
  return mine.length > 0 ? mine : null
}

export function buildBoardModel(snap: WorkspaceSnapshot, cycle: Cycle, filters: Filters, now: number): BoardModel {
  const grouping = groupCells(snap, cycle.id)
  const checkIns = checkInsByKeyResult(snap)
  const warnings = stallWarnings(snap, now, { cycleId: cycle.id })
  const krStalls = summarise(warnings, 'keyResult')
  const krsOf = new Map<string, KeyResult[]>()
  for (const kr of snap.keyResults.values()) {
    const list = krsOf.get(kr.objectiveId)
    if (list) list.push(kr)
    else krsOf.set(kr.objectiveId, [kr])
  }

  const lane = (kr: KeyResult): LaneModel => {
    const tally = grouping.tallies.get(kr.id) ?? { done: 0, total: 0 }
    const p = measureProgress(kr, checkIns.get(kr.id) ?? [], tally)
    const stall = krStalls.get(kr.id)
    return {
      keyResult: kr,
      progress: p.progress,
      expected: expectedProgress(cycle, now, kr.createdAt),
      current: p.current,
      tasksDone: p.tasksDone,
      tasksTotal: p.tasksTotal,
      stallSeverity: stall?.severity ?? null,
      stallText: stall?.text ?? '',
    }
  }

  const objectives = [...snap.objectives.values()]
    .filter((o) => o.cycleId === cycle.id)
    .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || byCreation(a, b))
  const groups: ObjectiveGroup[] = []
  for (const o of objectives) {
    const krs = (krsOf.get(o.id) ?? []).sort(byCreation)
    const shown = visibleKeyResults(snap, o, krs, filters)
    if (shown === null) continue
    const lanes = krs.map(lane)
    // The objective's score counts every KR (O2, O4), whatever the owner filter shows.
    const weights = normalisedWeights(lanes.map((l) => l.keyResult?.weight ?? 0))
    let progress = 0
    let score = 0
    lanes.forEach((l, i) => {
      const w = weights[i] ?? 0
      progress += w * l.progress
      score += w * keyResultScore(snap, l.keyResult as KeyResult, l.progress).score
    })
    groups.push({
      objective: o,
      owner: o.ownerId === null ? null : (snap.people.get(o.ownerId) ?? null),
      progress,
      score: lanes.length === 0 ? null : score,
      expected: expectedProgress(cycle, now),
      lanes: lanes.filter((l) => shown.includes(l.keyResult as KeyResult)),
    })
  }

  const unlinkedCount = [...grouping.cells].reduce((n, [id, list]) => (id.endsWith(':') ? n + list.length : n), 0)
  return {
    cycle,
    columns: sortedColumns(snap),
    columnCounts: grouping.columnCounts,
    groups,
    unlinked: {
      keyResult: null, progress: 0, expected: 0, current: null, tasksDone: 0, tasksTotal: unlinkedCount,
      stallSeverity: null, stallText: '',
    },
    cells: grouping.cells,
    cellOf: grouping.cellOf,
    taskStalls: summarise(warnings, 'task') as Map<TaskId, StallSummary>,
    hiddenObjectives: objectives.length - groups.length,
  }
}
