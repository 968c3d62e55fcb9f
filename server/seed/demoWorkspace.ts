/**
 * @module The demo workspace an empty DATA_DIR starts with: a published quarter around today with
 * company, team and individual OKRs, KRs of every kind with check-in histories, cards in every
 * column, and a few key results that the stall rules flag, so a first look shows what the board is for.
 */
import {
  checkIn,
  createCycle,
  createKeyResult,
  createObjective,
  createPerson,
  createTask,
  createTeam,
  initWorkspace,
  moveTask,
  OriginSource,
  openSession,
  publishCycle,
  updateColumn,
  updateTask,
} from '../../shared/doc/index.ts'
import type { CreateKeyResultInput, Session } from '../../shared/doc/index.ts'
import { ColumnKind, KeyResultKind as K, ObjectiveLevel, Origin } from '../../shared/model/index.ts'
import type { ColumnId, KeyResultId, PersonId } from '../../shared/model/index.ts'
import { quarterAround } from '../../shared/rules/index.ts'

const DAY = 86_400_000

/** Fills an empty document with the demo; `now` is the real time of the first start. */
export function seedDemoWorkspace(doc: Session['doc'], name: string, now: number): void {
  let clock = now
  const s = openSession(doc, { source: OriginSource.System, now: () => clock })
  const quarter = quarterAround(now)
  const start = Date.parse(`${quarter.start}T00:00:00Z`)
  /** A time `f` of the way from the quarter's start to now. */
  const at = (f: number) => start + Math.round((now - start) * f)
  const daysAgo = (n: number) => now - n * DAY
  const date = (t: number) => new Date(t).toISOString().slice(0, 10)

  clock = start - 3 * DAY
  initWorkspace(s, { name })
  const cycleId = createCycle(s, { name: quarter.name, startDate: quarter.start, endDate: quarter.end })
  const product = createTeam(s, { name: 'Product' })
  const growth = createTeam(s, { name: 'Growth' })
  const person = (n: string, teamId: typeof product | null) => createPerson(s, { name: n, teamId })
  const maya = person('Maya Chen', null)
  const leo = person('Leo Martins', product)
  const ana = person('Ana Kowalski', growth)
  const sam = person('Sam Okafor', product)
  const priya = person('Priya Raman', growth)

  const kr = (objectiveId: string, ownerId: PersonId, input: Omit<CreateKeyResultInput, 'objectiveId' | 'ownerId'>) =>
    createKeyResult(s, { ...input, objectiveId, ownerId })

  const company = createObjective(s, {
    cycleId,
    title: 'Become the tool teams reach for in every roundtable',
    description: 'Teams plan their quarter with us, and come back every week to steer it.',
    level: ObjectiveLevel.Company,
    ownerId: maya,
    origin: Origin.TopDown,
  })
  const activeTeams = kr(company, maya, { title: 'Grow weekly active teams', kind: K.Increase, unit: 'teams', start: 120, target: 300, weight: 40 })
  const churn = kr(company, ana, { title: 'Keep monthly churn down', kind: K.Decrease, unit: '%', start: 6, target: 3, weight: 30 })
  const onboarding = kr(company, leo, { title: 'Keep the onboarding call between 20 and 30 minutes', kind: K.Range, unit: 'min', rangeLow: 20, rangeHigh: 30, weight: 30 })

  const drafting = createObjective(s, {
    cycleId,
    title: 'Make drafting OKRs together effortless',
    level: ObjectiveLevel.Team,
    teamId: product,
    ownerId: leo,
    alignment: { kind: 'objective', id: company },
    origin: Origin.BottomUp,
  })
  const coEditing = kr(drafting, leo, { title: 'Live co-editing generally available', kind: K.Milestone, dueDate: date(at(1.4)), weight: 40 })
  const meetingFixes = kr(drafting, sam, { title: 'Ship the roundtable-meeting improvements', kind: K.TaskDriven, weight: 35 })
  const interviews = kr(drafting, leo, { title: 'Run customer interviews on drafting', kind: K.Count, unit: 'interviews', start: 0, target: 12, weight: 25 })

  const trials = createObjective(s, {
    cycleId,
    title: 'Turn trials into active teams',
    level: ObjectiveLevel.Team,
    teamId: growth,
    ownerId: ana,
    alignment: { kind: 'keyResult', id: activeTeams },
    origin: Origin.TopDown,
  })
  const conversion = kr(trials, ana, { title: 'Raise trial-to-paid conversion', kind: K.Increase, unit: '%', start: 8, target: 14, weight: 50 })
  const baseline = kr(trials, priya, { title: 'Establish an activation baseline', kind: K.Baseline, dueDate: date(at(0.5)), weight: 20 })
  const firstBoard = kr(trials, ana, { title: 'Cut time to first board', kind: K.Decrease, unit: 'min', start: 15, target: 5, weight: 30 })

  const sync = createObjective(s, {
    cycleId,
    title: 'Make sync bulletproof',
    level: ObjectiveLevel.Individual,
    teamId: product,
    ownerId: sam,
    alignment: { kind: 'objective', id: drafting },
    origin: Origin.BottomUp,
  })
  const latency = kr(sync, sam, { title: 'Bring p95 sync latency down', kind: K.Decrease, unit: 'ms', start: 400, target: 100, weight: 60 })
  const offline = kr(sync, sam, { title: 'Offline mode in beta', kind: K.Milestone, dueDate: date(at(1.6)), weight: 40 })

  const firstRun = createObjective(s, {
    cycleId,
    title: 'Redesign the first-run experience',
    level: ObjectiveLevel.Individual,
    teamId: growth,
    ownerId: priya,
    alignment: { kind: 'keyResult', id: conversion },
    origin: Origin.BottomUp,
  })
  const usability = kr(firstRun, priya, { title: 'Run usability tests of the new flow', kind: K.Count, unit: 'tests', start: 0, target: 6, weight: 50 })
  const firstRunTasks = kr(firstRun, priya, { title: 'Ship the first-run redesign', kind: K.TaskDriven, weight: 50 })

  clock = start
  publishCycle(s, cycleId)
  updateColumn(s, 'doing' as ColumnId, { wipLimit: 5 })

  // Check-in histories: [share of the way through the quarter so far, value, confidence].
  const history = (id: KeyResultId, rows: ReadonlyArray<readonly [number, number, number, string?]>) => {
    for (const [f, value, confidence, note] of rows) checkIn(s, { keyResultId: id, value, confidence, note: note ?? '', at: at(f) })
  }
  history(activeTeams, [[0.25, 150, 7], [0.5, 172, 6], [0.75, 184, 5], [0.95, 190, 4, 'Launch slipped two weeks']])
  history(churn, [[0.3, 5.2, 7], [0.6, 4.6, 7], [0.9, 4.1, 8]])
  history(onboarding, [[0.3, 35, 6], [0.6, 31, 7], [0.95, 27, 8, 'New checklist works']])
  history(interviews, [[0.2, 2, 7], [0.4, 3, 6], [0.55, 3, 6, 'Recruiting is slow']])
  history(conversion, [[0.3, 9, 7], [0.6, 9.6, 7], [0.95, 9.8, 3, 'Pricing test hurt conversion']])
  history(baseline, [[0.45, 1, 9, 'Baseline: 41% activate in week one']])
  history(firstBoard, [[0.3, 13, 6], [0.6, 10, 7], [0.95, 8, 7]])
  history(latency, [[0.3, 320, 6], [0.6, 240, 7], [0.95, 180, 7]])
  history(usability, [[0.5, 2, 6], [0.95, 4, 7]])

  // Cards: [key result, title, column, days since its last move, assignee, due date offset in days].
  const cards: ReadonlyArray<readonly [KeyResultId, string, string, number, PersonId, number?]> = [
    [coEditing, 'Presence avatars on every card', 'done', 20, sam],
    [coEditing, 'Conflict-free title editing', 'done', 12, sam],
    [coEditing, 'Load test with 50 people in one room', 'doing', 2, sam, 10],
    [coEditing, 'Write the launch post', 'todo', 1, leo, 30],
    [meetingFixes, 'Agenda template for roundtables', 'done', 40, leo],
    [meetingFixes, 'Timer for each agenda item', 'done', 25, leo],
    [meetingFixes, 'Draft objectives side by side', 'done', 8, priya],
    [meetingFixes, 'Writing hints while drafting', 'done', 15, sam],
    [meetingFixes, 'Vote on draft objectives', 'doing', 9, leo],
    [meetingFixes, 'Export the meeting notes', 'blocked', 11, sam],
    [meetingFixes, 'Keyboard shortcuts cheat sheet', 'todo', 3, priya],
    [interviews, 'Recruit 6 more interview partners', 'blocked', 14, leo, -4],
    [conversion, 'A/B test the pricing page', 'doing', 4, ana, 6],
    [conversion, 'Email nudges on trial day 3 and 10', 'todo', 2, ana],
    [firstBoard, 'Template gallery', 'doing', 3, priya],
    [latency, 'Coalesce updates per tick', 'done', 18, sam],
    [latency, 'Profile awareness fan-out', 'doing', 1, sam],
    [offline, 'Service worker spike', 'done', 21, sam],
    [offline, 'Offline cache in IndexedDB', 'doing', 5, sam, 20],
    [firstRunTasks, 'Welcome checklist', 'done', 16, priya],
    [firstRunTasks, 'Shorter sign-up form', 'done', 22, priya],
    [firstRunTasks, 'Import from spreadsheets', 'done', 9, ana],
    [firstRunTasks, 'Sample board for new teams', 'doing', 6, priya, -2],
    [firstRunTasks, 'Empty-state illustrations', 'todo', 4, priya],
  ]
  const created = Math.min(now, start + DAY)
  for (const [keyResultId, title, column, ago, assigneeId, due] of cards) {
    clock = created
    const dueDate = due === undefined ? null : date(now + due * DAY)
    const id = createTask(s, { title, columnId: 'todo', keyResultId, assigneeId, dueDate, labels: [] })
    clock = Math.max(created, daysAgo(ago))
    if (column !== ColumnKind.Todo) moveTask(s, { taskId: id, columnId: column, keyResultId, index: 0 })
    if (due !== undefined && due < -3) updateTask(s, id, { missedReason: 'Partners cancelled twice' })
  }
  clock = now
}
