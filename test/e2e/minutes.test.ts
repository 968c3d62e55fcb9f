/**
 * The meeting remembers (issue 15), in Chromium: before any meeting the Meetings view says what a
 * meeting is; a weekly check-in with a check-in and a decision ends; its minutes list both; a
 * check-in after it shows in the board's "Since last meeting" banner, whose dialog lists it; the
 * next weekly check-in opens on those changes, banner included.
 * Screenshots (1440x900 light and dark, 390x844, print) go to SHOTS_DIR (default test-results/e2e/minutes).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DAY_MS, isoDay, pushCheckIn, seedWorkspace } from './helpers/api.ts'
import { SCREENSHOTS, connectionBadge } from './helpers/app.ts'
import { endMeeting, joinAs, startMeeting } from './helpers/meeting.ts'
import { screens } from './helpers/screens.ts'
import { browserSuite } from './helpers/suite.ts'

const STALLED = 'Weekly active teams'
const NPS = 'Net promoter score'
const SHOTS = process.env.SHOTS_DIR ?? join(SCREENSHOTS, 'minutes')

const meetingPanel = (page: Page) => page.getByRole('complementary', { name: 'Weekly check-in meeting' })
const krPanel = (page: Page, title: string) => page.getByRole('complementary', { name: `Key result: ${title}` })
const tab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name })

async function showTab(page: Page, name: string): Promise<void> {
  await tab(page, name).click()
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, selected: true }).waitFor()
}

/** Each screen at 1440x900 light and dark and at 390x844 (light), each also scanned by axe. */
const { findings, shots } = screens(SHOTS, { axe: true })

