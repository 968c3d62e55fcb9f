/**
 * @module Cross-instance latency (issue 18): how long an edit on instance A takes to reach a client
 * of instance B through the Redis relay, beside a client of A itself. Two real server processes on
 * one throwaway Redis and PostgreSQL (test/helpers/instances.ts), stock y-websocket clients in this
 * process. One edit at a time, each after the previous one reached both readers and a gap longer
 * than the broadcast window (50 ms), so every edit leaves its server at once: the figures are the
 * relay's hop, not the window's coalescing.
 *
 *   node --import tsx bench/crossInstance.ts [--edits=300] [--gap-ms=60]
 *
 * `crossInstanceLatency` is what `npm run bench` calls for its two-instance section.
 */
import { loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { createObjective } from '../shared/doc/index.ts'
import { startCluster } from '../test/helpers/instances.ts'
import { connectClient } from '../test/helpers/syncClient.ts'
import { waitFor } from '../test/helpers/waitFor.ts'
import { percentile } from './stats.ts'

export interface LatencyFigures {
  readonly edits: number
  readonly gapMs: number
  /** Edit on A to its arrival at another client of A, ms. */
  readonly sameInstance: { readonly p50: number; readonly p95: number; readonly max: number }
  /** Edit on A to its arrival at a client of B (through Redis), ms. */
  readonly crossInstance: { readonly p50: number; readonly p95: number; readonly max: number }
  /** 1-minute load average before and after. */
  readonly load: readonly [number, number]
}

export async function crossInstanceLatency(edits = 300, gapMs = 60): Promise<LatencyFigures> {
  const loadBefore = loadavg()[0]!
  const cluster = await startCluster()
  const clients: Array<ReturnType<typeof connectClient>> = []
  try {
    const [a, b] = [await cluster.start(), await cluster.start()]
    const res = await fetch(`${a.url}/api/workspaces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"Latency"}' })
    const w = (await res.json()) as { id: string; tokens: { editor: string } }
    const writer = connectClient(a.url, w.id, w.tokens.editor)
    const sameReader = connectClient(a.url, w.id, w.tokens.editor)
    const crossReader = connectClient(b.url, w.id, w.tokens.editor)
    clients.push(writer, sameReader, crossReader)
    await Promise.all(clients.map((c) => c.synced()))
    const cycleId = [...writer.snap().cycles.keys()][0]!
    // The first document update a reader gets after an edit is that edit: nobody else writes.
    let sentAt = 0
    let same = Number.NaN
    let cross = Number.NaN
    sameReader.doc.on('update', () => void (Number.isNaN(same) && (same = performance.now() - sentAt)))
    crossReader.doc.on('update', () => void (Number.isNaN(cross) && (cross = performance.now() - sentAt)))
    const sameMs: number[] = []
    const crossMs: number[] = []
    for (let i = 0; i < edits; i++) {
      await new Promise((resolve) => setTimeout(resolve, gapMs))
      same = Number.NaN
      cross = Number.NaN
      sentAt = performance.now()
      createObjective(writer.s, { cycleId, title: `Edit ${i}` })
      await waitFor(() => !Number.isNaN(same) && !Number.isNaN(cross), `edit ${i} on both readers`, 10_000)
      sameMs.push(same)
      crossMs.push(cross)
    }
    const figures = (values: number[]) => ({ p50: percentile(values, 50), p95: percentile(values, 95), max: Math.max(...values) })
    return { edits, gapMs, sameInstance: figures(sameMs), crossInstance: figures(crossMs), load: [loadBefore, loadavg()[0]!] }
  } finally {
    for (const c of clients) c.destroy()
    await cluster.dispose()
  }
}

/** The figures as a Markdown table. */
export function latencyTable(f: LatencyFigures): string {
  const row = (name: string, x: LatencyFigures['sameInstance']) => `| ${name} | ${x.p50.toFixed(1)} | ${x.p95.toFixed(1)} | ${x.max.toFixed(1)} |`
  return [
    `Edit on instance A seen by a client, ${f.edits} edits one at a time, ${f.gapMs} ms apart (load ${f.load[0].toFixed(2)} -> ${f.load[1].toFixed(2)}):`,
    '',
    '| reader | p50 ms | p95 ms | max ms |',
    '| --- | ---: | ---: | ---: |',
    row('same instance (A)', f.sameInstance),
    row('other instance (B, through Redis)', f.crossInstance),
  ].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback)
  const figures = await crossInstanceLatency(arg('edits', 300), arg('gap-ms', 60))
  console.log(latencyTable(figures))
  process.exit(0)
}
