/** @module Builds a small workspace through the public commands, for doc and server tests. */
import { expect } from 'vitest'
import * as Y from 'yjs'
import {
  CommandError,
  createCycle,
  createKeyResult,
  createObjective,
  createPerson,
  createTeam,
  initWorkspace,
  openSession,
} from '../../shared/doc/index.ts'
import type { CommandErrorCode, Session } from '../../shared/doc/index.ts'
import { KeyResultKind, ObjectiveLevel, Origin } from '../../shared/model/index.ts'
import type { CycleId, KeyResultId, ObjectiveId, PersonId, TeamId } from '../../shared/model/index.ts'

export const T0 = Date.UTC(2026, 0, 1, 9)

/** A clock the test moves by hand. */
export function manualClock(start = T0): { now: () => number; advance: (ms: number) => void } {
  let t = start
  return { now: () => t, advance: (ms) => void (t += ms) }
}

export interface Fixture {
  readonly doc: Y.Doc
  readonly s: Session
  readonly clock: ReturnType<typeof manualClock>
  readonly cycleId: CycleId
  readonly teamId: TeamId
  readonly personId: PersonId
  readonly objectiveId: ObjectiveId
  readonly krA: KeyResultId
  readonly krB: KeyResultId
}

/** One draft quarter with a team, a person, an objective and two KRs (60/40), default columns. */
export function buildWorkspace(doc = new Y.Doc()): Fixture {
  const clock = manualClock()
  let n = 0
  const s = openSession(doc, { now: clock.now, newId: () => `id${n++}` })
  initWorkspace(s, { name: 'Acme' })
  const cycleId = createCycle(s, { name: 'Q1 2026', startDate: '2026-01-01', endDate: '2026-03-31' })
  const teamId = createTeam(s, { name: 'Growth' })
  const personId = createPerson(s, { name: 'Ada', teamId })
  const objectiveId = createObjective(s, {
    cycleId,
    title: 'Delight new customers',
    level: ObjectiveLevel.Team,
    teamId,
    ownerId: personId,
    origin: Origin.BottomUp,
  })
  const krA = createKeyResult(s, {
    objectiveId,
    title: 'Raise activation',
    kind: KeyResultKind.Increase,
    unit: '%',
    start: 20,
    target: 40,
    weight: 60,
  })
  const krB = createKeyResult(s, {
    objectiveId,
    title: 'Cut onboarding time',
    kind: KeyResultKind.Decrease,
    unit: 'min',
    start: 30,
    target: 10,
    weight: 40,
  })
  return { doc, s, clock, cycleId, teamId, personId, objectiveId, krA, krB }
}

/** Runs `fn`, expects a CommandError with `code`, and that the document did not change. */
export function expectRefused(doc: Y.Doc, code: CommandErrorCode, fn: () => unknown): void {
  const before = Y.encodeStateVector(doc)
  let error: unknown
  try {
    fn()
  } catch (e) {
    error = e
  }
  expect(error).toBeInstanceOf(CommandError)
  expect((error as CommandError).code).toBe(code)
  expect(Y.encodeStateVector(doc)).toEqual(before)
}
