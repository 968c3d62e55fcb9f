/**
 * @module Sustained throughput: a few writers move cards as fast as the server takes it (each keeps
 * a bounded number of its own updates unechoed: every server echoes an update to its sender) while
 * one reader watches. Measures the updates per second the reader sees, the server's CPU per update,
 * how much its memory grew during the flood, and how much of it the server keeps after a full GC
 * (per update: a faster server takes more updates in the same time).
 */
import * as Y from 'yjs'
import { BenchClient } from './BenchClient.ts'
import { cardId, moveCard, prng } from './board.ts'
import { closeAll, connectHolder, failures, hasClocks, measure, roomConverged, waitFor } from './clients.ts'
import type { LoadResult, ThroughputCommand } from './commands.ts'
import { LatencyTracker } from './LatencyTracker.ts'
import { retainedRssKiB } from './collectGarbage.ts'
import { percentile } from '../stats.ts'

const CARDS = 40
/** A writer whose socket holds more than this unsent waits, whatever its echoes say. */
const MAX_BUFFERED_BYTES = 1024 * 1024

export async function throughput(command: ThroughputCommand, harness: readonly number[]): Promise<LoadResult> {
  const { room, writers: writerCount, inFlight, warmupMs, measureMs, serverPid, inspectPort, seed } = command
  const random = prng(3)
  const notes: string[] = []
  const holder = await connectHolder(room, seed, CARDS, random, 'T')
  const tracker = new LatencyTracker()
  const reader = new BenchClient(room, { syncTimeoutMs: 30_000, onRemoteTransaction: (c, tr) => tracker.applied(c, tr) })
  await reader.synced
  const keptBefore = await retainedRssKiB(serverPid, inspectPort)

  const cardIds = Array.from({ length: CARDS }, (_, n) => cardId('T', n))
  let running = true
  /** Every update the writers made, warm-up included (what the memory kept is divided by). */
  let writes = 0
  /** Per writer: the clocks its unechoed updates end at, oldest first. */
  const pending = new Map<BenchClient, number[]>()
  const pump = (writer: BenchClient) => {
    const queue = pending.get(writer)!
    while (running && writer.open && queue.length < inFlight && writer.bufferedAmount < MAX_BUFFERED_BYTES) {
      const t0 = performance.now()
      moveCard(writer.doc, cardIds[Math.floor(random() * CARDS)]!, random, Date.now())
      tracker.wrote(writer.doc, t0)
      writes++
      queue.push(Y.getState(writer.doc.store, writer.doc.clientID))
    }
  }
  const writers: BenchClient[] = []
  for (let w = 0; w < writerCount; w++) {
    const writer = new BenchClient(room, {
      syncTimeoutMs: 30_000,
      // The echo of its own updates tells the writer how far the server got.
      onRawUpdate: (client, update) => {
        const echoed = Y.parseUpdateMeta(update).to.get(client.doc.clientID)
        const queue = pending.get(client)
        if (echoed === undefined || queue === undefined) return
        while (queue.length > 0 && queue[0]! <= echoed) queue.shift()
        // After the message is applied, not inside Yjs' transaction.
        queueMicrotask(() => pump(client))
      },
    })
    pending.set(writer, [])
    writers.push(writer)
  }
  await Promise.all(writers.map((w) => w.synced))
  // A writer stalled by a full socket is restarted by this timer.
  const kick = setInterval(() => writers.forEach(pump), 20)
  writers.forEach(pump)

  const measured = await measure(tracker, serverPid, harness, warmupMs, measureMs)
  running = false
  clearInterval(kick)

  const finalClocks = tracker.finalClocks()
  const everyone = [reader, ...writers, holder]
  if (!(await waitFor(() => everyone.every((c) => c.failure !== null || hasClocks(c.doc, finalClocks)), 30_000, 50))) {
    notes.push('the reader did not receive every update within 30 s')
  }
  const converged = await roomConverged(room, everyone.map((c) => c.doc))
  const keptAfter = await retainedRssKiB(serverPid, inspectPort)
  const failed = failures(everyone)
  if (failed.count > 0) notes.push(`failures: ${failed.reasons.join('; ')}`)
  closeAll(everyone)
  const seconds = tracker.windowMs / 1000
  return {
    figures: {
      updatesPerSecond: tracker.delivered / seconds,
      writtenPerSecond: tracker.written / seconds,
      cpuPerUpdateUs: (measured.serverCpuMs * 1000) / Math.max(1, tracker.delivered),
      serverCpuShare: measured.serverCpuMs / measured.wallMs,
      memoryGrowthKiB: measured.rssEndKiB - measured.rssStartKiB,
      keptPerThousandKiB: ((keptAfter - keptBefore) * 1000) / Math.max(1, writes),
      latencyP50Ms: percentile(tracker.samples, 50),
      latencyP99Ms: percentile(tracker.samples, 99),
      failures: failed.count,
      unconvergedRooms: converged ? 0 : 1,
      othersCpuShare: measured.othersCpuShare,
      harnessCpuShare: measured.harnessCpuMs / measured.wallMs,
    },
    notes,
  }
}
