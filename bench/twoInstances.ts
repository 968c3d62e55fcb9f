/**
 * @module `npm run bench -- --only=two-instance` (issue 18): two Roundtable instances on one
 * throwaway redis-server (REDIS_URL) and PostgreSQL (DATABASE_URL), each room's stock providers
 * split across both, beside one instance with lowdb (DATA_DIR) on the same load, alternating.
 * Server CPU per delivered update summed over both and per instance (an instance's CPU over the
 * updates it delivered to its own clients), redis-server's and PostgreSQL's CPU apart, and the
 * latency of an edit seen on the same instance and on the other one.
 */
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { findPostgres } from '../test/helpers/postgres.ts'
import { findRedisServer } from '../test/helpers/redisServer.ts'
import { startCluster } from '../test/helpers/instances.ts'
import type { RoomAddress } from './load/BenchClient.ts'
import { Framing } from './load/BenchClient.ts'
import type { HeldCommand, LoadResult } from './load/commands.ts'
import { LoadGenerator } from './LoadGenerator.ts'
import { PeerKind, PeerProcess } from './peers.ts'
import { findProcess } from './proc.ts'
import { cell } from './report.ts'
import type { GoalOutcome } from './report.ts'
import { FULL, QUICK } from './scenarios.ts'
import type { SuiteConfig } from './scenarios.ts'
import { summarize } from './stats.ts'

export const TWO_INSTANCE_SCENARIO = 'two-instance'

/** The two-instance goals: the relay's CPU per instance, and cross-instance latency. */
const MAX_RELAY_CPU_RATIO = 1.3
const MAX_CROSS_P50_RATIO = 2

type Mode = 'single' | 'pair'

interface Run {
  readonly mode: Mode
  readonly rooms: number
  readonly clients: number
  readonly result: LoadResult | null
  readonly error: string | null
}

