/**
 * @module The `insights` scenario of `npm run bench` (issue 19): computing the whole insights
 * dashboard (`insights` in shared/rules) for the 2,000-card, 60-KR board with 12 weekly check-ins
 * per KR (insightsBoard.ts), in process; and rendering it in Debian's Chromium with the production
 * client: from a click on the Insights tab (from the light Meetings view, and from the 2,000-card
 * board) to the dashboard painted, scrolling on until all 72 burn-ups (mounted near the view) are
 * painted, and from navigation to /w/:id/insights to the dashboard painted. Medians of 5 with the range; prints Markdown.
 */
import { availableParallelism, loadavg } from 'node:os'
import * as Y from 'yjs'
import { checkIn, createCycle, createKeyResult, createObjective, createTask, initWorkspace, openSession, publishCycle, snapshot } from '../../shared/doc/index.ts'
import type { CycleId, KeyResultId, ObjectiveId } from '../../shared/model/index.ts'
import { insights } from '../../shared/rules/index.ts'
import { launchBrowser } from '../../test/e2e/helpers/browser.ts'
import { seedWorkspace } from '../../test/e2e/helpers/api.ts'
import { CLIENT_DIR, ensureClientBuild } from '../client/clientBench.ts'
import { installPageProbe } from '../client/pageProbe.ts'
import { PeerKind, PeerProcess } from '../peers.ts'
import { summarize } from '../stats.ts'
import { INSIGHTS_CARDS, WEEKLY_CHECK_INS, insightsBoardSeed } from './insightsBoard.ts'

/** The scenario's id, as `--only=` selects it. */
export const INSIGHTS_SCENARIO = 'insights'
const RUNS = 5
const VIEWPORT = { width: 1440, height: 900 } as const
const UI_TIMEOUT_MS = 60_000

/** The seed as a live document, built with the same commands the app sends. */
function buildSnapshot(now: number) {
  const seed = insightsBoardSeed(now)
  const doc = new Y.Doc()
  let n = 0
  let clock = now
  const s = openSession(doc, { newId: () => `i${(n++).toString(36)}`, now: () => clock })
  initWorkspace(s, { name: seed.name })
  const cycleId = createCycle(s, { name: seed.cycle.name ?? 'Q', startDate: seed.cycle.startDate, endDate: seed.cycle.endDate })
  const objectives = new Map<string, ObjectiveId>()
  const krs = new Map<string, KeyResultId>()
  clock = Date.parse(`${seed.cycle.startDate}T00:00:00Z`) - 86_400_000
  for (const o of seed.objectives ?? []) objectives.set(o.id, createObjective(s, { cycleId, title: o.title }))
  for (const k of seed.keyResults ?? []) krs.set(k.id, createKeyResult(s, { objectiveId: objectives.get(k.objectiveId)!, title: k.title, start: 0, target: 100, weight: 20 }))
  publishCycle(s, cycleId)
  clock = now
  for (const t of seed.tasks ?? []) createTask(s, { title: t.title, columnId: t.columnId, keyResultId: t.keyResultId === null ? null : krs.get(t.keyResultId)!, labels: [] })
  for (const c of seed.checkIns ?? []) checkIn(s, { keyResultId: krs.get(c.keyResultId)!, value: c.value, confidence: c.confidence, at: c.at })
  return { snap: snapshot(doc), cycleId: cycleId as CycleId }
}

function computeTimes(now: number): number[] {
  const { snap, cycleId } = buildSnapshot(now)
  const krs = snap.keyResults.size
  const checkIns = snap.checkIns.size
  if (snap.tasks.size !== INSIGHTS_CARDS || krs !== 60 || checkIns !== 60 * WEEKLY_CHECK_INS) throw new Error(`bench: insights board is ${snap.tasks.size} cards, ${krs} KRs, ${checkIns} check-ins`)
  // Warm-up: the first calls compile.
  for (let i = 0; i < 3; i++) insights(snap, cycleId, now)
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now()
    const result = insights(snap, cycleId, now)
    times.push(performance.now() - t0)
    if (result?.burnUps.keyResults.length !== 60) throw new Error('bench: insights saw fewer than 60 key results')
  }
  return times
}

declare global {
  interface Window {
    __insightsBench?: { from: number | null; painted: number | null }
  }
}

/** Arms the page: the next click's time, then the first frame after `count` elements match `selector`. */
function armPaintWatch({ selector, count }: { selector: string; count: number }): void {
  const w = window
  w.__insightsBench = { from: null, painted: null }
  document.addEventListener('click', (e) => (w.__insightsBench!.from ??= e.timeStamp), { capture: true, once: true })
  const done = () => {
    if (document.querySelectorAll(selector).length < count) return false
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => (w.__insightsBench!.painted = performance.now())
      channel.port2.postMessage(null)
    })
    return true
  }
  if (done()) return
  const observer = new MutationObserver(() => {
    if (done()) observer.disconnect()
  })
  observer.observe(document, { childList: true, subtree: true })
}

/** The dashboard's first screen: the score bands are the last panel built with it (the burn-ups mount near the view). */
const FIRST_SCREEN = { selector: 'section.insights .ins-bands', count: 1 }

