/**
 * @module Runs the peer scenarios: every run on a freshly started peer, each scenario repeated
 * with the peers' order rotated between repeats, every run bounded in time. Collects the figures
 * of every run for the report.
 */
import type { LoadResult } from './load/commands.ts'
import { LoadGenerator } from './LoadGenerator.ts'
import { PeerKind, PeerProcess } from './peers.ts'
import type { ScenarioSpec, SuiteConfig } from './scenarios.ts'
import { scenarios } from './scenarios.ts'

export interface RunRecord {
  readonly scenario: string
  readonly peer: PeerKind
  readonly repeat: number
  readonly result: LoadResult | null
  readonly error: string | null
  readonly wallMs: number
}

export interface SuiteResult {
  readonly specs: readonly ScenarioSpec[]
  readonly runs: readonly RunRecord[]
}

export interface SuiteOptions {
  /** Only scenarios whose id contains one of these (e.g. `fan-out`). */
  readonly only?: readonly string[]
  /** Only these peers (development: profiling one server). */
  readonly peers?: readonly PeerKind[]
  /** Repeats instead of the config's. */
  readonly repeats?: number
  /** Node flags for every server process, e.g. `--cpu-prof`. */
  readonly serverFlags?: readonly string[]
  /** Extra environment for Roundtable (development: trying a setting such as ROUNDTABLE_BROADCAST_MS). */
  readonly roundtableEnv?: Readonly<Record<string, string>>
  readonly log?: (line: string) => void
}

/** Rotates the peers so every peer takes every position once over three repeats. */
export function peerOrder<T>(peers: readonly T[], repeat: number): T[] {
  const n = peers.length
  return peers.map((_, i) => peers[(i + repeat) % n]!)
}

export async function runSuite(config: SuiteConfig, options: SuiteOptions = {}): Promise<SuiteResult> {
  const log = options.log ?? ((line: string) => console.error(line))
  const specs = scenarios(config).filter((s) => options.only === undefined || options.only.some((o) => s.id.includes(o)))
  const runs: RunRecord[] = []
  if (specs.length === 0) return { specs, runs }
  let load = new LoadGenerator()
  try {
    const seed = await captureTemplate(load)
    for (const spec of specs) {
      const repeats = spec.id === 'durability' ? spec.repeats : (options.repeats ?? spec.repeats)
      const peers = spec.peers.filter((p) => options.peers === undefined || options.peers.includes(p))
      for (let repeat = 0; repeat < repeats; repeat++) {
        for (const peer of peerOrder(peers, repeat)) {
          const started = performance.now()
          let result: LoadResult | null = null
          let error: string | null = null
          try {
            result =
              spec.id === 'durability'
                ? await runDurability(load, spec, config)
                : await runOnce(load, spec, peer, seed, options.serverFlags ?? [], options.roundtableEnv ?? {})
          } catch (err) {
            error = (err as Error).message
            // The generator may be stuck with a thousand sockets: start a new one.
            load.kill()
            load = new LoadGenerator()
          }
          const wallMs = performance.now() - started
          runs.push({ scenario: spec.id, peer, repeat, result, error, wallMs })
          log(`bench: ${spec.id} / ${peer} #${repeat + 1}: ${error === null ? 'done' : `FAILED: ${error.split('\n')[0]}`} (${(wallMs / 1000).toFixed(1)} s)`)
          for (const note of result?.notes ?? []) log(`  note: ${note}`)
        }
      }
    }
  } finally {
    await load.stop()
  }
  return { specs, runs }
}

/** One run: a fresh peer, its rooms, the load, then a clean stop and its files removed. */
async function runOnce(
  load: LoadGenerator,
  spec: ScenarioSpec,
  kind: PeerKind,
  template: Uint8Array,
  nodeFlags: readonly string[],
  roundtableEnv: Readonly<Record<string, string>>,
): Promise<LoadResult> {
  const env = { ...spec.env?.(kind), ...(kind === PeerKind.Roundtable ? roundtableEnv : {}) }
  const peer = await PeerProcess.start(kind, { nodeFlags, env })
  try {
    // Roundtable's workspaces hold their initial content already; the others get the same bytes.
    const command = await spec.command!(peer, kind === PeerKind.Roundtable ? undefined : template)
    const result = await load.run(command, spec.timeoutMs)
    return { ...result, notes: [...result.notes, ...serverNotes(peer)] }
  } finally {
    await peer.stop()
    peer.cleanup()
  }
}

/**
 * Roundtable's initial workspace content (default columns, a draft cycle, settings), fetched over
 * the wire once per sitting, so the other peers' rooms start with the same document.
 */
async function captureTemplate(load: LoadGenerator): Promise<Uint8Array> {
  const peer = await PeerProcess.start(PeerKind.Roundtable)
  try {
    const [room] = await peer.createRooms(1, 'template')
    const result = await load.run({ kind: 'capture', room: room! }, 30_000)
    if (result.bytes === undefined) throw new Error('capture returned nothing')
    return result.bytes
  } finally {
    await peer.stop()
    peer.cleanup()
  }
}

/** Durability: the load generator asks for each kill and restart; the peer lives across them. */
async function runDurability(load: LoadGenerator, spec: ScenarioSpec, config: SuiteConfig): Promise<LoadResult> {
  let peer = await PeerProcess.start(PeerKind.Roundtable)
  const peers = [peer]
  try {
    const [room] = await peer.createRooms(1, 'durability')
    const d = config.durability
    return await load.run(
      { kind: 'durability', serverPid: peer.pid, room: room!, kills: d.kills, writesPerSecond: d.writesPerSecond, killAfterMs: d.killAfterMs },
      spec.timeoutMs,
      async (request) => {
        if (request.kind === 'kill') {
          const killedAt = performance.timeOrigin + performance.now()
          await peer.kill()
          return { kind: 'killed', killedAt }
        }
        peer = await PeerProcess.start(PeerKind.Roundtable, { dataDir: peer.dataDir, port: peer.port })
        peers.push(peer)
        return { kind: 'restarted', serverPid: peer.pid }
      },
    )
  } finally {
    for (const p of peers) await p.stop()
    peer.cleanup()
  }
}

/** What the server logged that a reader of the figures should know (Roundtable's refusals). */
function serverNotes(peer: PeerProcess): string[] {
  const lines = peer.log().split('\n')
  const refused = lines.filter((l) => /closed a \w+ connection with/.test(l))
  const errors = lines.filter((l) => /error|failed/i.test(l) && !/closed a \w+ connection with/.test(l))
  const notes: string[] = []
  if (refused.length > 0) notes.push(`${peer.kind} refused ${refused.length} connection(s), e.g. ${refused[0]!.trim()}`)
  if (errors.length > 0) notes.push(`${peer.kind} logged ${errors.length} error line(s), e.g. ${errors[0]!.trim().slice(0, 200)}`)
  return notes
}
