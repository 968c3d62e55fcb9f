/** @module Seeds for the OKR view tests, written through shared/doc commands only. */
import { checkIn, createCycle, createKeyResult, createObjective, createPerson, createTask, createTeam, publishCycle } from '../../../shared/doc/index.ts'
import type { Session } from '../../../shared/doc/index.ts'
import { DAY_MS } from '../../../shared/rules/index.ts'

export const iso = (t: number) => new Date(t).toISOString().slice(0, 10)

/**
 * jsdom may lack the modal API of <dialog>: give it the minimum (an `open` attribute) so dialogs
 * behave as in a browser for role queries.
 */
export function polyfillDialog(): void {
  const proto = globalThis.HTMLDialogElement?.prototype
  if (!proto || typeof proto.showModal === 'function') return
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '')
  }
  proto.close = function (this: HTMLDialogElement) {
    this.removeAttribute('open')
  }
}

/**
 * A draft quarter: a company objective (KR weights 60 + 30 = 90), a bottom-up Product team
 * objective under it with a bottom-up individual one below, a top-down Growth objective taking
 * the company's first KR on, and an unaligned top-down Growth individual objective.
 */
export function draftTree(s: Session): void {
  createCycle(s, { id: 'cy', name: 'Q3 2026', startDate: '2026-07-01', endDate: '2026-09-30' })
  createTeam(s, { id: 't-product', name: 'Product' })
  createTeam(s, { id: 't-growth', name: 'Growth' })
  createPerson(s, { id: 'p-maya', name: 'Maya Chen', teamId: null })
  createPerson(s, { id: 'p-leo', name: 'Leo Martins', teamId: 't-product' })
  createObjective(s, { id: 'o-co', cycleId: 'cy', title: 'Become the tool teams love', level: 'company', ownerId: 'p-maya' })
  createKeyResult(s, { id: 'kr-teams', objectiveId: 'o-co', title: 'Grow weekly active teams', kind: 'increase', start: 100, target: 300, unit: 'teams', weight: 60 })
  createKeyResult(s, { id: 'kr-churn', objectiveId: 'o-co', title: 'Keep churn low', kind: 'decrease', start: 6, target: 3, unit: '%', weight: 30 })
  createObjective(s, { id: 'o-product', cycleId: 'cy', title: 'Make drafting effortless', level: 'team', teamId: 't-product', ownerId: 'p-leo', origin: 'bottom-up', alignment: { kind: 'objective', id: 'o-co' } })
  createKeyResult(s, { id: 'kr-interviews', objectiveId: 'o-product', title: 'Run interviews', kind: 'count', target: 12, weight: 100 })
  createObjective(s, { id: 'o-sync', cycleId: 'cy', title: 'Make sync bulletproof', level: 'individual', teamId: 't-product', origin: 'bottom-up', alignment: { kind: 'objective', id: 'o-product' } })
  createKeyResult(s, { id: 'kr-latency', objectiveId: 'o-sync', title: 'Cut latency', kind: 'decrease', start: 400, target: 100, weight: 100 })
  createObjective(s, { id: 'o-trials', cycleId: 'cy', title: 'Turn trials into teams', level: 'team', teamId: 't-growth', origin: 'top-down', alignment: { kind: 'keyResult', id: 'kr-teams' } })
  createKeyResult(s, { id: 'kr-conv', objectiveId: 'o-trials', title: 'Raise conversion', kind: 'increase', start: 8, target: 14, weight: 100 })
  createObjective(s, { id: 'o-solo', cycleId: 'cy', title: 'Redesign first run', level: 'individual', teamId: 't-growth', origin: 'top-down' })
  createKeyResult(s, { id: 'kr-solo', objectiveId: 'o-solo', title: 'Ship the redesign', kind: 'milestone', dueDate: '2026-09-01', weight: 100 })
}

/**
 * A published cycle running around `now`, with one KR silent and behind pace (critical), one with
 * low confidence (warning) and a card stuck in Doing (info). `clock` is the session's clock,
 * moved back in time while seeding.
 */
export function stalledCycle(s: Session, clock: { t: number }, now: number): void {
  clock.t = now - 50 * DAY_MS
  createCycle(s, { id: 'cy', name: 'Q now', startDate: iso(now - 50 * DAY_MS), endDate: iso(now + 40 * DAY_MS) })
  createPerson(s, { id: 'p-ana', name: 'Ana Kowalski', teamId: null })
  createObjective(s, { id: 'o-1', cycleId: 'cy', title: 'Turn trials into teams', level: 'company', ownerId: 'p-ana' })
  createKeyResult(s, { id: 'kr-silent', objectiveId: 'o-1', title: 'Raise conversion', kind: 'increase', start: 0, target: 100, weight: 50, ownerId: 'p-ana' })
  createKeyResult(s, { id: 'kr-low', objectiveId: 'o-1', title: 'Cut time to first board', kind: 'increase', start: 0, target: 100, weight: 50 })
  publishCycle(s, 'cy' as never)
  checkIn(s, { keyResultId: 'kr-silent', value: 10, confidence: 8, at: now - 20 * DAY_MS })
  checkIn(s, { keyResultId: 'kr-low', value: 70, confidence: 8, at: now - 9 * DAY_MS })
  checkIn(s, { keyResultId: 'kr-low', value: 75, confidence: 6, at: now - 5 * DAY_MS })
  checkIn(s, { keyResultId: 'kr-low', value: 80, confidence: 2, at: now - 2 * DAY_MS })
  clock.t = now - 6 * DAY_MS
  createTask(s, { id: 'task-stuck', title: 'Template gallery', columnId: 'doing', keyResultId: 'kr-low' })
  clock.t = now
}
