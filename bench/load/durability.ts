/**
 * @module Durability (Roundtable only): a writer writes at a steady rate, the orchestrator kills
 * the server with SIGKILL and restarts it on the same DATA_DIR, and a fresh client reads what
 * survived. The figure is the age, at the kill, of the oldest write that was lost. Times are
 * epoch milliseconds (`timeOrigin + now`) because the kill happens in another process.
 */
import { BenchClient } from './BenchClient.ts'
import { prng } from './board.ts'
import { sleep } from './clients.ts'
import type { DurabilityCommand, DurabilityReply, DurabilityRequest, LoadResult } from './commands.ts'

const MAP = 'benchDurability'

export type AskParent = (request: DurabilityRequest) => Promise<DurabilityReply>

function epochNow(): number {
  return performance.timeOrigin + performance.now()
}

export async function durability(command: DurabilityCommand, ask: AskParent): Promise<LoadResult> {
  const random = prng(5)
  const notes: string[] = []
  const ages: number[] = []
  const lostCounts: number[] = []
  const written: number[] = []
  for (let kill = 0; kill < command.kills; kill++) {
    const writer = new BenchClient(command.room, { syncTimeoutMs: 30_000 })
    await writer.synced
    const map = writer.doc.getMap<number>(MAP)
    const sent: number[] = []
    const interval = 1000 / command.writesPerSecond
    const [from, to] = command.killAfterMs
    const runFor = from + random() * (to - from)
    // A steady rate: each write is due at start + n * interval, whatever the timer's drift.
    const start = performance.now()
    let killedAt = Number.NaN
    const writing = (async () => {
      for (let n = 0; Number.isNaN(killedAt) && n < 1_000_000; n++) {
        const due = start + n * interval
        const wait = due - performance.now()
        if (wait > 0) await sleep(wait)
        if (!Number.isNaN(killedAt) || !writer.open) break
        sent.push(epochNow())
        map.set(`k${kill}-${n}`, n)
      }
    })()
    await sleep(runFor)
    const killed = await ask({ kind: 'kill' })
    if (killed.kind !== 'killed') throw new Error(`expected killed, got ${killed.kind}`)
    killedAt = killed.killedAt
    await writing
    writer.terminate()
    const restarted = await ask({ kind: 'restart' })
    if (restarted.kind !== 'restarted') throw new Error(`expected restarted, got ${restarted.kind}`)

    const reader = new BenchClient(command.room, { syncTimeoutMs: 30_000 })
    try {
      await reader.synced
      const stored = reader.doc.getMap<number>(MAP)
      let oldestLost = Number.NaN
      let lost = 0
      for (let n = 0; n < sent.length; n++) {
        if (sent[n]! > killedAt) break
        if (!stored.has(`k${kill}-${n}`)) {
          lost++
          if (Number.isNaN(oldestLost)) oldestLost = killedAt - sent[n]!
        }
      }
      ages.push(Number.isNaN(oldestLost) ? 0 : oldestLost)
      lostCounts.push(lost)
      written.push(sent.filter((t) => t <= killedAt).length)
    } catch (err) {
      notes.push(`kill ${kill}: the restarted server did not sync: ${(err as Error).message}`)
      ages.push(Number.POSITIVE_INFINITY)
    } finally {
      reader.close()
    }
    await sleep(100)
  }
  return {
    figures: {
      kills: command.kills,
      maxOldestLostAgeMs: Math.max(...ages),
      // Each kill's oldest lost write, for the table's median and range.
      ...Object.fromEntries(ages.map((age, i) => [`oldestLostAgeMs.${i}`, age])),
      lostWritesTotal: lostCounts.reduce((a, b) => a + b, 0),
      writesBeforeKills: written.reduce((a, b) => a + b, 0),
    },
    notes,
  }
}
