/**
 * @module A development probe, not part of the suite: where one peer allocates while R rooms of C
 * clients move a card a second. V8's sampling heap profiler runs over the inspector (opened by
 * SIGUSR1) for S seconds with the objects later collected included, so the figures are everything
 * allocated, garbage too, grouped by the function that allocated and by the project frame that
 * called it. Run with tsx:
 *
 *   node --import tsx bench/probes/allocProbe.ts roundtable 50 1 20 [K=V...]
 *
 * `K=V` go to the server's environment (NODE_OPTIONS=... for node flags). HEAPTRACK=FILE attaches
 * heaptrack to the server once its rooms are created (malloc's side: `heaptrack_print FILE.zst`,
 * its peak consumers are what VmRSS keeps as free memory after the peak).
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import WebSocket from 'ws'
import { BenchClient } from '../load/BenchClient.ts'
import { cardId, moveCard, prng } from '../load/board.ts'
import { closeAll, connectHolder, presence, sleep } from '../load/clients.ts'
import { closeSessions, collectGarbage } from '../load/collectGarbage.ts'
import { PeerProcess } from '../peers.ts'
import type { PeerKind } from '../peers.ts'
import { processCpuMs, processRssKiB } from '../proc.ts'

interface ProfileNode {
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number }
  readonly selfSize: number
  readonly children: readonly ProfileNode[]
}

const [kind = 'roundtable', roomCount = '50', perRoom = '1', secondsArg = '20', ...rest] = process.argv.slice(2)
const env = Object.fromEntries(rest.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
const rooms = Number(roomCount)
const seconds = Number(secondsArg)

/** One DevTools protocol call on an inspector session. */
async function call(ws: WebSocket, id: number, method: string, params: object = {}): Promise<unknown> {
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const reply = JSON.parse(data.toString()) as { id?: number; result?: unknown }
      if (reply.id !== id) return
      ws.off('message', onMessage)
      resolve(reply.result)
    }
    ws.on('message', onMessage)
    ws.send(JSON.stringify({ id, method, params }))
  })
}

function frame(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame
  return `${functionName || '(anonymous)'} ${url.replace(/^.*\/(node_modules\/)?/, '')}:${lineNumber + 1}`
}

/** Bytes by allocating frame, and by the nearest frame of the server's own code above it. */
function tally(root: ProfileNode): { self: Map<string, number>; caller: Map<string, number>; total: number } {
  const self = new Map<string, number>()
  const caller = new Map<string, number>()
  let total = 0
  const walk = (node: ProfileNode, ours: string) => {
    const own = /server\.mjs|\/server\/|\/shared\//.test(node.callFrame.url) ? frame(node) : ours
    if (node.selfSize > 0) {
      total += node.selfSize
      self.set(frame(node), (self.get(frame(node)) ?? 0) + node.selfSize)
      caller.set(own, (caller.get(own) ?? 0) + node.selfSize)
    }
    for (const child of node.children) walk(child, own)
  }
  walk(root, '(outside the server code)')
  return { self, caller, total }
}

const peer = await PeerProcess.start(kind as PeerKind, { env })
let heaptrack: ChildProcess | null = null
try {
  const addresses = await peer.createRooms(rooms, 'room')
  const heaptrackFile = process.env.HEAPTRACK
  if (heaptrackFile !== undefined) {
    heaptrack = spawn('heaptrack', ['-o', heaptrackFile, '-p', String(peer.pid)], { stdio: 'inherit' })
    await sleep(5000)
  }
  const random = prng(5)
  const holders: BenchClient[] = []
  for (const room of addresses) holders.push(await connectHolder(room, undefined, 40, random, 'P'))
  const clients: BenchClient[] = []
  for (let i = 0; i < rooms * Number(perRoom); i++) clients.push(new BenchClient(addresses[i % rooms]!, { presence: presence(i), syncTimeoutMs: 30_000 }))
  await Promise.allSettled(clients.map((c) => c.synced))
  const cards = Array.from({ length: 40 }, (_, n) => cardId('P', n))
  let moves = 0
  const timer = setInterval(() => {
    for (const c of clients) {
      if (random() >= 0.1) continue
      moveCard(c.doc, cards[Math.floor(random() * cards.length)]!, random, Date.now())
      moves++
    }
  }, 100)
  await sleep(5000)
  await collectGarbage(peer.pid, peer.inspectPort) // opens the inspector
  const targets = (await (await fetch(`http://127.0.0.1:${peer.inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[]
  const ws = new WebSocket(targets[0]!.webSocketDebuggerUrl, { perMessageDeflate: false, maxPayload: 2 ** 30 })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const movesBefore = moves
  const cpuBefore = processCpuMs(peer.pid)
  const rssBefore = processRssKiB(peer.pid)
  await call(ws, 1, 'HeapProfiler.enable')
  await call(ws, 2, 'HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true })
  await sleep(seconds * 1000)
  const { profile } = (await call(ws, 3, 'HeapProfiler.stopSampling')) as { profile: { head: ProfileNode } }
  const cpu = processCpuMs(peer.pid) - cpuBefore
  const made = moves - movesBefore
  clearInterval(timer)
  ws.close()
  const { self, caller, total } = tally(profile.head)
  console.log(`${kind}: ${rooms} rooms x (1 holder + ${perRoom}), ${seconds} s sampled: ${made} moves, ${(total / 1024).toFixed(0)} KiB allocated (${(total / made).toFixed(0)} B per move), CPU ${(cpu / made).toFixed(2)} ms per move, VmRSS ${rssBefore} -> ${processRssKiB(peer.pid)} KiB`)
  for (const [title, map] of [['allocating frame', self], ['nearest server frame', caller]] as const) {
    console.log(`  by ${title}:`)
    for (const [name, bytes] of [...map].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`    ${(bytes / made).toFixed(0).padStart(6)} B/move  ${name}`)
  }
  closeAll([...clients, ...holders])
} finally {
  await closeSessions()
  await peer.stop()
  if (heaptrack !== null) await new Promise((resolve) => heaptrack!.once('exit', resolve))
  peer.cleanup()
}
