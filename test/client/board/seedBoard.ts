/** @module A small board for the board tests, written through shared/doc commands only. */
import { createCycle, createKeyResult, createObjective, createPerson, createTask, createTeam, publishCycle } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import type { CycleId } from '../../../shared/model/index.ts'

/** 2026-08-15 12:00 UTC: mid-cycle of the seeded quarter. */
export const NOW = Date.UTC(2026, 7, 15, 12)

/**
 * Q3 2026 with an individual, a team and a company objective (created in that order, so the board
 * must re-order them), three KRs, and cards in To do, Doing and Done, one of them unlinked.
 * Published unless `draft`.
 */
export function seedBoard(s: Session, { draft = false }: { draft?: boolean } = {}): void {
  createCycle(s, { id: 'cy', name: 'Q3 2026', startDate: '2026-07-01', endDate: '2026-09-30' })
  createTeam(s, { id: 't-product', name: 'Product' })
  createTeam(s, { id: 't-growth', name: 'Growth' })
  createPerson(s, { id: 'p-maya', name: 'Maya Chen', teamId: null })
  createPerson(s, { id: 'p-leo', name: 'Leo Martins', teamId: 't-product' })
  createPerson(s, { id: 'p-ana', name: 'Ana Kowalski', teamId: 't-growth' })
  createObjective(s, { id: 'o-ind', cycleId: 'cy', title: 'Make sync bulletproof', level: 'individual', ownerId: 'p-leo' })
  createKeyResult(s, { id: 'kr-latency', objectiveId: 'o-ind', title: 'Cut latency', kind: 'decrease', start: 400, target: 100, unit: 'ms', weight: 100 })
  createObjective(s, { id: 'o-team', cycleId: 'cy', title: 'Turn trials into teams', level: 'team', teamId: 't-growth', ownerId: 'p-ana' })
  createKeyResult(s, { id: 'kr-activation', objectiveId: 'o-team', title: 'Raise activation', kind: 'increase', start: 20, target: 40, unit: '%', weight: 60, ownerId: 'p-ana' })
  createKeyResult(s, { id: 'kr-onboarding', objectiveId: 'o-team', title: 'Cut onboarding time', kind: 'decrease', start: 30, target: 10, unit: 'min', weight: 40, ownerId: 'p-maya' })
  createObjective(s, { id: 'o-co', cycleId: 'cy', title: 'Become the tool teams love', level: 'company', ownerId: 'p-maya' })
  createKeyResult(s, { id: 'kr-teams', objectiveId: 'o-co', title: 'Grow weekly active teams', kind: 'increase', start: 100, target: 300, unit: 'teams', weight: 100 })
  createTask(s, { id: 'tk-email', title: 'Email nudges', columnId: 'todo', keyResultId: 'kr-activation' })
  createTask(s, { id: 'tk-tour', title: 'Product tour', columnId: 'todo', keyResultId: 'kr-activation' })
  createTask(s, { id: 'tk-ab', title: 'A/B test pricing', columnId: 'doing', keyResultId: 'kr-activation', assigneeId: 'p-ana', dueDate: '2026-08-01', labels: ['pricing'] })
  createTask(s, { id: 'tk-gallery', title: 'Template gallery', columnId: 'done', keyResultId: 'kr-onboarding' })
  createTask(s, { id: 'tk-loose', title: 'Tidy the backlog', columnId: 'todo', keyResultId: null, cycleId: 'cy' })
  if (!draft) publishCycle(s, 'cy' as CycleId)
}
