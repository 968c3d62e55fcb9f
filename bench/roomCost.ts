/**
 * @module What a room costs apart from what a connection costs (issue 18), from two held scenarios
 * of the same rooms, R x 1 and R x C: the growth from the fresh server to the end of the measured
 * window, per peer (median over runs), as held and after a forced GC. The C-1 clients more per
 * room give the cost of a connection; what R x 1 holds beyond its 2R connections (holder and
 * client) is the rooms'.
 */
import { PEER_LABEL, PeerKind } from './peers.ts'
import type { GoalOutcome } from './report.ts'
import { format } from './report.ts'
import { heldId } from './scenarios.ts'
import type { SuiteConfig } from './scenarios.ts'
import { summarize } from './stats.ts'
import type { SuiteResult } from './suite.ts'

interface Cost {
  readonly perClientKiB: number
  readonly perRoomKiB: number
}

const PEERS = [PeerKind.Roundtable, PeerKind.Reference] as const

function growth(result: SuiteResult, id: string, peer: PeerKind, end: string, fresh: string): number {
  const values: number[] = []
  for (const run of result.runs) {
    if (run.scenario !== id || run.peer !== peer || run.result === null) continue
    values.push(run.result.figures[end]! - run.result.figures[fresh]!)
  }
  return summarize(values).n === 0 ? Number.NaN : summarize(values).median
}

function cost(result: SuiteResult, rooms: number, clients: number, peer: PeerKind, end: string, fresh: string): Cost {
  const one = growth(result, heldId(rooms, 1, true), peer, end, fresh)
  const many = growth(result, heldId(rooms, clients, true), peer, end, fresh)
  const perClientKiB = (many - one) / (rooms * (clients - 1))
  return { perClientKiB, perRoomKiB: one / rooms - 2 * perClientKiB }
}

/** The Markdown section and its goal (per room <= 1.0x the reference, as held). */
export function roomCostSection(config: SuiteConfig, result: SuiteResult): { markdown: string; goals: GoalOutcome[] } {
  const moving = config.held.shapes.filter(([, , m]) => m)
  const single = moving.find(([, c]) => c === 1)
  const full = moving.find(([r, c]) => single !== undefined && r === single[0] && c > 1)
  if (single === undefined || full === undefined) return { markdown: '', goals: [] }
  const [rooms, clients] = full
  if (!result.runs.some((r) => r.scenario === heldId(rooms, 1, true)) || !result.runs.some((r) => r.scenario === heldId(rooms, clients, true))) {
    return { markdown: '', goals: [] }
  }
  // From the fresh server after a collection in both: see held.ts.
  const held = new Map(PEERS.map((p) => [p, cost(result, rooms, clients, p, 'rssEndKiB', 'rssFreshCollectedKiB')]))
  const collected = new Map(PEERS.map((p) => [p, cost(result, rooms, clients, p, 'rssEndCollectedKiB', 'rssFreshCollectedKiB')]))
  const ratio = (m: Map<PeerKind, Cost>, key: keyof Cost) => m.get(PeerKind.Roundtable)![key] / m.get(PeerKind.Reference)![key]
  const roomRatio = ratio(held, 'perRoomKiB')
  const met = Number.isFinite(roomRatio) ? roomRatio <= 1 : null
  const text = `memory per room at ${rooms} rooms of ${clients} <= 1.0x reference (RSS as held)`
  const lines = [
    `### room and connection apart (${heldId(rooms, 1, true)} against ${heldId(rooms, clients, true)})`,
    '',
    `Growth from the fresh server (after a forced GC) to the end of the measured window (median over the runs): the ${clients - 1} clients more per room give a ` +
      `connection's cost; what ${rooms} x 1 holds beyond its ${2 * rooms} connections (holders and clients) is the rooms'.`,
    '',
    '| figure | ' + PEERS.map((p) => PEER_LABEL[p].split(' (')[0]).join(' | ') + ' | Roundtable/ref | goal |',
    '| --- | ---: | ---: | ---: | ---: |',
    row('per connection, as held (KiB)', held, 'perClientKiB', ''),
    row('per room, as held (KiB)', held, 'perRoomKiB', `${met === null ? '?' : met ? 'met' : '**missed**'}: ${Number.isFinite(roomRatio) ? roomRatio.toFixed(2) : '–'}x (goal <= 1)`),
    row('per connection, after a forced GC (KiB)', collected, 'perClientKiB', ''),
    row('per room, after a forced GC (KiB)', collected, 'perRoomKiB', ''),
    '',
  ]
  return {
    markdown: lines.join('\n'),
    goals: [{ scenario: `held ${rooms} rooms`, text, met, detail: Number.isFinite(roomRatio) ? `${roomRatio.toFixed(2)}x (goal <= 1)` : 'not measured' }],
  }
}

function row(label: string, costs: Map<PeerKind, Cost>, key: keyof Cost, goal: string): string {
  const rt = costs.get(PeerKind.Roundtable)![key]
  const ref = costs.get(PeerKind.Reference)![key]
  const r = rt / ref
  return `| ${label} | ${format(rt, 1)} | ${format(ref, 1)} | ${Number.isFinite(r) ? r.toFixed(2) : '–'} | ${goal} |`
}
