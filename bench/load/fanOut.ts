/**
 * @module Fan-out: R rooms x C clients, each client moving a card once a second (at its own phase)
 * and showing a small presence. Measures delivered updates per second, end-to-end latency, the
 * server's CPU per delivered update and memory per connection, and that every room converged.
 */
import { BenchClient } from './BenchClient.ts'
import { cardId, moveCard, prng } from './board.ts'
import { closeAll, connectGradually, connectHolder, failures, hasClocks, measure, presence, roomConverged, sleep, waitFor, waitQuiet } from './clients.ts'
import type { FanOutCommand, LoadResult } from './commands.ts'
import { LatencyTracker } from './LatencyTracker.ts'
import { retainedRssKiB } from './collectGarbage.ts'
import { Window } from '../proc.ts'
import { percentile } from '../stats.ts'

export async function fanOut(command: FanOutCommand, harness: readonly number[]): Promise<LoadResult> {
  const { rooms, clientsPerRoom, cardsPerRoom, moveIntervalMs, warmupMs, measureMs, serverPid, inspectPort, seed } = command
  const random = prng(1)
  const notes: string[] = []
  const holders: BenchClient[] = []
  for (let r = 0; r < rooms.length; r++) holders.push(await connectHolder(rooms[r]!, seed, cardsPerRoom, random, 'F'))
  await sleep(300)

  const tracker = new LatencyTracker()
  const rssBefore = await retainedRssKiB(serverPid, inspectPort)
  const base = new Window(serverPid, harness)
  const total = rooms.length * clientsPerRoom
  const clients = await connectGradually(rooms, total, (i) => ({
    presence: presence(i),
    syncTimeoutMs: 30_000,
    onRemoteTransaction: (client, transaction) => tracker.applied(client, transaction),
  }))
  await waitQuiet([...clients, ...holders], 300, 5_000)
  const connected = base.close()
  const rssAfter = await retainedRssKiB(serverPid, inspectPort)
  const connectFailures = failures(clients)

  // Every client moves one of its room's cards once per interval, starting at its own phase.
  const timers: ReturnType<typeof setTimeout>[] = []
  let moving = true
  const cardIds = Array.from({ length: cardsPerRoom }, (_, n) => cardId('F', n))
  clients.forEach((client, i) => {
    const phase = random() * moveIntervalMs
    const move = () => {
      if (!moving || !client.open) return
      const t0 = performance.now()
      if (moveCard(client.doc, cardIds[Math.floor(random() * cardIds.length)]!, random, Date.now())) tracker.wrote(client.doc, t0)
    }
    timers[i] = setTimeout(() => {
      move()
      timers[i] = setInterval(move, moveIntervalMs)
    }, phase)
  })

  const measured = await measure(tracker, serverPid, harness, warmupMs, measureMs)
  moving = false
  for (const t of timers) clearInterval(t)

  // Drain: every client must end up with every move made in its room, then each room is checked.
  const finalClocks = tracker.finalClocks()
  const members = rooms.map((_, r) => clients.filter((_, i) => i % rooms.length === r))
  const roomClocks = members.map((list) => new Map(list.map((c) => [c.doc.clientID, finalClocks.get(c.doc.clientID) ?? 0])))
  const drained = await waitFor(
    () => members.every((list, r) => list.every((c) => c.failure !== null || hasClocks(c.doc, roomClocks[r]!))),
    15_000,
    50,
  )
  if (!drained) notes.push('some clients did not receive every move within 15 s')
  let converged = 0
  for (let r = 0; r < rooms.length; r++) {
    if (await roomConverged(rooms[r]!, [holders[r]!.doc, ...members[r]!.map((c) => c.doc)])) converged++
  }
  const lateFailures = failures(clients)
  closeAll(clients)
  closeAll(holders)
  if (lateFailures.count > 0) notes.push(`failures: ${lateFailures.reasons.join('; ')}`)

  const seconds = tracker.windowMs / 1000
  return {
    figures: {
      deliveredPerSecond: tracker.delivered / seconds,
      writesPerSecond: tracker.written / seconds,
      latencyP50Ms: percentile(tracker.samples, 50),
      latencyP95Ms: percentile(tracker.samples, 95),
      latencyP99Ms: percentile(tracker.samples, 99),
      cpuPerDeliveredUs: (measured.serverCpuMs * 1000) / Math.max(1, tracker.delivered),
      serverCpuShare: measured.serverCpuMs / measured.wallMs,
      memoryPerConnectionKiB: (rssAfter - rssBefore) / total,
      connectCpuPerConnectionMs: connected.serverCpuMs / total,
      failures: Math.max(connectFailures.count, lateFailures.count),
      unconvergedRooms: rooms.length - converged,
      othersCpuShare: measured.othersCpuShare,
      harnessCpuShare: measured.harnessCpuMs / measured.wallMs,
    },
    notes,
  }
}
