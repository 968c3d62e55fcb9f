/**
 * Checking in a key result: publishing the cycle turns the stall rules on, a check-in in the key
 * result's panel moves its progress and changes its stall warnings, and a check-in pushed through
 * the REST API reaches the open board at once.
 *
 * The workspace is imported with dates relative to today (a cycle that started 40 days ago and
 * ends in 50, a key result last checked in 30 days ago), so the figures hold on any date:
 * expected progress is 40/91 to 41/91 (44% or 45%) of the cycle whatever the time of day.
 */
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { browserSuite } from './helpers/suite.ts'
import { DAY_MS, isoDay, pushCheckIn, seedWorkspace } from './helpers/api.ts'
import { SCREENSHOTS, openWorkspace, showView } from './helpers/app.ts'

const KR = 'Grow weekly signups'

describe('checking in a key result', () => {
  const suite = browserSuite()

  it('moves the progress and clears the stall warnings it answers', async () => {
    const now = Date.now()
    const today = Math.floor(now / DAY_MS) * DAY_MS
    const start = today - 40 * DAY_MS
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Stall watch',
      cycle: { name: 'Stall quarter', startDate: isoDay(start), endDate: isoDay(today + 50 * DAY_MS), status: 'draft' },
      objectives: [{ id: 'obj-community', title: 'Grow the community', createdAt: start }],
      keyResults: [{ id: 'kr-signups', objectiveId: 'obj-community', title: KR, start: 0, target: 100, unit: 'signups', createdAt: start }],
      checkIns: [{ id: 'ci-first', keyResultId: 'kr-signups', value: 10, confidence: 7, at: now - 30 * DAY_MS, note: 'First count' }],
    })
    // The owner's link: publishing a cycle is owner-only.
    const olga = await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.owner, 'Olga')
    suite.track(olga)
    const page = olga.page
    const lane = page.getByRole('group', { name: `Key result: ${KR}` })
    const laneProgress = lane.getByRole('progressbar', { name: new RegExp(`^Progress of ${KR}, expected \\d+% by now$`) })
    const radarTab = page.getByRole('tab', { name: 'Stall radar' })
    const valueNow = (bar: Locator) => expect.poll(() => bar.getAttribute('aria-valuenow'), { timeout: 10_000 })

    // A draft is being planned: 10% done, but no stall warnings yet.
    await valueNow(laneProgress).toBe('10')
    expect(await lane.getByText(/^Stalled/).count()).toBe(0)
    expect(await radarTab.getAttribute('aria-describedby')).toBeNull()

    // Publish from the top bar, confirmed in the dialog: the stall rules apply from now on.
    await page.getByRole('banner').getByRole('button', { name: 'Publish cycle' }).click()
    const confirm = page.getByRole('dialog', { name: 'Publish Stall quarter?' })
    await confirm.getByRole('button', { name: 'Publish cycle' }).click()
    await confirm.waitFor({ state: 'detached' })
    await page.getByRole('banner').getByText('Published', { exact: true }).waitFor()

    // Thirty days without a check-in and 10% done at 44% of the cycle: two critical warnings.
    await radarTab.getByText('2 stall warnings need attention').waitFor({ state: 'attached' })
    await lane.getByText(/^Stalled, critical: no check-in for 30 days; 10% done at 4[45]% of the cycle \(at risk\)$/).waitFor({ state: 'attached' })

    // "Check in" on the lane opens the key result's panel with the form.
    await lane.getByRole('button', { name: `Check in ${KR}` }).click()
    const panel = page.getByRole('complementary', { name: `Key result: ${KR}` })
    // The stall mark beside the panel's title names the worst severity and every reason.
    const stallMark = (name?: RegExp) => panel.getByRole('heading', { level: 2 }).getByRole('button', name ? { name } : {})
    await stallMark(/^Critical: no check-in for 30 days; 10% done at 4[45]% of the cycle \(at risk\)$/).waitFor()
    const stalls = panel.getByRole('region', { name: /^Stalls/ }).getByRole('listitem')
    await stalls.filter({ hasText: 'No check-in' }).waitFor()
    await stalls.filter({ hasText: 'Behind pace' }).waitFor()
    expect(await stalls.count()).toBe(2)
    await page.screenshot({ path: join(SCREENSHOTS, 'checkin-before.png') })

    // The check-in: 40 signups, confidence 6, a note.
    const form = panel.getByRole('form', { name: `Check in: ${KR}` })
    const value = form.getByRole('textbox', { name: 'Current value (signups)' })
    await value.fill('40')
    await form.getByRole('radio', { name: 'Confidence 6 of 10' }).click()
    await form.getByRole('textbox', { name: 'Note' }).fill('Two campaigns landed')
    await form.getByRole('button', { name: 'Check in', exact: true }).click()
    await form.getByRole('status').filter({ hasText: 'Checked in. Progress 10% → 40%' }).waitFor()

    // Progress 40% on the board; "no check-in" is gone, and pace is now only behind (a warning).
    await valueNow(laneProgress).toBe('40')
    await stallMark(/^Warning: 40% done at 4[45]% of the cycle \(behind\)$/).waitFor()
    await stalls.filter({ hasText: 'No check-in' }).waitFor({ state: 'detached' })
    expect(await stalls.count()).toBe(1)
    await radarTab.getByText('1 stall warning needs attention').waitFor({ state: 'attached' })
    await lane.getByText(/^Stalled: 40% done at 4[45]% of the cycle \(behind\)$/).waitFor({ state: 'attached' })

    // The radar says the same: no critical, one warning, this key result behind pace.
    await showView(page, 'Stall radar')
    const radar = page.getByRole('region', { name: 'Stall radar' })
    await radar.getByRole('button', { name: '0 Critical' }).waitFor()
    await radar.getByRole('button', { name: '1 Warning' }).waitFor()
    const row = radar.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Open key result: ${KR}` }) })
    await row.filter({ hasText: 'Behind pace' }).filter({ hasText: /40% done at 4[45]% of the cycle \(behind\)/ }).waitFor()
    expect(await radar.getByRole('listitem').count()).toBe(1)
    await page.screenshot({ path: join(SCREENSHOTS, 'checkin-after-radar.png') })

    // A script checks in the target through the API: the open page follows at once, all clear.
    const pushed = await pushCheckIn(suite.server.url, ws.id, ws.tokens.editor, 'kr-signups', { value: 100, confidence: 9, note: 'from the nightly job' })
    expect(pushed.progress).toBe(1)
    await radar.getByRole('status').filter({ hasText: 'The board is healthy' }).waitFor()
    await panel.getByText('On track: no stall warnings.').waitFor()
    expect(await stallMark().count()).toBe(0)
    expect(await radarTab.getAttribute('aria-describedby')).toBeNull()
    await showView(page, 'Board')
    await valueNow(laneProgress).toBe('100')
    expect(olga.errors).toEqual([])
  })
})
