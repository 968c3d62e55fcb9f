/** @module Writing hints for the roundtable (L1-L6): the OKR writing rules, checked live. */
import { CycleStatus, ObjectiveStatus } from '../model/index.ts'
import type {
  Cycle,
  CycleId,
  KeyResult,
  KeyResultId,
  Objective,
  ObjectiveId,
  PersonId,
  TeamId,
  WorkspaceSnapshot,
} from '../model/index.ts'
import { bottomUpShare, countsForTeam, objectiveTeam } from './bottomUpShare.ts'
import { compareStrings, percent, percentPoints, plural } from './math.ts'
import { missingMeasure } from './measurable.ts'
import { keyResultsOf } from './objectiveProgress.ts'
import { ruleNumber } from './stallWarning.ts'
import {
  BOTTOM_UP_MIN_SHARE,
  MAX_KEY_RESULTS_PER_OBJECTIVE,
  MAX_OBJECTIVES_PER_OWNER,
  WEIGHT_TOLERANCE,
  WEIGHT_TOTAL,
} from './thresholds.ts'

/** The writing rules, by the ids RULES.md gives them. */
export const LintRule = {
  TooManyObjectives: 'L1',
  TooManyKeyResults: 'L2',
  WeightsOff: 'L3',
  NotMeasurable: 'L4',
  NoKeyResults: 'L5',
  TooLittleBottomUp: 'L6',
} as const
export type LintRule = (typeof LintRule)[keyof typeof LintRule]

/** What a hint is about. */
export type LintTarget =
  | { readonly kind: 'person'; readonly id: PersonId }
  | { readonly kind: 'team'; readonly id: TeamId }
  | { readonly kind: 'cycle'; readonly id: CycleId }
  | { readonly kind: 'objective'; readonly id: ObjectiveId }
  | { readonly kind: 'keyResult'; readonly id: KeyResultId }

export interface WritingHint {
  readonly ruleId: LintRule
  readonly target: LintTarget
  readonly cycleId: CycleId
  readonly message: string
}

/** L1: owners (person, else team, else the cycle for unowned objectives) with too many objectives. */
export function ownerLoadHints(
  snapshot: WorkspaceSnapshot,
  cycle: Cycle,
  objectives: readonly Objective[],
): readonly WritingHint[] {
  const groups = new Map<string, { target: LintTarget; count: number }>()
  for (const o of objectives) {
    const target: LintTarget =
      o.ownerId !== null
        ? { kind: 'person', id: o.ownerId }
        : o.teamId !== null
          ? { kind: 'team', id: o.teamId }
          : { kind: 'cycle', id: cycle.id }
    const key = `${target.kind}:${target.id}`
    groups.set(key, { target, count: (groups.get(key)?.count ?? 0) + 1 })
  }
  const hints: WritingHint[] = []
  for (const { target, count } of groups.values()) {
    if (count <= MAX_OBJECTIVES_PER_OWNER) continue
    const keep = `keep it to ${MAX_OBJECTIVES_PER_OWNER} or fewer.`
    const message =
      target.kind === 'cycle'
        ? `${count} objectives without an owner in ${cycle.name}; ${keep}`
        : `${ownerName(snapshot, target)} owns ${count} objectives in ${cycle.name}; ${keep}`
    hints.push({ ruleId: LintRule.TooManyObjectives, target, cycleId: cycle.id, message })
  }
  return hints
}

function ownerName(snapshot: WorkspaceSnapshot, target: LintTarget): string {
  if (target.kind === 'person') return snapshot.people.get(target.id)?.name ?? 'One owner'
  if (target.kind === 'team') return snapshot.teams.get(target.id)?.name ?? 'One team'
  return 'One owner'
}

/** L2, L3, L5: hints about one objective's set of key results. */
export function objectiveHints(objective: Objective, krs: readonly KeyResult[]): readonly WritingHint[] {
  const target = { kind: 'objective', id: objective.id } as const
  const cycleId = objective.cycleId
  if (krs.length === 0) {
    const message = 'No key results yet: add the 2 to 5 measurable results that show it is achieved.'
    return [{ ruleId: LintRule.NoKeyResults, target, cycleId, message }]
  }
  const hints: WritingHint[] = []
  if (krs.length > MAX_KEY_RESULTS_PER_OBJECTIVE) {
    const keep = `keep it to ${MAX_KEY_RESULTS_PER_OBJECTIVE} or fewer.`
    const message = `${plural(krs.length, 'key result')}; ${keep}`
    hints.push({ ruleId: LintRule.TooManyKeyResults, target, cycleId, message })
  }
  const sum = krs.reduce((total, kr) => total + kr.weight, 0)
  if (!(Math.abs(sum - WEIGHT_TOTAL) <= WEIGHT_TOLERANCE)) {
    const message = `Key-result weights sum to ${percentPoints(sum)}, not ${WEIGHT_TOTAL}%.`
    hints.push({ ruleId: LintRule.WeightsOff, target, cycleId, message })
  }
  return hints
}

