/** @module The whole insights dashboard of one cycle, from a snapshot, filters and `now` (I1-I8). */
import type { CycleId, KeyResultId, ObjectiveId, WorkspaceSnapshot } from '../../model/index.ts'
import { keyResultBurnUp, objectiveBurnUp } from './burnUp.ts'
import type { KeyResultBurnUp, ObjectiveBurnUp } from './burnUp.ts'
import { checkInDiscipline } from './checkInDiscipline.ts'
import type { CheckInDiscipline } from './checkInDiscipline.ts'
import { confidenceInsights } from './confidencePace.ts'
import type { ConfidenceInsights } from './confidencePace.ts'
import { cycleProgress } from './cycleProgress.ts'
import type { CycleProgress, KeyResultPace } from './cycleProgress.ts'
import { forecast } from './forecast.ts'
import type { Forecast } from './forecast.ts'
import { insightScope } from './insightScope.ts'
import type { InsightFilters } from './insightScope.ts'
import { scoreDistribution } from './scoreDistribution.ts'
import type { ScoreDistribution } from './scoreDistribution.ts'

export interface Insights {
  readonly cycle: { readonly id: CycleId; readonly name: string; readonly status: string; readonly startDate: string; readonly endDate: string; readonly start: number | null; readonly end: number | null }
  readonly now: number
  readonly progress: CycleProgress
  readonly burnUps: {
    readonly objectives: readonly ObjectiveBurnUp[]
    readonly keyResults: readonly KeyResultBurnUp[]
  }
  readonly forecasts: ReadonlyArray<{ readonly keyResultId: KeyResultId; readonly forecast: Forecast }>
  readonly discipline: CheckInDiscipline
  readonly confidence: ConfidenceInsights
  readonly scores: ScoreDistribution
  /** Titles of what the figures name, so a script needs no second call. */
  readonly names: {
    readonly objectives: Readonly<Record<ObjectiveId, string>>
    readonly keyResults: Readonly<Record<KeyResultId, string>>
    readonly teams: Readonly<Record<string, string>>
    readonly people: Readonly<Record<string, string>>
  }
}

/**
 * Every figure of the insights dashboard for `cycleId` at `now` (I1-I8), or null when the workspace
 * has no such cycle. Pure: the same snapshot, filters and `now` give the same figures in the
 * browser and behind `GET /api/workspaces/:id/insights`.
 */
export function insights(snapshot: WorkspaceSnapshot, cycleId: CycleId, now: number, filters: InsightFilters = {}): Insights | null {
  const scope = insightScope(snapshot, cycleId, filters)
  if (scope === null) return null
  const { cycle, window } = scope
  const progress = cycleProgress(scope, now)
  const paces = new Map<KeyResultId, KeyResultPace>(progress.objectives.flatMap((o) => o.keyResults.map((k) => [k.keyResultId, k] as const)))
  const names = {
    objectives: Object.fromEntries(scope.objectives.map((o) => [o.objective.id, o.objective.title])),
    keyResults: Object.fromEntries(scope.keyResults.map((k) => [k.keyResult.id, k.keyResult.title])),
    teams: Object.fromEntries([...snapshot.teams.values()].map((t) => [t.id, t.name])),
    people: Object.fromEntries([...snapshot.people.values()].map((p) => [p.id, p.name])),
  }
  return {
    cycle: { id: cycle.id, name: cycle.name, status: cycle.status, startDate: cycle.startDate, endDate: cycle.endDate, start: window?.start ?? null, end: window?.end ?? null },
    now,
    progress,
    burnUps: {
      objectives: window === null ? [] : scope.objectives.map((o) => objectiveBurnUp(o, window, now)),
      keyResults: window === null ? [] : scope.keyResults.map((k) => keyResultBurnUp(k, window, now)),
    },
    forecasts: scope.keyResults.map((k) => ({ keyResultId: k.keyResult.id, forecast: forecast(k.keyResult, cycle, k.checkIns) })),
    discipline: checkInDiscipline(scope, now),
    confidence: confidenceInsights(scope.keyResults, paces, scope.settings.paceAtRisk),
    scores: scoreDistribution(snapshot, scope.keyResults),
    names,
  }
}
