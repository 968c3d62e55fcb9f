/**
 * @module A development probe, not part of the suite: one peer, one room of C clients moving a card
 * once a second each (as in fan-out), for S seconds in 5-second phases. Prints per phase the moves,
 * the frames the clients received and the server's CPU per frame and per delivered update, so a
 * setting can be tried against the steady state in a minute. Run with tsx:
 *
 *   node --import tsx bench/probes/fanOutProbe.ts roundtable 50 20 ROUNDTABLE_BROADCAST_MS=200
 *   NODE_FLAGS="--trace-gc" node --import tsx bench/probes/fanOutProbe.ts reference 50 20
 *
 * Arguments: peer (roundtable, reference, hocuspocus), clients (50), seconds (20), then K=V
 * settings for the server's environment. NODE_FLAGS: node flags for the server, space-separated;
 * SERVER_LOG: a file to copy the server's output into (its traces) before its files are removed.
 */
import { writeFileSync } from 'node:fs'
import { cardId, moveCard, prng } from '../load/board.ts'
import { closeAll, connectGradually, connectHolder, presence, sleep, waitQuiet } from '../load/clients.ts'
import { PeerProcess } from '../peers.ts'
import type { PeerKind } from '../peers.ts'
import { processCpuMs } from '../proc.ts'

const CARDS = 40
const PHASE_MS = 5_000

const [kind = 'roundtable', clientCount = '50', seconds = '20', ...settings] = process.argv.slice(2)
const env = Object.fromEntries(settings.map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
const nodeFlags = process.env.NODE_FLAGS?.split(' ').filter((f) => f !== '') ?? []

const peer = await PeerProcess.start(kind as PeerKind, { env, nodeFlags })
try {
  const [room] = await peer.createRooms(1, 'probe')
  const random = prng(1)
  const holder = await connectHolder(room!, undefined, CARDS, random, 'F')
  const clients = await connectGradually([room!], Number(clientCount), (i) => ({ presence: presence(i), syncTimeoutMs: 30_000 }))
  await waitQuiet([...clients, holder], 300, 5_000)
  const ids = Array.from({ length: CARDS }, (_, n) => cardId('F', n))
  let moves = 0
  const timers = clients.map((client, i) =>
    setTimeout(() => {
      timers[i] = setInterval(() => {
        if (moveCard(client.doc, ids[Math.floor(random() * CARDS)]!, random, Date.now())) moves++
      }, 1_000)
    }, random() * 1_000),
  )
  const framesIn = () => clients.reduce((sum, c) => sum + c.framesIn, 0)
  const bytesIn = () => clients.reduce((sum, c) => sum + c.bytesIn, 0)
  for (let phase = 0; phase < Math.max(1, Math.floor(Number(seconds) / (PHASE_MS / 1000))); phase++) {
    const [frames0, bytes0, moves0, cpu0] = [framesIn(), bytesIn(), moves, processCpuMs(peer.pid)]
    await sleep(PHASE_MS)
    const frames = framesIn() - frames0
    const cpuMs = processCpuMs(peer.pid) - cpu0
    const moved = moves - moves0
    const s = PHASE_MS / 1000
    console.log(
      `${kind} ${phase === 0 ? 'warm-up' : 'steady '}: moves/s ${(moved / s).toFixed(0)}, frames/s ${(frames / s).toFixed(0)}, ` +
        `bytes/frame ${((bytesIn() - bytes0) / Math.max(1, frames)).toFixed(0)}, server CPU ${(cpuMs / s).toFixed(1)} ms/s, ` +
        `${((cpuMs * 1000) / Math.max(1, frames)).toFixed(1)} µs/frame, ${((cpuMs * 1000) / Math.max(1, moved * clients.length)).toFixed(1)} µs/delivered update`,
    )
  }
  for (const t of timers) clearInterval(t)
  closeAll([...clients, holder])
} finally {
  await peer.stop()
  if (process.env.SERVER_LOG !== undefined) writeFileSync(process.env.SERVER_LOG, peer.log())
  peer.cleanup()
}