/** Scrolls the page down a viewport per frame until the watch says painted; resolves with the time it took. */
function scrollThrough(): Promise<number> {
  const started = performance.now()
  return new Promise((resolve) => {
    const step = () => {
      if (window.__insightsBench!.painted !== null) return resolve(window.__insightsBench!.painted - started)
      const scroller = [...document.querySelectorAll('*')].find((el) => el.scrollHeight > el.clientHeight + 10 && getComputedStyle(el).overflowY !== 'visible' && getComputedStyle(el).overflowY !== 'hidden') ?? document.scrollingElement!
      scroller.scrollBy(0, window.innerHeight)
      requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
}

async function renderTimes(log: (line: string) => void): Promise<{ switchMs: number[]; fromBoardMs: number[]; scrollMs: number[]; directMs: number[] }> {
  await ensureClientBuild(log)
  const server = await PeerProcess.start(PeerKind.Roundtable, { clientDir: CLIENT_DIR })
  const switchMs: number[] = []
  const fromBoardMs: number[] = []
  const scrollMs: number[] = []
  const directMs: number[] = []
  try {
    const board = await seedWorkspace(server.url, insightsBoardSeed(Date.now()))
    const charts = 12 + 60
    for (let run = 0; run < RUNS; run++) {
      const browser = await launchBrowser()
      try {
        const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' })
        context.setDefaultTimeout(UI_TIMEOUT_MS)
        await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
        await context.addInitScript(installPageProbe, { key: `roundtable:identity:${board.id}`, value: JSON.stringify({ name: 'Bench', color: '#0090ff', personId: null }) })
        const page = await context.newPage()
        // The board first (a lane's card shows), then the tab: the dashboard's chunk and render.
        await page.goto(`${server.url}/w/${board.id}/board#token=${board.tokens.viewer}`)
        await page.locator('[data-task-id]').first().waitFor()
        const tabs = page.getByRole('tablist', { name: 'Views' })
        const painted = () => page.waitForFunction(() => window.__insightsBench?.painted != null, null, { timeout: UI_TIMEOUT_MS, polling: 50 })
        await page.evaluate(armPaintWatch, FIRST_SCREEN)
        await tabs.getByRole('tab', { name: 'Insights' }).click()
        await painted()
        fromBoardMs.push(await page.evaluate(() => window.__insightsBench!.painted! - window.__insightsBench!.from!))
        // From a light view (the board's 2,000 cards are not torn down on the way): the dashboard's own cost.
        await tabs.getByRole('tab', { name: 'Meetings' }).click()
        await page.locator('section.insights').waitFor({ state: 'detached' })
        await page.evaluate(armPaintWatch, FIRST_SCREEN)
        await tabs.getByRole('tab', { name: 'Insights' }).click()
        await painted()
        switchMs.push(await page.evaluate(() => window.__insightsBench!.painted! - window.__insightsBench!.from!))
        // Scrolling down through the page, a screen per frame: until all 72 burn-ups are painted.
        await page.evaluate(armPaintWatch, { selector: 'svg.burnup', count: charts })
        scrollMs.push(await page.evaluate(scrollThrough))
        // Straight to the address: navigation start (0) to the charts painted, sync of the board included.
        await page.goto('about:blank')
        await context.addInitScript(armPaintWatch, FIRST_SCREEN)
        await page.goto(`${server.url}/w/${board.id}/insights#token=${board.tokens.viewer}`)
        await page.waitForFunction(() => window.__insightsBench?.painted != null, null, { timeout: UI_TIMEOUT_MS, polling: 50 })
        directMs.push(await page.evaluate(() => window.__insightsBench!.painted!))
        log(`bench: insights render #${run + 1}: from Meetings ${switchMs.at(-1)!.toFixed(0)} ms, from the board ${fromBoardMs.at(-1)!.toFixed(0)} ms, scroll ${scrollMs.at(-1)!.toFixed(0)} ms, direct ${directMs.at(-1)!.toFixed(0)} ms`)
      } finally {
        await browser.close()
      }
    }
  } finally {
    await server.stop()
    server.cleanup()
  }
  return { switchMs, fromBoardMs, scrollMs, directMs }
}

const cell = (values: readonly number[], digits: number) => {
  const s = summarize(values)
  return `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}-${s.max.toFixed(digits)})`
}

export async function benchInsights(log: (line: string) => void = (l) => console.error(l)): Promise<string> {
  const load = () => loadavg().map((l) => l.toFixed(2)).join(' ')
  const loadBefore = load()
  const compute = computeTimes(Date.now())
  log(`bench: insights compute ${compute.map((t) => t.toFixed(1)).join(', ')} ms`)
  const render = await renderTimes(log)
  return [
    `## Insights dashboard (${INSIGHTS_CARDS} cards, 60 KRs, ${WEEKLY_CHECK_INS} weekly check-ins per KR)`,
    '',
    `Medians of ${RUNS} with the range. Load average (1, 5, 15 min) ${loadBefore} at the start, ${load()} at the end, on ${availableParallelism()} cores.`,
    '',
    '| figure | goal | median (min-max) |',
    '| --- | ---: | ---: |',
    `| compute \`insights()\` for the whole dashboard, in process (ms) | < 20 | ${cell(compute, 1)} |`,
    `| Chromium: click on the Insights tab (from the Meetings view) to the dashboard painted (ms) | < 300 | ${cell(render.switchMs, 0)} |`,
    `| Chromium: the same click from the board, its 2,000 cards torn down on the way (ms) | | ${cell(render.fromBoardMs, 0)} |`,
    `| Chromium: then scrolling down a screen per frame until all ${12 + 60} burn-ups are painted (ms) | | ${cell(render.scrollMs, 0)} |`,
    `| Chromium: navigation to /w/:id/insights to the dashboard painted, board sync included (ms) | | ${cell(render.directMs, 0)} |`,
    '',
  ].join('\n')
}
