/**
 * @module Connect storm: N clients open their sockets at once into R rooms (already open, each held
 * by its holder) and show their presence. Measures the time until every client is synced,
 * failures, and the server's CPU and memory per connection once the traffic settled.
 */
import { BenchClient } from './BenchClient.ts'
import { prng } from './board.ts'
import { closeAll, collectOwnGarbage, connectHolder, failures, presence, sleep, waitQuiet } from './clients.ts'
import type { LoadResult, StormCommand } from './commands.ts'
import { retainedRssKiB } from './collectGarbage.ts'
import { Window } from '../proc.ts'
import { percentile } from '../stats.ts'

export async function storm(command: StormCommand, harness: readonly number[]): Promise<LoadResult> {
  const { rooms, clients: count, cardsPerRoom, timeoutMs, serverPid, inspectPort, seed } = command
  const random = prng(2)
  const notes: string[] = []
  const holders: BenchClient[] = []
  for (const room of rooms) holders.push(await connectHolder(room, seed, cardsPerRoom, random, 'S'))
  await sleep(500)

  const rssBefore = await retainedRssKiB(serverPid, inspectPort)
  collectOwnGarbage()
  const window = new Window(serverPid, harness)
  const started = performance.now()
  const clients: BenchClient[] = []
  for (let i = 0; i < count; i++) {
    clients.push(new BenchClient(rooms[i % rooms.length]!, { presence: presence(i), syncTimeoutMs: timeoutMs }))
  }
  await Promise.allSettled(clients.map((c) => c.synced))
  const syncedAll = Math.max(...clients.map((c) => (c.isSynced ? c.syncedAt : Number.NaN)).filter(Number.isFinite))
  const connectTimes = clients.filter((c) => c.isSynced).map((c) => c.syncedAt - c.startedAt)
  // Presence keeps flowing for a while after the last sync step 2; CPU and memory count it too.
  const quiet = await waitQuiet([...clients, ...holders], 500, 20_000)
  if (!quiet) notes.push('traffic did not settle within 20 s after the storm')
  const figures = window.close()
  const rssAfter = await retainedRssKiB(serverPid, inspectPort)
  const failed = failures(clients)
  if (failed.count > 0) notes.push(`failures: ${failed.reasons.join('; ')}`)
  const settledMs = performance.now() - started
  closeAll(clients)
  closeAll(holders)
  return {
    figures: {
      allSyncedMs: failed.count === count ? Number.NaN : syncedAll - started,
      connectP50Ms: percentile(connectTimes, 50),
      connectP99Ms: percentile(connectTimes, 99),
      settledMs,
      failures: failed.count,
      cpuPerConnectionMs: figures.serverCpuMs / count,
      memoryPerConnectionKiB: (rssAfter - rssBefore) / count,
      memoryPerConnectionRawKiB: (figures.rssEndKiB - figures.rssStartKiB) / count,
      framesPerClient: clients.reduce((sum, c) => sum + c.framesIn, 0) / count,
      othersCpuShare: figures.othersCpuShare,
    },
    notes,
  }
}
