/**
 * @module A development probe, not part of the suite: the throughput scenario against one peer,
 * then what the server keeps after a full GC, split by mapping ([heap] is malloc, [anon] mostly
 * V8's heap), and with SNAPSHOT=1 the JS objects kept per 1,000 updates, from two heap snapshots.
 *
 *   node --import tsx bench/probes/throughputProbe.ts roundtable
 */
import { retainedRssKiB, closeSessions } from '../load/collectGarbage.ts'
import { throughput } from '../load/throughput.ts'
import { PeerProcess } from '../peers.ts'
import type { PeerKind } from '../peers.ts'
import { THROUGHPUT_ENV } from '../scenarios.ts'
import { heapByName, heapGrowth } from './heapByName.ts'
import { rssByMapping } from './rssByMapping.ts'

const [kind = 'roundtable'] = process.argv.slice(2)
const extraEnv = Object.fromEntries((process.env.PEER_ENV ?? '').split(',').filter(Boolean).map((kv) => kv.split('=') as [string, string]))
const peer = await PeerProcess.start(kind as PeerKind, { env: { ...(kind === 'roundtable' ? THROUGHPUT_ENV : {}), ...extraEnv } })
try {
  const room = (await peer.createRooms(1, 'tp'))[0]!
  await retainedRssKiB(peer.pid, peer.inspectPort)
  const mappingsBefore = rssByMapping(peer.pid)
  const heapBefore = process.env.SNAPSHOT === '1' ? await heapByName(peer.inspectPort) : null
  const result = await throughput(
    { kind: 'throughput', serverPid: peer.pid, inspectPort: peer.inspectPort, seed: undefined, room, writers: 4, inFlight: 32, warmupMs: 2000, measureMs: 8000 },
    [],
  )
  const { updatesPerSecond, keptPerThousandKiB } = result.figures
  const writes = (updatesPerSecond! * 10)
  console.log(`${kind}: ${updatesPerSecond!.toFixed(0)} updates/s, kept ${keptPerThousandKiB!.toFixed(1)} KiB per 1,000 updates`)
  const mappingsAfter = rssByMapping(peer.pid)
  for (const [name, kib] of mappingsAfter) {
    const grown = kib - (mappingsBefore.get(name) ?? 0)
    if (Math.abs(grown) >= 100) console.log(`  ${name}: ${((grown * 1000) / writes).toFixed(0)} KiB per ~1,000 updates`)
  }
  if (heapBefore !== null) for (const line of heapGrowth(heapBefore, await heapByName(peer.inspectPort), writes / 1000)) console.log(`  ${line}`)
} finally {
  await closeSessions()
  await peer.stop()
  peer.cleanup()
}