/** L4: a key result that cannot be measured, with what to add. */
export function measurableHint(kr: KeyResult, taskCount: number, cycleId: CycleId): WritingHint | null {
  const missing = missingMeasure(kr, taskCount)
  if (missing === null) return null
  const name = kr.title.trim() === '' ? 'This key result' : `"${kr.title.trim()}"`
  return {
    ruleId: LintRule.NotMeasurable,
    target: { kind: 'keyResult', id: kr.id },
    cycleId,
    message: `${name} has no measurable target: ${missing}.`,
  }
}

/** L6: teams of the cycle whose share of bottom-up objectives is below BOTTOM_UP_MIN_SHARE. */
export function bottomUpHints(
  snapshot: WorkspaceSnapshot,
  cycle: Cycle,
  objectives: readonly Objective[],
): readonly WritingHint[] {
  const teams = new Set<TeamId>()
  for (const o of objectives) {
    const team = countsForTeam(o) ? objectiveTeam(snapshot, o) : null
    if (team !== null) teams.add(team)
  }
  const hints: WritingHint[] = []
  for (const teamId of teams) {
    const { bottomUp, total, share } = bottomUpShare(snapshot, teamId, cycle.id)
    if (share === null || share >= BOTTOM_UP_MIN_SHARE) continue
    const team = snapshot.teams.get(teamId)?.name
    const whose = team === undefined ? "the team's" : `${team}'s`
    const message =
      `Only ${percent(share)} of ${whose} objectives in ${cycle.name} are bottom-up ` +
      `(${bottomUp} of ${total}); aim for at least ${percent(BOTTOM_UP_MIN_SHARE)}.`
    const target = { kind: 'team', id: teamId } as const
    hints.push({ ruleId: LintRule.TooLittleBottomUp, target, cycleId: cycle.id, message })
  }
  return hints
}

export interface LintOptions {
  /** Only this cycle, whatever its status. */
  readonly cycleId?: CycleId
}

/** Cycles to lint: the one asked for, else the draft and published ones (closed ones are history). */
function lintedCycles(snapshot: WorkspaceSnapshot, opts: LintOptions): readonly Cycle[] {
  if (opts.cycleId !== undefined) {
    const cycle = snapshot.cycles.get(opts.cycleId)
    return cycle === undefined ? [] : [cycle]
  }
  return [...snapshot.cycles.values()].filter((c) => c.status !== CycleStatus.Closed)
}

/** The hint order: cycle, rule number, target kind, target id. */
export function compareWritingHints(a: WritingHint, b: WritingHint): number {
  return (
    compareStrings(a.cycleId, b.cycleId) ||
    ruleNumber(a.ruleId) - ruleNumber(b.ruleId) ||
    compareStrings(a.target.kind, b.target.kind) ||
    compareStrings(a.target.id, b.target.id)
  )
}

/**
 * Every writing hint (L1-L6) for the draft and published cycles, or for `opts.cycleId` only.
 * Dropped objectives are left out: they are no longer part of the plan.
 */
export function writingHints(snapshot: WorkspaceSnapshot, opts: LintOptions = {}): readonly WritingHint[] {
  const taskCounts = new Map<KeyResultId, number>()
  for (const task of snapshot.tasks.values()) {
    const krId = task.placement.keyResultId
    if (krId !== null) taskCounts.set(krId, (taskCounts.get(krId) ?? 0) + 1)
  }
  const hints: WritingHint[] = []
  for (const cycle of lintedCycles(snapshot, opts)) {
    const objectives = [...snapshot.objectives.values()].filter(
      (o) => o.cycleId === cycle.id && o.status !== ObjectiveStatus.Dropped,
    )
    hints.push(...ownerLoadHints(snapshot, cycle, objectives))
    for (const objective of objectives) {
      const krs = keyResultsOf(snapshot, objective.id)
      hints.push(...objectiveHints(objective, krs))
      for (const kr of krs) {
        const hint = measurableHint(kr, taskCounts.get(kr.id) ?? 0, cycle.id)
        if (hint !== null) hints.push(hint)
      }
    }
    hints.push(...bottomUpHints(snapshot, cycle, objectives))
  }
  return hints.sort(compareWritingHints)
}
