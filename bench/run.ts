/**
 * @module `npm run bench`: puts Roundtable beside the reference y-websocket server and Hocuspocus in
 * the same sitting on the same machine, plus the in-process model benchmark, and prints Markdown.
 * Never part of `npm test`. A full run (about 10 minutes) also writes bench/RESULTS.md.
 *
 *   npm run bench                     full suite, 3 repeats, writes bench/RESULTS.md
 *   npm run bench -- --quick          smaller shapes, 1 repeat (under 3 minutes), writes nothing
 *   npm run bench -- --only=fan-out   only scenarios whose id contains the text (repeatable)
 *   npm run bench -- --only=client    the client in Chromium on big boards (bench/client), about 6 minutes
 *   npm run bench -- --only=insights  the insights dashboard: compute time in process, render time in Chromium (bench/insights)
 *   npm run bench -- --only=two-instance  two instances on Redis + PostgreSQL beside one on lowdb (bench/twoInstances.ts)
 *   npm run bench -- --no-write       do not write bench/RESULTS.md
 *
 * For development (these never write RESULTS.md): `--peers=roundtable,reference`, `--repeats=N`,
 * `--profile=DIR` (every server runs with `--cpu-prof --cpu-prof-dir=DIR`), `--roundtable-env=K=V`
 * (repeatable: a setting for Roundtable only, e.g. `ROUNDTABLE_BROADCAST_MS=100`), `--node-flag=F`
 * (repeatable: a node or V8 flag for every server, e.g. `--node-flag=--trace-deopt`), `--client-dir=DIR`
 * (the client scenario serves that built client instead of building the tree's: comparing commits),
 * `--held=K=V` (repeatable: the held scenarios' warmupMs, measureMs, cardsPerRoom, collectAfterConnect=1).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { CLIENT_FULL, CLIENT_QUICK, CLIENT_SCENARIO, benchClient } from './client/clientBench.ts'
import { INSIGHTS_SCENARIO, benchInsights } from './insights/insightsBench.ts'
import { benchModel } from './model.ts'
import type { PeerKind } from './peers.ts'
import { openFileLimits } from './proc.ts'
import { goalSummary, othersCpu, scenarioTables } from './report.ts'
import { FULL, QUICK, THROUGHPUT_ENV } from './scenarios.ts'
import { roomCostSection } from './roomCost.ts'
import { runSuite } from './suite.ts'
import { TWO_INSTANCE_SCENARIO, benchTwoInstances } from './twoInstances.ts'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const option = (name: string) => args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3))
const only = option('only')
const peers = option('peers').flatMap((p) => p.split(',')) as PeerKind[]
const repeats = option('repeats').map(Number)[0]
const profile = option('profile')[0]
const nodeFlags = option('node-flag')
const clientDir = option('client-dir')[0]
const roundtableEnv = Object.fromEntries(option('roundtable-env').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]))
/** `--held=warmupMs=6000` (repeatable; numbers, or 0/1 for collectAfterConnect): the held scenarios' method changed, to find what moves a figure. */
const heldChanges = Object.fromEntries(option('held').map((kv) => [kv.slice(0, kv.indexOf('=')), Number(kv.slice(kv.indexOf('=') + 1))]))
const development =
  only.length > 0 ||
  peers.length > 0 ||
  repeats !== undefined ||
  profile !== undefined ||
  nodeFlags.length > 0 ||
  clientDir !== undefined ||
  Object.keys(heldChanges).length > 0 ||
  Object.keys(roundtableEnv).length > 0
const write = !quick && !development && !args.includes('--no-write')
const base = quick ? QUICK : FULL
const config = {
  ...base,
  held: { ...base.held, ...heldChanges, collectAfterConnect: heldChanges.collectAfterConnect === 1 || (heldChanges.collectAfterConnect === undefined && base.held.collectAfterConnect) },
}
const RESULTS = fileURLToPath(new URL('RESULTS.md', import.meta.url))
/** The hand-written section at the end of RESULTS.md (measurements behind design choices): a run keeps it. */
const NOTES_HEADING = '\n## Notes\n'

