/**
 * @module A development probe, not part of the suite: N clients open their sockets at once into R
 * rooms of one peer (as in the storm scenario), then prints the retained memory per connection
 * after a full GC, split by mapping ([heap] is malloc, [anon] mostly V8's heap), and with SNAPSHOT=1
 * the JS objects a connection keeps, from two heap snapshots. Run with tsx:
 *
 *   node --import tsx bench/probes/stormProbe.ts roundtable 1000 50
 *   SNAPSHOT=1 node --import tsx bench/probes/stormProbe.ts reference 1000 50
 *
 * The RSS figure counts the first snapshot's own memory when SNAPSHOT=1: read the objects then.
 */
import { BenchClient } from '../load/BenchClient.ts'
import { prng } from '../load/board.ts'
import { closeAll, connectHolder, presence, sleep, waitQuiet } from '../load/clients.ts'
import { closeSessions, retainedRssKiB } from '../load/collectGarbage.ts'
import { PeerProcess } from '../peers.ts'
import type { PeerKind } from '../peers.ts'
import { heapByName, heapGrowth } from './heapByName.ts'
import { rssByMapping } from './rssByMapping.ts'

const [kind = 'roundtable', clientCount = '1000', roomCount = '50'] = process.argv.slice(2)
const count = Number(clientCount)

const peer = await PeerProcess.start(kind as PeerKind)
try {
  const rooms = await peer.createRooms(Number(roomCount), 'storm')
  const random = prng(2)
  const holders: BenchClient[] = []
  for (const room of rooms) holders.push(await connectHolder(room, undefined, 10, random, 'S'))
  await sleep(500)
  const rssBefore = await retainedRssKiB(peer.pid, peer.inspectPort)
  const mappingsBefore = rssByMapping(peer.pid)
  const heapBefore = process.env.SNAPSHOT === '1' ? await heapByName(peer.inspectPort) : null
  const clients = Array.from({ length: count }, (_, i) => new BenchClient(rooms[i % rooms.length]!, { presence: presence(i), syncTimeoutMs: 30_000 }))
  await Promise.allSettled(clients.map((c) => c.synced))
  await waitQuiet([...clients, ...holders], 500, 20_000)
  const rssAfter = await retainedRssKiB(peer.pid, peer.inspectPort)
  const mappingsAfter = rssByMapping(peer.pid)
  console.log(`${kind}: ${((rssAfter - rssBefore) / count).toFixed(1)} KiB per connection (VmRSS ${rssBefore} -> ${rssAfter} KiB)`)
  for (const [name, kib] of mappingsAfter) {
    const grown = kib - (mappingsBefore.get(name) ?? 0)
    if (Math.abs(grown) >= 100) console.log(`  ${name}: ${((grown * 1024) / count).toFixed(0)} B per connection`)
  }
  if (heapBefore !== null) for (const line of heapGrowth(heapBefore, await heapByName(peer.inspectPort, process.env.SNAPSHOT_FILE), count)) console.log(`  ${line}`)
  closeAll([...clients, ...holders])
} finally {
  await closeSessions()
  await peer.stop()
  peer.cleanup()
}
