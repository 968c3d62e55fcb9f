/**
 * @module Follow latency in a meeting: one facilitator and N-1 followers, each a real sync client
 * with a meeting presence; the facilitator moves to the next agenda item (shared/doc's
 * `goToAgendaItem`) and every follower's change listener records when its `meetingState` shows
 * the new current item. Measures the time from the command call to each follower, and the
 * server's CPU per step. Roundtable only: the other peers have no meetings.
 */
import {
  createCycle,
  createKeyResult,
  createObjective,
  createPerson,
  meetingState,
  openSession,
  subscribe,
} from '../../shared/doc/index.ts'
import { goToAgendaItem, startMeeting } from '../../shared/doc/meetings.ts'
import { MeetingKind } from '../../shared/model/index.ts'
import type { AgendaItemId, PersonId } from '../../shared/model/index.ts'
import { Window } from '../proc.ts'
import { percentile } from '../stats.ts'
import { BenchClient } from './BenchClient.ts'
import {
  closeAll,
  collectOwnGarbage,
  connectGradually,
  failures,
  presence,
  roomConverged,
  sleep,
  waitFor,
  waitQuiet,
} from './clients.ts'
import type { LoadResult, MeetingCommand } from './commands.ts'

/** KRs per objective in the meeting's cycle (the weekly agenda has one item per KR). */
const KRS_PER_OBJECTIVE = 5
/** A step every follower has not seen after this long counts its missing followers as failures. */
const STEP_TIMEOUT_MS = 5_000

/** A follower's view: which item it waits for, since when, and what it measured. */
interface Follower {
  readonly client: BenchClient
  /** Item the current step moves to, null between steps. */
  expected: AgendaItemId | null
  /** performance.now() of the command call of the current step. */
  sentAt: number
  /** Latency of the current step (ms), NaN until the follower saw it. */
  seenMs: number
}