async function createRooms(url: string, count: number): Promise<{ id: string; token: string }[]> {
  const out: { id: string; token: string }[] = []
  for (let i = 0; i < count; i++) {
    const response = await fetch(`${url}/api/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: `pair-${i}` }),
    })
    if (response.status !== 201) throw new Error(`POST /api/workspaces answered ${response.status}`)
    const body = (await response.json()) as { id: string; tokens: { editor: string } }
    out.push({ id: body.id, token: body.tokens.editor })
  }
  return out
}

const address = (url: string, room: { id: string; token: string }): RoomAddress => ({
  url: `${url.replace(/^http/, 'ws')}/sync/${room.id}?token=${encodeURIComponent(room.token)}`,
  docName: room.id,
  framing: Framing.YWebsocket,
})

function command(config: SuiteConfig, rooms: number, clients: number): Omit<HeldCommand, 'serverPid' | 'inspectPort' | 'rooms'> {
  const h = config.held
  return {
    kind: 'held',
    seed: undefined,
    clientsPerRoom: clients,
    cardsPerRoom: h.cardsPerRoom,
    moveIntervalMs: h.moveIntervalMs,
    warmupMs: h.warmupMs,
    measureMs: h.measureMs,
    collectAfterConnect: false,
  }
}

async function runSingle(load: LoadGenerator, config: SuiteConfig, rooms: number, clients: number): Promise<LoadResult> {
  const peer = await PeerProcess.start(PeerKind.Roundtable)
  try {
    const addresses = await peer.createRooms(rooms, 'pair')
    return await load.run({ ...command(config, rooms, clients), serverPid: peer.pid, inspectPort: 0, rooms: addresses }, 300_000)
  } finally {
    await peer.stop()
    peer.cleanup()
  }
}

async function runPair(load: LoadGenerator, config: SuiteConfig, rooms: number, clients: number): Promise<LoadResult> {
  const cluster = await startCluster()
  try {
    const [a, b] = [await cluster.start(), await cluster.start()]
    const created = await createRooms(a.url, rooms)
    const redisPort = new URL(cluster.redis.url).port
    const postgresPort = new URL(cluster.databaseUrl).port
    const redis = findProcess(['redis-server', `:${redisPort}`])
    const postgres = findProcess(['postgres', `-p ${postgresPort}`])
    const sides: Record<string, number> = {}
    if (redis !== null) sides.redis = redis
    if (postgres !== null) sides.postgres = postgres
    return await load.run(
      {
        ...command(config, rooms, clients),
        serverPid: a.child.pid!,
        inspectPort: 0,
        rooms: created.map((r) => address(a.url, r)),
        second: { rooms: created.map((r) => address(b.url, r)), serverPid: b.child.pid! },
        sides,
      },
      300_000,
    )
  } finally {
    await cluster.dispose()
  }
}

export interface TwoInstanceSection {
  readonly markdown: string
  readonly goals: readonly GoalOutcome[]
}

/** Runs the section: its Markdown and goals (none when redis-server or PostgreSQL is missing, said in the text). */
export async function benchTwoInstances(config: SuiteConfig): Promise<TwoInstanceSection> {
  if (findRedisServer() === null || findPostgres() === null) {
    return { markdown: '### two instances (Redis + PostgreSQL)\n\nNot run: redis-server or PostgreSQL (initdb, postgres) is not installed.\n', goals: [] }
  }
  const loadBefore = loadavg().map((l) => l.toFixed(2)).join(' ')
  const runs: Run[] = []
  let load = new LoadGenerator()
  try {
    for (const [rooms, clients] of config.twoInstances.shapes) {
      for (let repeat = 0; repeat < config.twoInstances.repeats; repeat++) {
        const order: Mode[] = repeat % 2 === 0 ? ['single', 'pair'] : ['pair', 'single']
        for (const mode of order) {
          const started = performance.now()
          try {
            const result = mode === 'single' ? await runSingle(load, config, rooms, clients) : await runPair(load, config, rooms, clients)
            runs.push({ mode, rooms, clients, result, error: null })
          } catch (err) {
            runs.push({ mode, rooms, clients, result: null, error: (err as Error).message.split('\n')[0]! })
            load.kill()
            load = new LoadGenerator()
          }
          const last = runs.at(-1)!
          console.error(`bench: two-instance ${rooms}x${clients} / ${mode} #${repeat + 1}: ${last.error ?? 'done'} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
          for (const note of last.result?.notes ?? []) console.error(`  note: ${note}`)
        }
      }
    }
  } finally {
    await load.stop()
  }
  return report(config, runs, loadBefore)
}

