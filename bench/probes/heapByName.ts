/**
 * @module A heap snapshot of another process over its inspector (opened by SIGUSR1, see
 * load/collectGarbage.ts), summed by node type and constructor name, and the difference of two
 * such summaries per connection: which objects a connection keeps alive.
 */
import { writeFileSync } from 'node:fs'
import WebSocket from 'ws'

export interface HeapEntry {
  readonly bytes: number
  readonly count: number
}

/** Self sizes by `type:name` (strings summed under their type alone). */
export async function heapByName(inspectPort: number, saveTo?: string): Promise<Map<string, HeapEntry>> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[]
  const url = targets[0]?.webSocketDebuggerUrl
  if (url === undefined) throw new Error(`no inspector target on port ${inspectPort}`)
  const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 2 ** 30 })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  const chunks: string[] = []
  await new Promise<void>((resolve) => {
    ws.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString()) as { id?: number; method?: string; params?: { chunk: string } }
      if (message.method === 'HeapProfiler.addHeapSnapshotChunk') chunks.push(message.params!.chunk)
      if (message.id === 1) resolve()
    })
    ws.send(JSON.stringify({ id: 1, method: 'HeapProfiler.takeHeapSnapshot', params: { reportProgress: false } }))
  })
  ws.close()
  const json = chunks.join('')
  if (saveTo !== undefined) writeFileSync(saveTo, json)
  return summarize(JSON.parse(json) as HeapSnapshot)
}

interface HeapSnapshot {
  readonly snapshot: { readonly meta: { readonly node_fields: string[]; readonly node_types: [string[], ...unknown[]] } }
  readonly nodes: number[]
  readonly strings: string[]
}

function summarize(snapshot: HeapSnapshot): Map<string, HeapEntry> {
  const fields = snapshot.snapshot.meta.node_fields
  const types = snapshot.snapshot.meta.node_types[0]
  const [typeAt, nameAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('name'), fields.indexOf('self_size')]
  const out = new Map<string, HeapEntry>()
  const { nodes, strings } = snapshot
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]!]!
    const name = type.includes('string') ? '' : strings[nodes[i + nameAt]!]!.slice(0, 60)
    const key = `${type}:${name}`
    const entry = out.get(key) ?? { bytes: 0, count: 0 }
    out.set(key, { bytes: entry.bytes + nodes[i + sizeAt]!, count: entry.count + 1 })
  }
  return out
}

/** Lines of what grew from `before` to `after`, divided by `per`, biggest first. */
export function heapGrowth(before: Map<string, HeapEntry>, after: Map<string, HeapEntry>, per: number, lines = 25): string[] {
  const rows = [...after].map(([key, entry]) => {
    const old = before.get(key) ?? { bytes: 0, count: 0 }
    return { key, bytes: (entry.bytes - old.bytes) / per, count: (entry.count - old.count) / per }
  })
  rows.sort((a, b) => b.bytes - a.bytes)
  const total = rows.reduce((sum, row) => sum + row.bytes, 0)
  return [
    `JS heap: ${total.toFixed(0)} B`,
    ...rows.slice(0, lines).map((row) => `${row.bytes.toFixed(0).padStart(7)} B ${row.count.toFixed(2).padStart(6)}x  ${row.key}`),
  ]
}
