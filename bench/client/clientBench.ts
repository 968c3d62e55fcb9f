/**
 * @module The `client` scenario of `npm run bench` (issue 16): the production client in Debian's
 * Chromium against the real server, on boards of 200, 500 and 2,000 cards (bigBoard.ts) imported
 * through the API, opened with the editor link at 1440x900. Each run is a fresh browser with a
 * fresh profile (empty cache and IndexedDB): a cold load, a reload with the offline copy present
 * (warm), a pointer drag across two columns and typing in a card's title. Prints one table, the
 * sizes side by side, medians with the range.
 */
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import type { Locator, Page } from 'playwright-core'
import { ClientState, buildClient, checkClientBundle, hashClientInputs } from '../../server/clientBundle.ts'
import { launchBrowser } from '../../test/e2e/helpers/browser.ts'
import { countWebSocketBytes } from '../../test/e2e/helpers/webSocketBytes.ts'
import { PeerKind, PeerProcess, sleep } from '../peers.ts'
import { cell } from '../report.ts'
import { percentile, summarize } from '../stats.ts'
import { importBigBoard } from './bigBoard.ts'
import { installPageProbe } from './pageProbe.ts'

export interface ClientBenchConfig {
  readonly sizes: readonly number[]
  readonly runs: number
  /** Development: serve this built client (e.g. another commit's build) instead of building the tree's. */
  readonly clientDir?: string
}

/** The scenario's id, as `--only=` selects it. */
export const CLIENT_SCENARIO = 'client'

export const CLIENT_FULL: ClientBenchConfig = { sizes: [200, 500, 2000], runs: 5 }
export const CLIENT_QUICK: ClientBenchConfig = { sizes: [200, 2000], runs: 2 }

/** The bench's own production build of the client, so a run never replaces what `npm start` serves. */
export const CLIENT_DIR = fileURLToPath(new URL('../../dist/bench-client', import.meta.url))
const VIEWPORT = { width: 1440, height: 900 } as const
/** Deadline for one thing to show up; a 2,000-card board takes seconds on a busy machine. */
const UI_TIMEOUT_MS = 30_000
/** Quiet time after a load for IndexedDB writes and late tasks to finish before the next step. */
const SETTLE_MS = 500
/** How long a drag waits for the card to show in the target cell before it lets go anyway. */
const LANDING_TIMEOUT_MS = 5_000
const DRAG_STEPS = 40
const DRAG_STEP_MS = 25
const TYPED = 'quick brown fox jumps'

interface Figure {
  readonly key: string
  readonly label: string
  readonly digits: number
}

const FIGURES: readonly Figure[] = [
  { key: 'coldMs', label: 'cold: navigation to the first card visible and interactive (ms)', digits: 0 },
  { key: 'coldLongestTaskMs', label: 'cold: longest blocking task until then (ms)', digits: 0 },
  { key: 'coldWsKiB', label: 'cold: bytes received over the websocket (KiB)', digits: 1 },
  { key: 'warmMs', label: 'warm (reload, offline copy present): first card interactive (ms)', digits: 0 },
  { key: 'warmLongestTaskMs', label: 'warm: longest blocking task until then (ms)', digits: 0 },
  { key: 'warmWsBytes', label: 'warm: bytes received over the websocket, no remote change (B)', digits: 0 },
  { key: 'dragGapP95Ms', label: 'pointer drag across two columns: frame gap p95 (ms)', digits: 1 },
  { key: 'dragGapMaxMs', label: 'pointer drag across two columns: frame gap max (ms)', digits: 0 },
  { key: 'dropPauseMs', label: 'pause after the drop: longest frame gap ending after it (ms)', digits: 0 },
  { key: 'keyToPaintP95Ms', label: 'typing in a title: key to paint p95 (ms)', digits: 1 },
  { key: 'heapMiB', label: 'JS heap after the cold load, after GC (MiB)', digits: 1 },
]

type Figures = Record<string, number>

