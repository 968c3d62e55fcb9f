/** @module What a radar row shows for a warning: the flagged record, its objective and its owner. */
import type { Objective, ObjectiveId, PersonId, TeamId, WorkspaceSnapshot } from '../../../shared/model/index.ts'
import { objectiveTeam } from '../../../shared/rules/index.ts'
import type { StallRule, StallWarning } from '../../../shared/rules/index.ts'

/** Short names of the stall rules, for the row's rule chip. */
export const RULE_LABEL: Readonly<Record<StallRule, string>> = {
  S1: 'No check-in',
  S2: 'Behind pace',
  S3: 'Low confidence',
  S4: 'Confidence dropping',
  S5: 'Flat trend',
  S6: 'Stuck card',
  S7: 'Overdue card',
  S8: 'Over WIP limit',
  S9: 'Idle tasks',
}

export interface WarningRow {
  readonly warning: StallWarning
  /** "Key result", "Card" or "Column". */
  readonly kind: string
  readonly title: string
  /** The key result a card sits under, when the target is a card. */
  readonly keyResultTitle: string | null
  readonly objectiveId: ObjectiveId | null
  readonly objectiveTitle: string | null
  readonly ownerId: PersonId | null
  /** For the view's filters: the objective's level and team, and the KR's owner. */
  readonly level: Objective['level'] | null
  readonly teamId: TeamId | null
  readonly keyResultOwnerId: PersonId | null
}

export function describeWarning(snap: WorkspaceSnapshot, warning: StallWarning): WarningRow {
  const kr = warning.keyResultId === undefined ? undefined : snap.keyResults.get(warning.keyResultId)
  const objective = kr === undefined ? undefined : snap.objectives.get(kr.objectiveId)
  const base = {
    warning,
    objectiveId: objective?.id ?? null,
    objectiveTitle: objective?.title ?? null,
    level: objective?.level ?? null,
    teamId: objective ? objectiveTeam(snap, objective) : null,
    keyResultOwnerId: kr?.ownerId ?? null,
  }
  const t = warning.target
  switch (t.kind) {
    case 'keyResult':
      return { ...base, kind: 'Key result', title: kr?.title ?? 'Deleted key result', keyResultTitle: null, ownerId: kr?.ownerId ?? null }
    case 'task': {
      const task = snap.tasks.get(t.id)
      return { ...base, kind: 'Card', title: task?.title ?? 'Deleted card', keyResultTitle: kr?.title ?? null, ownerId: task?.assigneeId ?? null }
    }
    case 'column':
      return { ...base, kind: 'Column', title: snap.columns.get(t.id)?.name ?? 'Deleted column', keyResultTitle: null, ownerId: null }
  }
}

/** The board's filter meaning, per row: level and team of its objective, owner of the row or its KR. */
export function rowMatches(row: WarningRow, f: { teamId: TeamId | null; ownerId: PersonId | null; level: Objective['level'] | null }): boolean {
  if (f.level !== null && row.level !== f.level) return false
  if (f.teamId !== null && row.teamId !== f.teamId) return false
  return f.ownerId === null || row.ownerId === f.ownerId || row.keyResultOwnerId === f.ownerId
}