function keptNotes(): string {
  const old = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : ''
  const at = old.indexOf(NOTES_HEADING)
  return at < 0 ? '' : old.slice(at)
}

function machineLine(): string {
  const cpu = cpus()
  const load = loadavg().map((l) => l.toFixed(2)).join(' ')
  return `${cpu.length} cores (${cpu[0]?.model.trim() ?? 'unknown cpu'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, load average ${load}`
}

const started = performance.now()
const date = new Date().toISOString().slice(0, 16).replace('T', ' ')
const machineBefore = machineLine()
const files = openFileLimits()
if (files.hard < 4096) console.error(`bench: the open-files hard limit is ${files.hard}; the storm needs about 3,000 (ulimit -Hn)`)

const model = benchModel(quick ? 0.25 : 1)
const suite = await runSuite(config, {
  ...(only.length > 0 ? { only } : {}),
  ...(peers.length > 0 ? { peers } : {}),
  ...(repeats !== undefined ? { repeats } : {}),
  roundtableEnv,
  serverFlags: [
    ...nodeFlags,
    ...(profile !== undefined
      ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, '--import', fileURLToPath(new URL('peers/exitOnTerm.mjs', import.meta.url))]
      : []),
  ],
})
const client =
  only.length === 0 || only.some((o) => CLIENT_SCENARIO.includes(o))
    ? await benchClient({ ...(quick ? CLIENT_QUICK : CLIENT_FULL), ...(clientDir !== undefined ? { clientDir } : {}) })
    : ''
const twoInstances = only.length === 0 || only.some((o) => TWO_INSTANCE_SCENARIO.includes(o)) ? await benchTwoInstances(config) : { markdown: '', goals: [] }
const insightsSection = only.length === 0 || only.some((o) => INSIGHTS_SCENARIO.includes(o)) ? await benchInsights() : ''
const tables = scenarioTables(suite)
const rooms = roomCostSection(config, suite)
const markdown = tables.markdown + rooms.markdown + twoInstances.markdown
const goals = [...tables.goals, ...rooms.goals, ...twoInstances.goals]
const others = othersCpu(suite)
const wallS = (performance.now() - started) / 1000

const out: string[] = [
  `# Roundtable benchmarks (${config.name} suite, ${date} UTC)`,
  '',
  `machine: ${machineBefore} at the start; load average ${loadavg().map((l) => l.toFixed(2)).join(' ')} at the end; ` +
    `other processes' CPU during the measurement windows: median ${others.median.toFixed(0)}% of a core, max ${others.max.toFixed(0)}%; ` +
    `suite wall time ${(wallS / 60).toFixed(1)} min`,
  '',
  'Peers, each started fresh for every run on 127.0.0.1 and stopped by pid: Roundtable (`node --enable-source-maps dist/server.mjs`, what `npm start` runs, on an',
  'empty DATA_DIR), the reference `@y/websocket-server` 0.1.1 (its bin) and `@hocuspocus/server` 3.4.4 with no extensions.',
  `Medians over ${config.repeats} run(s) per peer with the range in brackets; the peers' order rotates between repeats. CPU and`,
  'memory come from /proc of the server process (utime+stime, VmRSS). The machine is shared and noisy: the ratios count.',
  `Roundtable runs with default limits except in the throughput scenario: ${Object.entries(THROUGHPUT_ENV).map(([k, v]) => `${k}=${v}`).join(', ')}.`,
  '',
  '## Goals',
  '',
  goalSummary(goals),
  '',
  '## Scenarios',
  '',
  markdown,
  client,
  insightsSection,
  '## Model (shared/doc + shared/rules, in process)',
  '',
  '| figure | value |',
  '| --- | ---: |',
  ...model.map((f) => `| ${f.label} | ${f.value.toFixed(f.value < 10 ? 3 : 1)} ${f.unit} |`),
  '',
]
const text = out.join('\n')
console.log(text)
if (write) {
  writeFileSync(RESULTS, text + keptNotes())
  console.error(`bench: wrote ${RESULTS}`)
}
console.error(`bench: ${config.name} suite took ${wallS.toFixed(0)} s`)