/** Runs the scenario on a fresh Roundtable room; see the module doc. */
export async function followLatency(command: MeetingCommand, harness: readonly number[]): Promise<LoadResult> {
  const { room, participants, keyResults, warmupSteps, steps, pauseMs, idleMs, timeLimitMs, serverPid } = command
  const notes: string[] = []
  const deadline = performance.now() + timeLimitMs

  // The facilitator builds the workspace in its own document: people, a cycle of KRs, the meeting.
  // The cycle stays a draft: publishing is the owner's, and bench rooms are joined as an editor.
  const facilitator = new BenchClient(room, { syncTimeoutMs: 30_000 })
  await facilitator.synced
  let n = 0
  const newId = () => `bm${(n++).toString(36).padStart(6, '0')}`
  const setup = openSession(facilitator.doc, { newId })
  const people: PersonId[] = []
  for (let i = 0; i < participants; i++) people.push(createPerson(setup, { name: `Participant ${i}` }))
  const facilitatorId = people[0]!
  const s = openSession(facilitator.doc, { newId, actor: facilitatorId })
  const cycleId = createCycle(s, { name: 'Bench cycle', startDate: '2026-10-01', endDate: '2026-12-31' })
  for (let o = 0; o * KRS_PER_OBJECTIVE < keyResults; o++) {
    const objectiveId = createObjective(s, { cycleId, title: `Objective ${o}` })
    for (let k = o * KRS_PER_OBJECTIVE; k < Math.min(keyResults, (o + 1) * KRS_PER_OBJECTIVE); k++) {
      createKeyResult(s, { objectiveId, title: `KR ${k}`, start: 0, target: 100, weight: 20 })
    }
  }
  const meetingId = startMeeting(s, { kind: MeetingKind.Weekly, cycleId })
  const agenda = meetingState(facilitator.doc).meeting!.agenda.map((item) => item.id)
  if (agenda.length < 2) throw new Error(`the weekly agenda has ${agenda.length} item(s); the steps need two or more`)
  facilitator.setPresence(meetingPresence(0, facilitatorId, meetingId, null))
  await facilitator.roundTrip()

  // Followers join with their meeting presence and listen as the client's hooks do.
  const followers: Follower[] = []
  const clients = await connectGradually([room], participants - 1, (i) => ({
    presence: meetingPresence(i + 1, people[i + 1]!, meetingId, facilitatorId),
    syncTimeoutMs: 30_000,
  }))
  for (const client of clients) {
    const follower: Follower = { client, expected: null, sentAt: 0, seenMs: Number.NaN }
    subscribe(client.doc, () => {
      if (follower.expected === null || !Number.isNaN(follower.seenMs)) return
      if (meetingState(client.doc).meeting?.currentItemId === follower.expected) follower.seenMs = performance.now() - follower.sentAt
    })
    followers.push(follower)
  }
  const everyone = [facilitator, ...clients]
  await waitQuiet(everyone, 300, 5_000)
  const joined = clients.filter((c) => c.failure === null).length
  if (joined < clients.length) notes.push(`${clients.length - joined} follower(s) failed to join: ${failures(clients).reasons.join('; ')}`)
  const synced = followers.filter((f) => f.client.failure === null && meetingState(f.client.doc).meeting?.id === meetingId).length
  if (synced < joined) notes.push(`${joined - synced} follower(s) synced without the meeting`)

  // The server with everyone in the meeting and nothing happening: heartbeats, pings.
  collectOwnGarbage()
  const idle = new Window(serverPid, harness)
  await sleep(idleMs)
  const idleFigures = idle.close()

  let at = 0
  const samples: number[] = []
  const lastFollower: number[] = []
  let missed = 0
  let measured = 0
  const step = async (timed: boolean): Promise<void> => {
    at = (at + 1) % agenda.length
    const target = agenda[at]!
    const live = followers.filter((f) => f.client.open)
    for (const f of live) {
      f.expected = target
      f.seenMs = Number.NaN
    }
    const sentAt = performance.now()
    for (const f of live) f.sentAt = sentAt
    goToAgendaItem(s, target)
    await waitFor(() => live.every((f) => !Number.isNaN(f.seenMs)), STEP_TIMEOUT_MS, 2)
    for (const f of live) f.expected = null
    if (!timed) return
    measured++
    const seen = live.filter((f) => !Number.isNaN(f.seenMs)).map((f) => f.seenMs)
    missed += live.length - seen.length
    samples.push(...seen)
    if (seen.length > 0) lastFollower.push(Math.max(...seen))
  }
  for (let i = 0; i < warmupSteps; i++) {
    await step(false)
    await sleep(pauseMs)
  }
  collectOwnGarbage()
  const window = new Window(serverPid, harness)
  for (let i = 0; i < steps && performance.now() < deadline; i++) {
    await step(true)
    await sleep(pauseMs)
  }
  const stepsFigures = window.close()
  if (measured < steps) notes.push(`time limit: ${measured} of ${steps} steps measured`)
  if (missed > 0) notes.push(`${missed} (follower, step) pair(s) not seen within ${STEP_TIMEOUT_MS} ms`)

  const converged = await roomConverged(room, everyone.map((c) => c.doc))
  const late = failures(everyone)
  if (late.count > 0) notes.push(`failures: ${late.reasons.join('; ')}`)
  closeAll(everyone)

  const idleCpuPerMs = idleFigures.serverCpuMs / idleFigures.wallMs
  const stepCpuMs = stepsFigures.serverCpuMs / Math.max(1, measured)
  return {
    figures: {
      participants,
      agendaItems: agenda.length,
      stepsMeasured: measured,
      followP50Ms: percentile(samples, 50),
      followP95Ms: percentile(samples, 95),
      followMaxMs: samples.length === 0 ? Number.NaN : Math.max(...samples),
      allFollowersP50Ms: percentile(lastFollower, 50),
      allFollowersMaxMs: lastFollower.length === 0 ? Number.NaN : Math.max(...lastFollower),
      missedFollows: missed,
      serverCpuPerStepMs: stepCpuMs,
      serverIdleCpuPerSecondMs: idleCpuPerMs * 1000,
      serverCpuPerStepAboveIdleMs: stepCpuMs - (idleCpuPerMs * stepsFigures.wallMs) / Math.max(1, measured),
      harnessCpuShare: stepsFigures.harnessCpuMs / stepsFigures.wallMs,
      othersCpuShare: stepsFigures.othersCpuShare,
      failures: late.count,
      unconvergedRooms: converged ? 0 : 1,
    },
    notes,
  }
}

/** A participant's presence as the meeting view sets it: who they are, and whom they follow. */
function meetingPresence(i: number, personId: PersonId, meetingId: string, following: PersonId | null): Record<string, unknown> {
  const { user } = presence(i) as { user: Record<string, unknown> }
  return { user: { ...user, personId }, meeting: { meetingId, following, away: false } }
}
