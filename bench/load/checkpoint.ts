/**
 * @module The checkpoint scenario (Roundtable only): what the meeting's memory costs, and whether
 * it holds up the room. First the in-process costs (checkpointCosts.ts); then, on a real server,
 * a `cards`-card board built through shared/doc commands and `clients` clients each moving a card
 * once a second, measured over four stretches of the same length: quiet; meeting steps (the
 * facilitator moves to the next agenda item every `checkpointEveryMs`: meeting traffic without a
 * checkpoint, the control for the next one); checkpoints forced (a meeting started or ended every
 * `checkpointEveryMs`, each of which takes a checkpoint of the whole board); and `requesters`
 * clients asking `/changes?since=last-meeting` back to back (a diff of two full boards each, in
 * the server's history worker). Fan-out latency is taken per
 * stretch from moves made inside it; `/changes` latency is what the requesting client sees.
 */
import {
  createCycle,
  createKeyResult,
  createObjective,
  createPerson,
  createTask,
  meetingState,
  moveTask,
  openSession,
  snapshot,
} from '../../shared/doc/index.ts'
import { endMeeting, goToAgendaItem, startMeeting } from '../../shared/doc/meetings.ts'
import { MeetingKind, MeetingStatus } from '../../shared/model/index.ts'
import type { ColumnId, KeyResultId, TaskId } from '../../shared/model/index.ts'
import { Window } from '../proc.ts'
import { percentile } from '../stats.ts'
import { BenchClient } from './BenchClient.ts'
import { prng } from './board.ts'
import { checkpointCosts } from './checkpointCosts.ts'
import { closeAll, collectOwnGarbage, connectGradually, failures, presence, roomConverged, sleep, waitQuiet } from './clients.ts'
import type { CheckpointCommand, LoadResult } from './commands.ts'
import { LatencyTracker } from './LatencyTracker.ts'

/** Cards per transaction while building: one update each, well under the server's message limit. */
const BATCH = 250
const Stretch = { Quiet: 'quiet', Steps: 'steps', Checkpoints: 'checkpoints', Changes: 'changes' } as const
type Stretch = (typeof Stretch)[keyof typeof Stretch]
const STRETCHES = Object.values(Stretch)

