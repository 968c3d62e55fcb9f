/**
 * @module The independent harness's method (issue 18): stock y-websocket `WebsocketProvider`
 * clients, R rooms x C clients moving a card a second (or idle), a long warm-up and a long
 * measured window, and memory read as the server process holds it, with no forced collection
 * until the end. It reads VmRSS on a fresh server, with the rooms open (one holder each), at the
 * end of the measured window, and only then after a forced GC, so the report can give what the
 * process holds beside what it keeps, and a room's cost apart from a connection's.
 */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { processCpuMs, processRssKiB, processTreeCpuMs, Window } from '../proc.ts'
import { percentile } from '../stats.ts'
import type { RoomAddress } from './BenchClient.ts'
import { cardId, moveCard, prng } from './board.ts'
import { closeAll, collectOwnGarbage, connectHolder, hasClocks, presence, roomConverged, sleep, waitFor, waitQuiet } from './clients.ts'
import { retainedRssKiB } from './collectGarbage.ts'
import type { HeldCommand, LoadResult } from './commands.ts'
import { LatencyTracker } from './LatencyTracker.ts'

/** A stock provider for a room address: the last path segment is the room, the query its params. */
function provider(room: RoomAddress, doc: Y.Doc): WebsocketProvider {
  const url = new URL(room.url)
  const path = url.pathname.split('/')
  const name = decodeURIComponent(path.pop()!)
  const params = Object.fromEntries(url.searchParams)
  // disableBc: Node has BroadcastChannel, and providers of one room in one process would
  // otherwise pass updates to each other without the server.
  return new WebsocketProvider(`${url.protocol}//${url.host}${path.join('/')}`, name, doc, {
    params,
    disableBc: true,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  })
}

function synced(p: WebsocketProvider, timeoutMs: number): Promise<boolean> {
  if (p.synced) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    p.once('sync', (isSynced: boolean) => {
      clearTimeout(timer)
      resolve(isSynced)
    })
  })
}