function report(config: SuiteConfig, runs: readonly Run[], loadBefore: string): TwoInstanceSection {
  const goals: GoalOutcome[] = []
  const h = config.held
  const lines = [
    '### two instances (Redis + PostgreSQL) beside one instance (lowdb)',
    '',
    `Each room's stock y-websocket providers alternate between instance A and instance B (holders on A), a move per client per ` +
      `${h.moveIntervalMs / 1000} s, ${h.warmupMs / 1000} s warm-up, ${h.measureMs / 1000} s measured; the single instance takes the same load, ` +
      `the two set-ups alternating, ${config.twoInstances.repeats} run(s) each. Per instance: its CPU over the updates it delivered to its own ` +
      `clients. Same instance / cross instance: moves seen by a client of the writer's instance / of the other one. ` +
      `Load average ${loadBefore} at the start, ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end.`,
    '',
  ]
  for (const [rooms, clients] of config.twoInstances.shapes) {
    const values = (mode: Mode, key: string) =>
      runs.filter((r) => r.mode === mode && r.rooms === rooms && r.clients === clients && r.result !== null).map((r) => r.result!.figures[key] ?? Number.NaN)
    const of = (mode: Mode, key: string) => summarize(values(mode, key))
    const single = of('single', 'cpuPerDeliveredUs')
    const perInstance = summarize([...values('pair', 'cpuPerDeliveredUs.0'), ...values('pair', 'cpuPerDeliveredUs.1')])
    const singleP50 = of('single', 'latencyP50Ms')
    const crossP50 = of('pair', 'crossP50Ms')
    const cpuRatio = perInstance.median / single.median
    const latencyRatio = crossP50.median / singleP50.median
    const verdict = (r: number, max: number) => (Number.isFinite(r) ? `${r <= max ? 'met' : '**missed**'}: ${r.toFixed(2)}x (goal <= ${max})` : '?')
    const goal = (text: string, r: number, max: number) =>
      goals.push({ scenario: `two instances ${rooms}x${clients}`, text, met: Number.isFinite(r) ? r <= max : null, detail: Number.isFinite(r) ? `${r.toFixed(2)}x (goal <= ${max})` : 'not measured' })
    goal(`relay: CPU per delivered update per instance <= ${MAX_RELAY_CPU_RATIO}x one lowdb instance`, cpuRatio, MAX_RELAY_CPU_RATIO)
    goal(`cross-instance latency p50 <= ${MAX_CROSS_P50_RATIO}x one instance's p50`, latencyRatio, MAX_CROSS_P50_RATIO)
    lines.push(
      `#### ${rooms} rooms x ${clients} clients`,
      '',
      '| figure | one instance, lowdb | two instances, Redis + PostgreSQL | ratio | goal |',
      '| --- | ---: | ---: | ---: | ---: |',
      `| delivered updates/s | ${cell(of('single', 'deliveredPerSecond'), 0)} | ${cell(of('pair', 'deliveredPerSecond'), 0)} | | |`,
      `| server CPU per delivered update, all instances (µs) | ${cell(single, 1)} | ${cell(of('pair', 'cpuPerDeliveredUs'), 1)} | ${(of('pair', 'cpuPerDeliveredUs').median / single.median).toFixed(2)} | |`,
      `| server CPU per delivered update, per instance (µs, both instances' runs) | ${cell(single, 1)} | ${cell(perInstance, 1)} | ${cpuRatio.toFixed(2)} | ${verdict(cpuRatio, MAX_RELAY_CPU_RATIO)} |`,
      `| redis-server CPU per delivered update (µs) | – | ${cell(of('pair', 'sideCpuPerDeliveredUs.redis'), 1)} | | |`,
      `| PostgreSQL CPU per delivered update (µs, postmaster and backends) | – | ${cell(of('pair', 'sideCpuPerDeliveredUs.postgres'), 1)} | | |`,
      `| latency p50, all moves (ms) | ${cell(singleP50, 1)} | ${cell(of('pair', 'latencyP50Ms'), 1)} | | |`,
      `| latency p95, all moves (ms) | ${cell(of('single', 'latencyP95Ms'), 1)} | ${cell(of('pair', 'latencyP95Ms'), 1)} | | |`,
      `| latency p50, same instance (ms) | – | ${cell(of('pair', 'sameP50Ms'), 1)} | | |`,
      `| latency p50, cross instance (ms) | ${cell(singleP50, 1)} | ${cell(crossP50, 1)} | ${latencyRatio.toFixed(2)} | ${verdict(latencyRatio, MAX_CROSS_P50_RATIO)} |`,
      `| latency p95, same instance (ms) | – | ${cell(of('pair', 'sameP95Ms'), 1)} | | |`,
      `| latency p95, cross instance (ms) | ${cell(of('single', 'latencyP95Ms'), 1)} | ${cell(of('pair', 'crossP95Ms'), 1)} | | |`,
      `| failed connections (worst run) | ${fmtWorst(of('single', 'failures'))} | ${fmtWorst(of('pair', 'failures'))} | | |`,
      `| rooms not converged (worst run) | ${fmtWorst(of('single', 'unconvergedRooms'))} | ${fmtWorst(of('pair', 'unconvergedRooms'))} | | |`,
      '',
    )
    for (const run of runs.filter((r) => r.error !== null && r.rooms === rooms && r.clients === clients)) lines.push(`- a ${run.mode} run failed: ${run.error}`)
    lines.push('')
  }
  return { markdown: lines.join('\n'), goals }
}

function fmtWorst(s: ReturnType<typeof summarize>): string {
  return s.n === 0 ? '–' : String(s.max)
}

// `node --import tsx bench/twoInstances.ts [--quick]`: this section alone.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log((await benchTwoInstances(process.argv.includes('--quick') ? QUICK : FULL)).markdown)
}
