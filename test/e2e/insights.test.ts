/**
 * The insights dashboard (issue 19) on the demo workspace, in Chromium: the Insights tab opens
 * /w/:id/insights; the key results the stall rules find behind the pace (S2) read "behind" or "at
 * risk" on their bars; the discipline table lists each KR's missed weekly check-ins as the API
 * counts them; a check-in pushed through the API moves its forecast. Every chart has its table.
 * Screenshots (1440x900 light and dark, 390x844 light and dark, each scanned by axe) go to
 * SHOTS_DIR (default test-results/e2e/insights); on a phone nothing scrolls sideways.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import type { Insights } from '../../shared/rules/index.ts'
import { DAY_MS, pushCheckIn } from './helpers/api.ts'
import { SCREENSHOTS, answerIdentityPrompt, connectionBadge, newPerson } from './helpers/app.ts'
import { screens } from './helpers/screens.ts'
import { browserSuite } from './helpers/suite.ts'

const SHOTS = process.env.SHOTS_DIR ?? join(SCREENSHOTS, 'insights')
const { findings, shots } = screens(SHOTS, { phoneDark: true, axe: true })
const KR = 'Grow weekly active teams'

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

async function api<T>(baseUrl: string, path: string, token: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } })
  expect(res.status, path).toBe(200)
  return (await res.json()) as T
}

/** The forecast line under a key result's burn-up. */
const forecastOf = (page: Page, title: string) => page.locator('figure.ins-card', { has: page.locator('figcaption', { hasText: title }) }).locator('.ins-forecast')

describe('insights dashboard', () => {
  const suite = browserSuite()

  it('shows the demo\'s stalled KRs behind, its missed check-ins, and a forecast that a new check-in moves', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const [, ownerLink] = await suite.server.waitForOutput(/^\s+owner:\s+(http\S+)$/m)
    const link = new URL(ownerLink!)
    const workspaceId = link.pathname.split('/')[2]!
    const token = new URLSearchParams(link.hash.slice(1)).get('token')!
    const lead = suite.track(await newPerson(suite.browser, 'Lead'))
    const { page } = lead
    await page.goto(ownerLink!)
    await answerIdentityPrompt(page, 'Lead')
    await connectionBadge(page, 'Live').waitFor()

    // 1. The Insights tab opens the dashboard at its own address.
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Insights' }).click()
    await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor()
    expect(new URL(page.url()).pathname).toBe(`/w/${workspaceId}/insights`)
    const { insights } = await api<{ insights: Insights }>(suite.server.url, `/api/workspaces/${workspaceId}/insights`, token)

    // 2. Every KR the stall rules find behind the pace (S2) reads behind or at risk on its bar.
    const { warnings } = await api<{ warnings: Array<{ ruleId: string; keyResultTitle: string | null }> }>(suite.server.url, `/api/workspaces/${workspaceId}/stalls`, token)
    const behind = [...new Set(warnings.filter((w) => w.ruleId === 'S2').map((w) => w.keyResultTitle!))]
    const elapsedDays = (insights.now - insights.cycle.start!) / DAY_MS
    // The demo's check-ins are spread over the quarter so far: from its fourth week on, some lag.
    if (elapsedDays >= 21) expect(behind.length).toBeGreaterThan(0)
    for (const title of behind) {
      await page.getByRole('img', { name: new RegExp(`^${escape(title)}: \\d+% done, \\d+% expected, (behind|at risk)$`) }).waitFor()
    }
    console.info(`insights e2e: ${behind.length} KRs behind the pace: ${behind.join('; ')}`)

    // 3. The discipline table: each KR's missed weeks as the API counts them (the demo checks in every two weeks or so).
    const discipline = page.getByRole('region', { name: 'Check-in discipline' })
    await discipline.getByRole('button', { name: 'Table' }).click()
    const table = discipline.getByRole('table', { name: 'Weekly check-ins' })
    await table.waitFor()
    const missed = insights.discipline.keyResults.filter((k) => k.counts.missed > 0)
    if (elapsedDays >= 21) expect(missed.length).toBeGreaterThan(0)
    for (const k of missed) {
      const row = table.getByRole('row', { name: new RegExp(`^${escape(k.title)} \\(`) })
      // Columns: on time, late, missed, not yet due, share.
      await expect.poll(() => row.getByRole('cell').nth(2).textContent()).toBe(String(k.counts.missed))
    }
    await shots(page, '1-discipline-table', () => table.waitFor())
    await discipline.getByRole('button', { name: 'Table' }).click()

    // 4. Screens of the whole dashboard; on a phone nothing is wider than the screen.
    await shots(page, '2-dashboard', async () => {
      await page.locator('.ins-progress').waitFor()
      const width = await page.evaluate(() => window.innerWidth)
      const overflow = await page.evaluate(() => [...document.querySelectorAll('.insights *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => el.className).slice(0, 5))
      expect(overflow, `wider than ${width}px`).toEqual([])
    })

    // 5. A new check-in moves the forecast of its KR (one more point in its line, a new landing).
    // The burn-ups mount as they come near the view.
    await page.getByRole('region', { name: 'Burn-up and forecast' }).scrollIntoViewIfNeeded()
    await page.getByRole('region', { name: 'Become the tool teams reach for in every roundtable' }).scrollIntoViewIfNeeded()
    const forecast = forecastOf(page, KR)
    const before = await forecast.textContent()
    expect(before).toMatch(/^on this pace: \d+% by \w{3} \d+ \(line over the last \d check-ins\)$/)
    const krId = Object.entries(insights.names.keyResults).find(([, t]) => t === KR)![0]
    await pushCheckIn(suite.server.url, workspaceId, token, krId, { value: 296, confidence: 9, note: 'Launch landed' })
    await expect.poll(() => forecast.textContent()).not.toBe(before)
    expect(await forecast.textContent()).toMatch(/line over the last 5 check-ins\)$/)
    await page.screenshot({ path: join(SHOTS, '3-forecast-moved.png') })

    expect(findings.blocking).toEqual([])
    expect(lead.errors).toEqual([])
  }, 120_000)
})
