/**
 * @module A development probe, not part of the suite: what a room costs one peer. R rooms, each
 * with its holder and C clients moving a card a second for S seconds, then the JS objects the rooms
 * keep (two heap snapshots: fresh server and now, divided by R), the memory by mapping, open files
 * and VmRSS as held and after a forced GC. Run with tsx:
 *
 *   node --import tsx bench/probes/roomProbe.ts roundtable 50 10 20
 *
 * `K=V` arguments after those go to the server's environment (e.g. ROUNDTABLE_BROADCAST_MS=50).
 * TRIM=1 then asks glibc to give back the free memory of its heaps (malloc_trim(0) through gdb):
 * what comes back was free memory held by malloc, not anything a room keeps alive.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { BenchClient } from '../load/BenchClient.ts'
import { cardId, moveCard, prng } from '../load/board.ts'
import { closeAll, connectHolder, presence, sleep } from '../load/clients.ts'
import { closeSessions, collectGarbage, retainedRssKiB } from '../load/collectGarbage.ts'
import { PeerProcess } from '../peers.ts'
import type { PeerKind } from '../peers.ts'
import { processRssKiB } from '../proc.ts'
import { heapByName, heapGrowth } from './heapByName.ts'
import { rssByMapping } from './rssByMapping.ts'

const [kind = 'roundtable', roomCount = '50', perRoom = '10', secondsArg = '20', ...rest] = process.argv.slice(2)
const env = Object.fromEntries(rest.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
const rooms = Number(roomCount)
const seconds = Number(secondsArg)

const peer = await PeerProcess.start(kind as PeerKind, { env })
try {
  const addresses = await peer.createRooms(rooms, 'room')
  await sleep(1000)
  const freshHeld = processRssKiB(peer.pid)
  const freshKept = await retainedRssKiB(peer.pid, peer.inspectPort)
  const mappingsBefore = rssByMapping(peer.pid)
  const heapBefore = await heapByName(peer.inspectPort)
  const random = prng(5)
  const holders: BenchClient[] = []
  for (const room of addresses) holders.push(await connectHolder(room, undefined, 40, random, 'P'))
  const clients: BenchClient[] = []
  for (let i = 0; i < rooms * Number(perRoom); i++) clients.push(new BenchClient(addresses[i % rooms]!, { presence: presence(i), syncTimeoutMs: 30_000 }))
  await Promise.allSettled(clients.map((c) => c.synced))
  const cards = Array.from({ length: 40 }, (_, n) => cardId('P', n))
  const timer = setInterval(() => {
    for (const c of clients) if (random() < 0.1) moveCard(c.doc, cards[Math.floor(random() * cards.length)]!, random, Date.now())
  }, 100)
  await sleep(seconds * 1000)
  clearInterval(timer)
  await sleep(500)
  const held = processRssKiB(peer.pid)
  const kept = await retainedRssKiB(peer.pid, peer.inspectPort)
  const connections = clients.length + holders.length
  console.log(`${kind}: ${rooms} rooms x (1 holder + ${perRoom} clients), ${seconds} s of moves`)
  console.log(`  VmRSS fresh ${freshHeld} KiB held / ${freshKept} kept; now ${held} held / ${kept} kept`)
  console.log(`  per room (connections included): ${((held - freshHeld) / rooms).toFixed(0)} KiB held, ${((kept - freshKept) / rooms).toFixed(0)} KiB kept; per connection ${((kept - freshKept) / connections).toFixed(1)} KiB kept`)
  for (const [name, kib] of rssByMapping(peer.pid)) {
    const grown = kib - (mappingsBefore.get(name) ?? 0)
    if (Math.abs(grown) >= 100) console.log(`  ${name}: ${(grown / rooms).toFixed(1)} KiB per room`)
  }
  if (process.env.TRIM === '1') {
    execFileSync('gdb', ['-p', String(peer.pid), '-batch', '-ex', 'call (int)malloc_trim(0)'], { stdio: 'ignore' })
    const trimmed = processRssKiB(peer.pid)
    const heap = rssByMapping(peer.pid).get('[heap]') ?? 0
    console.log(`  after malloc_trim(0): VmRSS ${trimmed} KiB (${((trimmed - freshKept) / rooms).toFixed(0)} KiB per room over the fresh server), [heap] ${((heap - (mappingsBefore.get('[heap]') ?? 0)) / rooms).toFixed(1)} KiB per room`)
  }
  try {
    console.log(`  open files: ${readdirSync(`/proc/${peer.pid}/fd`).length}`)
  } catch {
    // Not ours to read.
  }
  await collectGarbage(peer.pid, peer.inspectPort)
  for (const line of heapGrowth(heapBefore, await heapByName(peer.inspectPort, process.env.SNAPSHOT_FILE), rooms, 30)) console.log(`  ${line}`)
  closeAll([...clients, ...holders])
} finally {
  await closeSessions()
  await peer.stop()
  peer.cleanup()
}