export async function checkpointScenario(command: CheckpointCommand, harness: readonly number[]): Promise<LoadResult> {
  const { room, serverPid, cards, clients: clientCount, moveIntervalMs, warmupMs, stretchMs, checkpointEveryMs, requesters, runs, activityMoves } = command
  const notes: string[] = []
  const costs = await checkpointCosts(cards, runs, activityMoves)

  // The board, built by one client in its document: 12 objectives x 5 KRs, `cards` cards.
  const builder = new BenchClient(room, { syncTimeoutMs: 30_000 })
  await builder.synced
  const setup = openSession(builder.doc)
  const facilitatorId = createPerson(setup, { name: 'Facilitator' })
  const s = openSession(builder.doc, { actor: facilitatorId })
  const cycleId = createCycle(s, { name: 'Bench quarter', startDate: '2026-10-01', endDate: '2026-12-31' })
  const keyResults: KeyResultId[] = []
  for (let o = 0; o < 12; o++) {
    const objectiveId = createObjective(s, { cycleId, title: `Objective ${o}` })
    for (let k = 0; k < 5; k++) keyResults.push(createKeyResult(s, { objectiveId, title: `KR ${o}.${k}`, start: 0, target: 100, weight: 20 }))
  }
  const columns = [...snapshot(builder.doc).columns.keys()] as ColumnId[]
  const tasks: TaskId[] = []
  for (let from = 0; from < cards; from += BATCH) {
    builder.doc.transact(() => {
      for (let i = from; i < Math.min(cards, from + BATCH); i++) {
        tasks.push(createTask(s, { title: `Card ${i}`, columnId: columns[i % columns.length]!, keyResultId: keyResults[i % keyResults.length]! }))
      }
    })
  }
  await builder.roundTrip()

  // One tracker per stretch, each counting the moves made inside its own window.
  const trackers = new Map<Stretch, LatencyTracker>(STRETCHES.map((name) => [name, new LatencyTracker()]))
  const movers = await connectGradually([room], clientCount, (i) => ({
    presence: presence(i),
    syncTimeoutMs: 60_000,
    onRemoteTransaction: (client, transaction) => {
      for (const t of trackers.values()) t.applied(client, transaction)
    },
  }))
  await waitQuiet([builder, ...movers], 300, 5_000)
  const random = prng(15)
  let moving = true
  const timers: ReturnType<typeof setTimeout>[] = []
  movers.forEach((client, i) => {
    const session = openSession(client.doc)
    const move = () => {
      if (!moving || !client.open) return
      const at = Math.floor(random() * tasks.length)
      const t0 = performance.now()
      moveTask(session, { taskId: tasks[at]!, columnId: columns[Math.floor(random() * columns.length)]!, keyResultId: keyResults[at % keyResults.length]!, index: 0 })
      for (const t of trackers.values()) t.wrote(client.doc, t0)
    }
    timers[i] = setTimeout(() => {
      move()
      timers[i] = setInterval(move, moveIntervalMs)
    }, random() * moveIntervalMs)
  })
  await sleep(warmupMs)

  const http = new URL(room.url)
  const changesUrl = `http://${http.host}/api/workspaces/${room.docName}/changes?since=last-meeting&token=${encodeURIComponent(http.searchParams.get('token') ?? '')}`
  const cpu = new Map<Stretch, number>()
  const harnessCpu = new Map<Stretch, number>()
  let others = 0
  const stretch = async (name: Stretch, during: (until: number) => Promise<void>) => {
    collectOwnGarbage()
    const tracker = trackers.get(name)!
    tracker.openWindow()
    const window = new Window(serverPid, harness)
    const until = performance.now() + stretchMs
    await Promise.all([sleep(stretchMs), during(until)])
    tracker.closeWindow()
    const figures = window.close()
    cpu.set(name, figures.serverCpuMs / figures.wallMs)
    harnessCpu.set(name, figures.harnessCpuMs / figures.wallMs)
    others = Math.max(others, figures.othersCpuShare)
  }

  await stretch(Stretch.Quiet, async () => {})

  // The control: a running meeting whose facilitator moves on, as often as checkpoints come next.
  const meetingId = startMeeting(s, { kind: MeetingKind.Weekly, cycleId })
  await sleep(checkpointEveryMs)
  let steps = 0
  await stretch(Stretch.Steps, async (until) => {
    while (performance.now() + checkpointEveryMs <= until) {
      await sleep(checkpointEveryMs)
      const agenda = meetingState(builder.doc).meeting?.agenda ?? []
      if (meetingState(builder.doc).meeting?.id !== meetingId || agenda.length === 0) break
      goToAgendaItem(s, agenda[++steps % agenda.length]!.id)
    }
  })

  // Every start and every end of a meeting is a checkpoint of the whole board.
  let forced = 0
  await stretch(Stretch.Checkpoints, async (until) => {
    while (performance.now() + checkpointEveryMs <= until) {
      await sleep(checkpointEveryMs)
      if (meetingState(builder.doc).meeting?.status === MeetingStatus.Running) endMeeting(s)
      else startMeeting(s, { kind: MeetingKind.Weekly, cycleId })
      forced++
    }
    if (meetingState(builder.doc).meeting?.status === MeetingStatus.Running) {
      endMeeting(s)
      forced++
    }
  })

  const changesMs: number[] = []
  let busy = 0
  let failed = 0
  const ask = async (): Promise<void> => {
    const t0 = performance.now()
    try {
      const res = await fetch(changesUrl)
      await res.arrayBuffer()
      if (res.status === 200) changesMs.push(performance.now() - t0)
      else if (res.status === 503) busy++
      else failed++
    } catch {
      failed++
    }
  }
  await stretch(Stretch.Changes, async (until) => {
    await Promise.all(
      Array.from({ length: requesters }, async () => {
        while (performance.now() < until) await ask()
      }),
    )
  })
  const hammered = [...changesMs]
  changesMs.length = 0
  // One request at a time, the movers still moving: the latency a lone reader sees.
  for (let i = 0; i < 5; i++) await ask()
  const alone = [...changesMs]

  moving = false
  for (const t of timers) clearInterval(t)
  await waitQuiet([builder, ...movers], 300, 10_000)
  const taken = await fetch(changesUrl.replace(/\/changes\?since=last-meeting&/, '/checkpoints?'))
    .then((res) => res.json() as Promise<{ checkpoints: unknown[] }>)
    .then((body) => body.checkpoints.length)
    .catch(() => Number.NaN)
  const converged = await roomConverged(room, [builder.doc, ...movers.map((c) => c.doc)])
  const late = failures(movers)
  if (late.count > 0) notes.push(`failures: ${late.reasons.join('; ')}`)
  if (failed > 0) notes.push(`${failed} /changes request(s) failed`)
  closeAll([builder, ...movers])

  const p = (name: Stretch, q: number) => percentile(trackers.get(name)!.samples, q)
  return {
    figures: {
      ...costs,
      quietP50Ms: p(Stretch.Quiet, 50),
      quietP95Ms: p(Stretch.Quiet, 95),
      checkpointsP50Ms: p(Stretch.Checkpoints, 50),
      checkpointsP95Ms: p(Stretch.Checkpoints, 95),
      changesP50Ms: p(Stretch.Changes, 50),
      changesP95Ms: p(Stretch.Changes, 95),
      stepsP50Ms: p(Stretch.Steps, 50),
      stepsP95Ms: p(Stretch.Steps, 95),
      stepsP50Ratio: p(Stretch.Steps, 50) / p(Stretch.Quiet, 50),
      stepsP95Ratio: p(Stretch.Steps, 95) / p(Stretch.Quiet, 95),
      checkpointsP50Ratio: p(Stretch.Checkpoints, 50) / p(Stretch.Quiet, 50),
      checkpointsP95Ratio: p(Stretch.Checkpoints, 95) / p(Stretch.Quiet, 95),
      changesP50Ratio: p(Stretch.Changes, 50) / p(Stretch.Quiet, 50),
      changesP95Ratio: p(Stretch.Changes, 95) / p(Stretch.Quiet, 95),
      quietServerCpuShare: cpu.get(Stretch.Quiet)!,
      checkpointsServerCpuShare: cpu.get(Stretch.Checkpoints)!,
      changesServerCpuShare: cpu.get(Stretch.Changes)!,
      stepsServerCpuShare: cpu.get(Stretch.Steps)!,
      quietHarnessCpuShare: harnessCpu.get(Stretch.Quiet)!,
      stepsHarnessCpuShare: harnessCpu.get(Stretch.Steps)!,
      checkpointsHarnessCpuShare: harnessCpu.get(Stretch.Checkpoints)!,
      changesHarnessCpuShare: harnessCpu.get(Stretch.Changes)!,
      meetingSteps: steps,
      deliveredPerStretch: trackers.get(Stretch.Quiet)!.delivered,
      checkpointsForced: forced,
      checkpointsTaken: taken,
      changesAloneP50Ms: percentile(alone, 50),
      changesHammeredP50Ms: percentile(hammered, 50),
      changesHammeredP95Ms: percentile(hammered, 95),
      changesAnswered: hammered.length,
      changesBusy: busy,
      failures: late.count,
      unconvergedRooms: converged ? 0 : 1,
      othersCpuShare: others,
    },
    notes,
  }
}
