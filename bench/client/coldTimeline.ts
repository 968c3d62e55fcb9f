/**
 * @module A development tool for issue 16, not part of `npm run bench`: one cold load of the big
 * board in Chromium with its timeline (navigation, each script and REST call, the websocket's
 * open and frames as Chromium saw them, long tasks, the first card), to find what waits on what.
 *
 *   npx tsx bench/client/coldTimeline.ts --cards=2000 [--runs=3] [--client-dir=DIR] [--profile=FILE.cpuprofile]
 */
import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { CDPSession, Page } from 'playwright-core'
import { launchBrowser } from '../../test/e2e/helpers/browser.ts'
import { PeerKind, PeerProcess } from '../peers.ts'
import { importBigBoard } from './bigBoard.ts'
import { CLIENT_DIR, ensureClientBuild } from './clientBench.ts'
import { installPageProbe } from './pageProbe.ts'

interface Row {
  readonly at: number
  readonly what: string
}

const { values } = parseArgs({ options: { profile: { type: 'string' }, cards: { type: 'string', default: '2000' }, runs: { type: 'string', default: '1' }, 'client-dir': { type: 'string' } } })
const cards = Number(values.cards)
const clientDir = values['client-dir'] ?? CLIENT_DIR
if (values['client-dir'] === undefined) await ensureClientBuild((l) => console.error(l))

const server = await PeerProcess.start(PeerKind.Roundtable, { clientDir })
try {
  const board = await importBigBoard(server.url, cards)
  for (let run = 0; run < Number(values.runs); run++) {
    const rows = await oneCold(server.url, board.id, board.tokens.editor)
    console.log(`\n== ${cards} cards, run ${run + 1} (${clientDir})`)
    for (const row of rows.sort((a, b) => a.at - b.at)) console.log(`${row.at.toFixed(0).padStart(6)}  ${row.what}`)
  }
} finally {
  await server.stop()
  server.cleanup()
}

async function oneCold(baseUrl: string, workspaceId: string, token: string): Promise<Row[]> {
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, colorScheme: 'light' })
    await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
    const identity = { name: 'Bench', color: '#0090ff', personId: null }
    await context.addInitScript(installPageProbe, { key: `roundtable:identity:${workspaceId}`, value: JSON.stringify(identity) })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    const socket = await watchSocket(cdp)
    if (values.profile !== undefined) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    await page.goto(`${baseUrl}/w/${workspaceId}#token=${token}`)
    await page.waitForFunction(() => window.__benchProbe?.firstCardInteractive != null, null, { timeout: 60_000, polling: 100 })
    const rows = await pageRows(page)
    if (values.profile !== undefined) {
      const { profile } = await cdp.send('Profiler.stop')
      // The document request's time (CDP, monotonic seconds) on the profile's clock (µs).
      writeFileSync(values.profile, JSON.stringify({ ...profile, navigationMicros: socket.origin() * 1e6 }))
    }
    // CDP times are monotonic seconds; the document request's is about the page's time origin.
    for (const [at, what] of socket.events) rows.push({ at: (at - socket.origin()) * 1000, what })
    return rows
  } finally {
    await browser.close()
  }
}

async function watchSocket(cdp: CDPSession): Promise<{ events: Array<[number, string]>; origin(): number }> {
  const events: Array<[number, string]> = []
  let origin = 0
  let frames = 0
  let bytes = 0
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document' && origin === 0) origin = e.timestamp
  })
  cdp.on('Network.webSocketCreated', () => undefined)
  cdp.on('Network.webSocketWillSendHandshakeRequest', (e) => events.push([e.timestamp, 'ws: handshake sent (CDP)']))
  cdp.on('Network.webSocketHandshakeResponseReceived', (e) => events.push([e.timestamp, 'ws: handshake answered (CDP)']))
  cdp.on('Network.webSocketFrameSent', (e) => {
    const size = e.response.opcode === 2 ? Buffer.from(e.response.payloadData, 'base64').length : e.response.payloadData.length
    events.push([e.timestamp, `ws: frame sent ${size} B (CDP)`])
  })
  cdp.on('Network.webSocketFrameReceived', (e) => {
    const size = e.response.opcode === 2 ? Buffer.from(e.response.payloadData, 'base64').length : e.response.payloadData.length
    frames++
    bytes += size
    if (size > 16) events.push([e.timestamp, `ws: frame ${frames} received ${size} B, ${(bytes / 1024).toFixed(0)} KiB so far (CDP)`])
  })
  await cdp.send('Network.enable')
  return { events, origin: () => origin }
}

async function pageRows(page: Page): Promise<Row[]> {
  return page.evaluate(() => {
    const rows: Array<{ at: number; what: string }> = []
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
    rows.push({ at: nav.responseEnd, what: 'document: response end' })
    rows.push({ at: nav.domContentLoadedEventEnd, what: 'document: DOMContentLoaded end' })
    for (const r of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
      const name = r.name.replace(location.origin, '').replace(/\?.*$/, '?…')
      rows.push({ at: r.startTime, what: `fetch start ${name} (${r.initiatorType})` })
      rows.push({ at: r.responseEnd, what: `fetch end   ${name} (${(r.responseEnd - r.startTime).toFixed(0)} ms, ${r.encodedBodySize} B)` })
    }
    for (const t of window.__benchProbe!.longTasks) rows.push({ at: t.start, what: `long task ${t.duration.toFixed(0)} ms (to ${(t.start + t.duration).toFixed(0)})` })
    for (const m of performance.getEntriesByType('mark')) rows.push({ at: m.startTime, what: `mark ${m.name}` })
    rows.push({ at: window.__benchProbe!.firstCardSeen!, what: 'FIRST CARD seen' })
    rows.push({ at: window.__benchProbe!.firstCardInteractive!, what: 'FIRST CARD interactive' })
    return rows
  })
}