export async function benchClient(config: ClientBenchConfig, log: (line: string) => void = (l) => console.error(l)): Promise<string> {
  const clientDir = config.clientDir ?? CLIENT_DIR
  if (config.clientDir === undefined) await ensureClientBuild(log)
  const loadBefore = loadAverage()
  const bySize = new Map<number, Figures[]>()
  const notes: string[] = []
  for (const cards of config.sizes) {
    const server = await PeerProcess.start(PeerKind.Roundtable, { clientDir })
    try {
      const board = await importBigBoard(server.url, cards)
      const runs: Figures[] = []
      for (let run = 0; run < config.runs; run++) {
        const started = performance.now()
        try {
          runs.push(await oneRun(server.url, board.id, board.tokens.editor, notes))
          log(`bench: client ${cards} cards #${run + 1}: done (${((performance.now() - started) / 1000).toFixed(1)} s)`)
        } catch (err) {
          const message = (err as Error).message.split('\n')[0]!
          notes.push(`${cards} cards, run ${run + 1} failed: ${message}`)
          log(`bench: client ${cards} cards #${run + 1}: FAILED: ${message}`)
        }
      }
      bySize.set(cards, runs)
    } finally {
      await server.stop()
      server.cleanup()
    }
  }
  notes.unshift(`load average (1, 5, 15 min) ${loadBefore} at the start, ${loadAverage()} at the end, on ${cores()} cores`)
  return table(config, bySize, notes)
}

const loadAverage = () => loadavg().map((l) => l.toFixed(2)).join(' ')
const cores = () => availableParallelism()

export async function ensureClientBuild(log: (line: string) => void): Promise<void> {
  if ((await checkClientBundle(CLIENT_DIR, await hashClientInputs())) === ClientState.Fresh) return
  const started = performance.now()
  const warnings = (await buildClient(CLIENT_DIR)).trim()
  if (warnings !== '') log(warnings)
  log(`bench: built the client into dist/bench-client in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}

/** One fresh browser: cold load, warm reload, drag, typing. */
async function oneRun(baseUrl: string, workspaceId: string, token: string, notes: string[]): Promise<Figures> {
  const browser = await launchBrowser()
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' })
    context.setDefaultTimeout(UI_TIMEOUT_MS)
    // tsx compiles with keepNames: the functions Playwright serialises call esbuild's __name.
    await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
    const identity = { name: 'Bench', color: '#0090ff', personId: null }
    await context.addInitScript(installPageProbe, { key: `roundtable:identity:${workspaceId}`, value: JSON.stringify(identity) })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    const received = await countWebSocketBytes(cdp)
    const figures: Figures = {}

    await page.goto(`${baseUrl}/w/${workspaceId}#token=${token}`)
    const cold = await firstCard(page)
    figures.coldMs = cold.interactive
    figures.coldLongestTaskMs = cold.longestTask
    await live(page)
    await sleep(SETTLE_MS)
    figures.coldWsKiB = received.take() / 1024
    await cdp.send('HeapProfiler.collectGarbage')
    figures.heapMiB = (await cdp.send('Runtime.getHeapUsage')).usedSize / 2 ** 20

    await page.reload()
    const warm = await firstCard(page)
    figures.warmMs = warm.interactive
    figures.warmLongestTaskMs = warm.longestTask
    await live(page)
    await sleep(SETTLE_MS)
    figures.warmWsBytes = received.take()

    Object.assign(figures, await drag(page, notes))
    await sleep(SETTLE_MS)
    figures.keyToPaintP95Ms = await typeInTitle(page)
    return figures
  } finally {
    await browser.close()
  }
}

async function firstCard(page: Page): Promise<{ interactive: number; longestTask: number }> {
  await page.waitForFunction(() => window.__benchProbe?.firstCardInteractive != null, null, { timeout: UI_TIMEOUT_MS, polling: 100 })
  return page.evaluate(() => {
    const probe = window.__benchProbe!
    const until = probe.firstCardInteractive!
    const before = probe.longTasks.filter((t) => t.start < until)
    return { interactive: until, longestTask: Math.max(0, ...before.map((t) => t.duration)) }
  })
}

function live(page: Page): Promise<void> {
  return page.getByRole('banner').getByRole('status').filter({ hasText: /^Live$/ }).waitFor({ timeout: UI_TIMEOUT_MS })
}

/**
 * Presses the first card of the first "To do" cell in view and drags it, in small timed steps, to
 * the middle of the "Blocked" cell of its lane, two columns to the right; records the frames.
 */