describe('meeting minutes and "since last meeting"', () => {
  const suite = browserSuite()

  it('keeps the minutes of a weekly check-in and shows what changed since on the board', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const now = Date.now()
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Minutes',
      cycle: { name: 'This quarter', startDate: isoDay(now - 40 * DAY_MS), endDate: isoDay(now + 50 * DAY_MS), status: 'published' },
      objectives: [{ id: 'o-grow', title: 'Grow the product', createdAt: now - 41 * DAY_MS }],
      keyResults: [
        { id: 'kr-stall', objectiveId: 'o-grow', title: STALLED, start: 0, target: 100, weight: 60, createdAt: now - 41 * DAY_MS },
        { id: 'kr-nps', objectiveId: 'o-grow', title: NPS, start: 0, target: 100, weight: 40, createdAt: now - 41 * DAY_MS },
      ],
      checkIns: [
        // Silent for 20 days: the weekly agenda opens with it.
        { id: 'ci-1', keyResultId: 'kr-stall', value: 10, confidence: 6, at: now - 20 * DAY_MS },
        { id: 'ci-2', keyResultId: 'kr-nps', value: 50, confidence: 7, at: now - DAY_MS },
      ],
    })
    const maya = await joinAs(suite, `${suite.server.url}/w/${ws.id}/meetings#token=${ws.tokens.owner}`, 'Maya')
    const { page } = maya

    // 1. No meeting yet: the view says what one is and how to start it.
    const empty = page.getByRole('heading', { name: 'No meeting has ended yet' })
    await empty.waitFor()
    await page.getByText('To start one, choose “Start meeting” in the top bar').waitFor()
    await shots(page, '0-empty', () => empty.waitFor())

    // 2. A weekly check-in: after "Since last meeting" the stalled KR comes first; Maya checks in on it and records a decision.
    await startMeeting(page, 'Weekly check-in')
    await meetingPanel(page).getByRole('timer').waitFor()
    // It opens with "Since last meeting" (nothing yet: this is the first), then the stalled KR.
    await meetingPanel(page).getByRole('region', { name: 'Current item' }).getByText('Since last meeting').waitFor()
    await meetingPanel(page).getByRole('button', { name: 'Next item' }).click()
    const form = krPanel(page, STALLED).getByRole('form', { name: `Check in: ${STALLED}` })
    await form.getByRole('textbox', { name: 'Current value' }).fill('30')
    await form.getByRole('radio', { name: 'Confidence 7 of 10' }).click()
    await form.getByRole('textbox', { name: 'Note' }).fill('Two teams onboarded')
    await form.getByRole('button', { name: 'Check in', exact: true }).click()
    await form.getByRole('status').filter({ hasText: 'Checked in. Progress 10% → 30%' }).waitFor()
    const decision = meetingPanel(page).getByRole('textbox', { name: 'Decision' })
    await decision.click()
    await decision.pressSequentially('Pair with sales on onboarding')
    await expect.poll(() => decision.inputValue()).toBe('Pair with sales on onboarding')

    // 3. Maya ends it: the Meetings view lists it, and its minutes hold the check-in and the decision.
    await endMeeting(meetingPanel(page))
    await krPanel(page, STALLED).getByRole('button', { name: 'Close key result panel' }).click()
    await showTab(page, 'Meetings')
    const list = page.getByRole('list', { name: 'Past meetings' })
    const row = list.getByRole('listitem')
    await row.first().waitFor()
    expect(await row.count()).toBe(1)
    expect(await row.first().innerText()).toMatch(/Weekly check-in[\s\S]*This quarter[\s\S]*1 attendee/)
    await shots(page, '1-list', () => list.waitFor())

    await list.getByRole('link', { name: 'Weekly check-in This quarter' }).click()
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/w/${ws.id}/meetings/[A-Za-z0-9_-]+$`))
    const minutes = page.getByRole('article', { name: /^Weekly check-in · This quarter/ })
    await minutes.waitFor()
    await minutes.getByText('Changes: 1 KR moved, 1 check-in').waitFor()
    await minutes.getByRole('region', { name: '1. Since last meeting' }).waitFor()
    const item = minutes.getByRole('region', { name: `2. ${STALLED}` })
    await item.getByRole('list', { name: 'Check-ins' }).getByText('Two teams onboarded').waitFor()
    // The arrows are for the eye; the accessibility tree reads "10% to 30%".
    expect(await item.getByRole('list', { name: 'Key results' }).ariaSnapshot()).toContain('Progress 10% to 30%, confidence 6 to 7')
    await item.getByText('Pair with sales on onboarding').waitFor()
    expect(await minutes.getByRole('term').allTextContents()).toEqual(['When', 'Duration', 'Facilitator', 'Attendees (1)'])
    expect(await minutes.getByRole('definition').nth(2).textContent()).toBe('Maya')
    await minutes.getByRole('button', { name: 'Download Markdown' }).waitFor()
    await minutes.getByRole('button', { name: 'Print' }).waitFor()
    await shots(page, '2-minutes', () => minutes.waitFor())

    // The print sheet: only the minutes (no top bar, no tools), black on white.
    await page.emulateMedia({ media: 'print' })
    expect(await page.getByRole('banner').isVisible()).toBe(false)
    expect(await minutes.getByRole('button', { name: 'Print' }).isVisible()).toBe(false)
    const color = await minutes.evaluate((el) => getComputedStyle(el).color)
    expect(color).toBe('rgb(0, 0, 0)')
    await page.screenshot({ path: join(SHOTS, '3-print.png'), fullPage: true })
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' })
    expect(await minutes.evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)')
    await page.screenshot({ path: join(SHOTS, '3-print-dark-scheme.png'), fullPage: true })
    await page.emulateMedia({ media: 'screen', colorScheme: 'light' })

    // 4. After the meeting, a check-in on another KR: the board's banner counts it.
    await pushCheckIn(suite.server.url, ws.id, ws.tokens.editor, 'kr-nps', { value: 60, confidence: 8, note: 'Survey wave two' })
    await showTab(page, 'Board')
    // The board's line (the meeting panel's item has the same name).
    const banner = page.getByRole('tabpanel', { name: 'Board' }).getByRole('region', { name: 'Since last meeting' })
    await banner.getByText('Since last meeting: 1 KR moved, 1 check-in').waitFor()
    await shots(page, '4-banner', () => banner.waitFor())
    await banner.getByRole('button', { name: 'See changes' }).click()
    const dialog = page.getByRole('dialog', { name: 'Since last meeting' })
    await dialog.getByRole('region', { name: 'Check-ins' }).getByText('Survey wave two').waitFor()
    await dialog.getByRole('region', { name: 'Key results moved' }).getByText(NPS).waitFor()
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: join(SHOTS, '5-changes-dialog-desktop-light.png') })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: join(SHOTS, '5-changes-dialog-phone.png') })
    await page.setViewportSize({ width: 1280, height: 800 })
    await dialog.getByRole('button', { name: 'Close' }).click()

    // 5. Dismissed, it stays away on reload (the same last meeting); the list is still one click away.
    await banner.getByRole('button', { name: 'Dismiss since last meeting' }).click()
    await banner.waitFor({ state: 'detached' })
    await page.reload()
    await connectionBadge(page, 'Live').waitFor()
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Board', selected: true }).waitFor()
    await showTab(page, 'Meetings')
    await page.getByRole('list', { name: 'Past meetings' }).waitFor()
    await showTab(page, 'Board')
    await page.getByRole('group', { name: `Key result: ${NPS}` }).waitFor()
    expect(await banner.count()).toBe(0)

    // 6. The next weekly check-in opens with "Since last meeting": the banner is back on the board
    //    while the meeting is on that item, and the panel lists the same changes.
    await startMeeting(page, 'Weekly check-in')
    const current = meetingPanel(page).getByRole('region', { name: 'Current item' })
    await current.getByText('Since last meeting').first().waitFor()
    await banner.getByText('Since last meeting: 1 KR moved, 1 check-in').waitFor()
    await meetingPanel(page).getByText('Survey wave two').waitFor()
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.screenshot({ path: join(SHOTS, '6-next-meeting-desktop-light.png') })
    await page.setViewportSize({ width: 1280, height: 800 })
    await meetingPanel(page).getByRole('button', { name: 'Next item' }).click()
    await banner.waitFor({ state: 'detached' })

    if (findings.other.length > 0) console.log(`axe, not blocking:\n${[...new Set(findings.other)].join('\n')}`)
    expect(findings.blocking).toEqual([])
    expect(maya.errors).toEqual([])
  })
})