/** VmRSS samples taken every second of a window: its median and max. */
class RssSampler {
  readonly #samples: number[] = []
  readonly #timer: ReturnType<typeof setInterval>
  constructor(pid: number) {
    this.#timer = setInterval(() => this.#samples.push(processRssKiB(pid)), 1000)
  }
  stop(): { median: number; max: number } {
    clearInterval(this.#timer)
    return { median: percentile(this.#samples, 50), max: Math.max(...this.#samples) }
  }
}

export async function held(command: HeldCommand, harness: readonly number[]): Promise<LoadResult> {
  const { rooms, clientsPerRoom, cardsPerRoom, moveIntervalMs, warmupMs, measureMs, serverPid, inspectPort, seed, collectAfterConnect, second } = command
  // Instance A's rooms, and B's with two instances: a room's clients alternate between them.
  const instances = second === undefined ? [rooms] : [rooms, second.rooms]
  const serverPids = second === undefined ? [serverPid] : [serverPid, second.serverPid]
  const sides = Object.entries(command.sides ?? {})
  const collecting = inspectPort > 0
  const kept = async () => (collecting ? retainedRssKiB(serverPid, inspectPort) : Number.NaN)
  const random = prng(3)
  const notes: string[] = []
  // A fresh server as it holds itself, then after a collection (which an idle, fresh process
  // barely notices: the load below grows its heap again).
  await sleep(500)
  const rssFresh = processRssKiB(serverPid)
  const rssFreshCollected = await kept()

  const holders = []
  for (const room of rooms) holders.push(await connectHolder(room, seed, cardsPerRoom, random, 'H'))
  await waitQuiet(holders, 500, 5_000)
  const rssRooms = processRssKiB(serverPid)

  // trackers[w][r]: moves written on instance w, applied by clients of instance r.
  const trackers = instances.map(() => instances.map(() => new LatencyTracker()))
  const all = trackers.flat()
  const total = rooms.length * clientsPerRoom
  // Every provider adds a listener for the process' exit (its awareness says goodbye).
  process.setMaxListeners(Math.max(process.getMaxListeners(), total + 20))
  const docs: Y.Doc[] = []
  const docInstance: number[] = []
  const providers: WebsocketProvider[] = []
  let syncFailures = 0
  for (let i = 0; i < total; i += 25) {
    const batch: Promise<boolean>[] = []
    for (let j = i; j < Math.min(total, i + 25); j++) {
      const doc = new Y.Doc()
      const instance = Math.floor(j / rooms.length) % instances.length
      doc.on('afterTransaction', (transaction: Y.Transaction) => {
        if (!transaction.local) for (const row of trackers) row[instance]!.applied(doc, transaction)
      })
      docInstance.push(instance)
      const p = provider(instances[instance]![j % rooms.length]!, doc)
      p.awareness.setLocalState(presence(j))
      docs.push(doc)
      providers.push(p)
      batch.push(synced(p, 30_000))
    }
    syncFailures += (await Promise.all(batch)).filter((ok) => !ok).length
  }
  await sleep(500)
  if (collectAfterConnect) await kept()

  // Every client moves one of its room's cards once per interval, at its own phase.
  const timers: ReturnType<typeof setTimeout>[] = []
  let moving = moveIntervalMs > 0
  const cardIds = Array.from({ length: cardsPerRoom }, (_, n) => cardId('H', n))
  if (moving) {
    docs.forEach((doc, i) => {
      const move = () => {
        if (!moving) return
        const t0 = performance.now()
        if (moveCard(doc, cardIds[Math.floor(random() * cardIds.length)]!, random, Date.now())) for (const t of trackers[docInstance[i]!]!) t.wrote(doc, t0)
      }
      timers[i] = setTimeout(() => {
        move()
        timers[i] = setInterval(move, moveIntervalMs)
      }, random() * moveIntervalMs)
    })
  }

  await sleep(warmupMs)
  collectOwnGarbage()
  for (const t of all) t.openWindow()
  const window = new Window(serverPid, [...harness, ...serverPids.slice(1), ...sides.map(([, pid]) => pid)])
  const cpuBefore = serverPids.map((pid) => processCpuMs(pid))
  const sidesBefore = sides.map(([, pid]) => processTreeCpuMs(pid))
  const sampler = new RssSampler(serverPid)
  await sleep(measureMs)
  for (const t of all) t.closeWindow()
  const measured = window.close()
  const cpuMs = serverPids.map((pid, i) => processCpuMs(pid) - cpuBefore[i]!)
  const sidesMs = sides.map(([, pid], i) => processTreeCpuMs(pid) - sidesBefore[i]!)
  const rssDuring = sampler.stop()
  const rssEnd = processRssKiB(serverPid)
  moving = false
  for (const t of timers) clearInterval(t)
  // Now, and only now, what a forced collection leaves: read with the clients still connected.
  const rssEndCollected = await kept()

  let unconverged = 0
  if (moveIntervalMs > 0) {
    const finalClocks = new Map(trackers.flatMap((row) => [...row[0]!.finalClocks()]))
    const members = rooms.map((_, r) => docs.filter((_, i) => i % rooms.length === r))
    const roomClocks = members.map((list) => new Map(list.map((d) => [d.clientID, finalClocks.get(d.clientID) ?? 0])))
    const drained = await waitFor(() => members.every((list, r) => list.every((d) => hasClocks(d, roomClocks[r]!))), 15_000, 50)
    if (!drained) notes.push('some clients did not receive every move within 15 s')
    for (let r = 0; r < rooms.length; r++) {
      if (!(await roomConverged(rooms[r]!, [holders[r]!.doc, ...members[r]!]))) unconverged++
    }
  }
  for (const p of providers) p.destroy()
  closeAll(holders)
  if (syncFailures > 0) notes.push(`${syncFailures} provider(s) not synced within 30 s`)

  // Growth is counted from the fresh server after a collection: its held figure still holds the
  // garbage of starting and of creating the workspaces (tens of MB for Roundtable), which would
  // flatter whoever made more of it.
  const base = collecting ? rssFreshCollected : rssFresh
  const seconds = trackers[0]![0]!.windowMs / 1000
  const connections = total + rooms.length
  const delivered = all.reduce((sum, t) => sum + t.delivered, 0)
  const samples = all.flatMap((t) => t.samples)
  const serverCpuMs = cpuMs.reduce((sum, ms) => sum + ms, 0)
  const perDelivered = (ms: number, n: number) => (n > 0 ? (ms * 1000) / n : Number.NaN)
  const twoInstances: Record<string, number> = {}
  if (second !== undefined) {
    const same = [...trackers[0]![0]!.samples, ...trackers[1]![1]!.samples]
    const cross = [...trackers[0]![1]!.samples, ...trackers[1]![0]!.samples]
    twoInstances.sameP50Ms = percentile(same, 50)
    twoInstances.sameP95Ms = percentile(same, 95)
    twoInstances.crossP50Ms = percentile(cross, 50)
    twoInstances.crossP95Ms = percentile(cross, 95)
    // An instance's CPU per update it delivered to its own clients.
    cpuMs.forEach((ms, i) => (twoInstances[`cpuPerDeliveredUs.${i}`] = perDelivered(ms, trackers[0]![i]!.delivered + trackers[1]![i]!.delivered)))
  }
  sides.forEach(([name], i) => (twoInstances[`sideCpuPerDeliveredUs.${name}`] = perDelivered(sidesMs[i]!, delivered)))
  return {
    figures: {
      ...twoInstances,
      deliveredPerSecond: delivered / seconds,
      latencyP50Ms: percentile(samples, 50),
      latencyP95Ms: percentile(samples, 95),
      latencyP99Ms: percentile(samples, 99),
      cpuPerDeliveredUs: perDelivered(serverCpuMs, delivered),
      serverCpuShare: serverCpuMs / measured.wallMs,
      cpuPerConnectionPerSecondUs: (serverCpuMs * 1000) / connections / seconds,
      rssFreshKiB: rssFresh,
      rssFreshCollectedKiB: rssFreshCollected,
      rssRoomsKiB: rssRooms,
      rssEndKiB: rssEnd,
      rssDuringMedianKiB: rssDuring.median,
      rssDuringMaxKiB: rssDuring.max,
      rssEndCollectedKiB: rssEndCollected,
      perConnectionHeldKiB: (rssEnd - base) / connections,
      perConnectionCollectedKiB: (rssEndCollected - rssFreshCollected) / connections,
      perClientBeyondRoomsHeldKiB: (rssEnd - rssRooms) / total,
      perRoomOpenHeldKiB: (rssRooms - base) / rooms.length,
      failures: syncFailures,
      unconvergedRooms: unconverged,
      othersCpuShare: measured.othersCpuShare,
      harnessCpuShare: measured.harnessCpuMs / measured.wallMs,
    },
    notes,
  }
}