async function drag(page: Page, notes: string[]): Promise<Figures> {
  const from = page.locator('section[aria-label^="To do · "]:has([data-task-id])').first()
  const lane = (await from.getAttribute('aria-label'))!.slice('To do · '.length)
  const source = from.locator('[data-task-id] .card__title').first()
  const taskId = await from.locator('[data-task-id]').first().getAttribute('data-task-id')
  const to = page.locator(`section[aria-label="Blocked · ${lane.replaceAll('"', '\\"')}"]`)
  // The card in the middle of the viewport, then both boxes: near an edge (or under the sticky
  // headers of a lane taller than the viewport) the drag would auto-scroll the board or miss the
  // card; scrolling after a box was read would move it. The drag is horizontal, along the lane's row.
  await source.evaluate((title) => title.scrollIntoView({ block: 'center' }))
  const a = await box(source)
  const b = await box(to)
  const start = { x: a.x + Math.min(30, a.width / 3), y: a.y + a.height / 2 }
  const end = { x: b.x + b.width / 2, y: Math.min(Math.max(start.y, b.y + 10), b.y + b.height - 10) }
  await page.evaluate(() => window.__benchProbe!.startFrames())
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  const pressed = await page.evaluate(() => performance.now())
  await page.mouse.move(start.x + 10, start.y + 6, { steps: 5 })
  for (let i = 1; i <= DRAG_STEPS; i++) {
    await page.mouse.move(start.x + ((end.x - start.x) * i) / DRAG_STEPS, start.y + ((end.y - start.y) * i) / DRAG_STEPS)
    await sleep(DRAG_STEP_MS)
  }
  // Release once the page shows the card previewed in the target cell (a frozen page is late).
  const landing = to.locator(`[data-task-id="${taskId}"]`)
  const previewed = await landing.waitFor({ state: 'attached', timeout: LANDING_TIMEOUT_MS }).then(
    () => true,
    () => false,
  )
  await page.mouse.up()
  await sleep(1_000)
  const { frames, dropped } = await page.evaluate(() => ({ frames: window.__benchProbe!.stopFrames(), dropped: window.__benchProbe!.pointerUp! }))
  if (!previewed || (await landing.count()) === 0) notes.push(`the dragged card ${taskId} did not land in Blocked · ${lane}`)
  const gaps: number[] = []
  const afterDrop: number[] = []
  for (let i = 1; i < frames.length; i++) {
    const gap = frames[i]! - frames[i - 1]!
    if (frames[i]! > pressed && frames[i - 1]! < dropped) gaps.push(gap)
    if (frames[i]! > dropped) afterDrop.push(gap)
  }
  return { dragGapP95Ms: percentile(gaps, 95), dragGapMaxMs: Math.max(...gaps), dropPauseMs: Math.max(...afterDrop) }
}

/** Double-clicks a "Doing" card's title to edit it, types a few words one key at a time. */
async function typeInTitle(page: Page): Promise<number> {
  await page.locator('section[aria-label^="Doing · "] [data-task-id] .card__title').first().dblclick()
  const input = page.getByRole('textbox', { name: 'Task title' })
  await input.waitFor()
  await input.press('End')
  await page.evaluate(() => window.__benchProbe!.startKeys())
  await page.keyboard.type(` ${TYPED}`, { delay: 60 })
  await sleep(300)
  const keys = await page.evaluate(() => window.__benchProbe!.stopKeys())
  await input.press('Enter')
  if (keys.length < TYPED.length) throw new Error(`only ${keys.length} of ${TYPED.length + 1} keys were measured`)
  return percentile(keys, 95)
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox()
  if (b === null) throw new Error(`${locator} has no bounding box`)
  return b
}

function table(config: ClientBenchConfig, bySize: ReadonlyMap<number, readonly Figures[]>, notes: readonly string[]): string {
  const sizes = [...bySize.keys()]
  const lines = [
    `### client, big boards (${config.runs} run(s) per size)`,
    '',
    `| figure, median (min–max) | ${sizes.map((n) => `${n.toLocaleString('en-US')} cards`).join(' | ')} |`,
    `| --- | ${sizes.map(() => '---:').join(' | ')} |`,
    ...FIGURES.map((f) => `| ${f.label} | ${sizes.map((n) => cell(summarize(bySize.get(n)!.map((r) => r[f.key] ?? Number.NaN)), f.digits)).join(' | ')} |`),
    '',
  ]
  if (notes.length > 0) lines.push(...notes.map((n) => `- ${n}`), '')
  return lines.join('\n')
}
