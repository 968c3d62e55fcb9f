/**
 * The history view (issue 15), in Chromium: a key result is checked in and a weekly check-in ends
 * (its end checkpoint); then the KR is checked in again and a card moves. From the Meetings view,
 * History lists the checkpoint by its reason; picking it shows the board and the OKR tree as they
 * were, read-only (no draggable card, no add or check-in button, no editable field), with the
 * earlier progress and the records that changed since marked; "Back to now" shows the live board.
 * Screenshots (1440x900 light and dark, 390x844) go to SHOTS_DIR (default test-results/e2e/history).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DAY_MS, isoDay, pushCheckIn, seedWorkspace } from './helpers/api.ts'
import { SCREENSHOTS, card, dragByKeyboard } from './helpers/app.ts'
import { endMeeting, joinAs, startMeeting } from './helpers/meeting.ts'
import { screens } from './helpers/screens.ts'
import { browserSuite } from './helpers/suite.ts'

const KR = 'Activated teams'
const TASK = 'Onboarding emails'
const SHOTS = process.env.SHOTS_DIR ?? join(SCREENSHOTS, 'history')

const meetingPanel = (page: Page) => page.getByRole('complementary', { name: 'Weekly check-in meeting' })
const lane = (page: Page) => page.getByRole('group', { name: `Key result: ${KR}` })
/** Each screen at 1440x900 light and dark and at 390x844 light and dark, each also scanned by axe. */
const { findings, shots } = screens(SHOTS, { phoneDark: true, axe: true })

/** The workspace's checkpoints as the API lists them. */
async function checkpointReasons(baseUrl: string, id: string, token: string): Promise<string[]> {
  const res = await fetch(`${baseUrl}/api/workspaces/${id}/checkpoints`, { headers: { authorization: `Bearer ${token}` } })
  const body = (await res.json()) as { checkpoints: Array<{ reason: string }> }
  return body.checkpoints.map((cp) => cp.reason)
}

describe('history view', () => {
  const suite = browserSuite()

  it('shows the board and the OKRs as they were at a checkpoint, read-only, with what changed since marked', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const now = Date.now()
    const ws = await seedWorkspace(suite.server.url, {
      name: 'History',
      cycle: { name: 'This quarter', startDate: isoDay(now - 40 * DAY_MS), endDate: isoDay(now + 50 * DAY_MS), status: 'published' },
      objectives: [{ id: 'o-grow', title: 'Grow the product', createdAt: now - 41 * DAY_MS }],
      keyResults: [{ id: 'kr-act', objectiveId: 'o-grow', title: KR, start: 0, target: 100, createdAt: now - 41 * DAY_MS }],
      tasks: [{ id: 't-mail', title: TASK, columnId: 'todo', keyResultId: 'kr-act' }],
      checkIns: [{ id: 'ci-1', keyResultId: 'kr-act', value: 20, confidence: 6, at: now - 3 * DAY_MS }],
    })
    const maya = await joinAs(suite, `${suite.server.url}/w/${ws.id}/board#token=${ws.tokens.owner}`, 'Maya')
    const { page } = maya

    // 1. Progress 40% is checked in, then a weekly check-in starts and ends: its end is a checkpoint.
    await pushCheckIn(suite.server.url, ws.id, ws.tokens.editor, 'kr-act', { value: 40, confidence: 7, note: 'Before the meeting' })
    await lane(page).getByText('40%', { exact: true }).waitFor()
    await startMeeting(page, 'Weekly check-in')
    await meetingPanel(page).getByRole('timer').waitFor()
    await endMeeting(meetingPanel(page))
    await expect.poll(() => checkpointReasons(suite.server.url, ws.id, ws.tokens.owner), { timeout: 10_000 }).toContain('meeting-end')

    // 2. After it: progress 55% and the card moves to Doing. The live board is editable (cards drag).
    await pushCheckIn(suite.server.url, ws.id, ws.tokens.editor, 'kr-act', { value: 55, confidence: 8, note: 'After the meeting' })
    await lane(page).getByText('55%', { exact: true }).waitFor()
    await dragByKeyboard(page, card(page, TASK, 'To do'), TASK, [{ key: 'ArrowRight', over: 'Doing' }])
    await card(page, TASK, 'Doing').waitFor()
    expect(await page.locator('[aria-roledescription="draggable task"]').count()).toBe(1)

    // 3. Meetings -> History: the checkpoints, newest first, by reason.
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Meetings' }).click()
    await page.getByRole('link', { name: 'History: the board and OKRs at any checkpoint' }).click()
    expect(new URL(page.url()).pathname).toBe(`/w/${ws.id}/history`)
    const list = page.getByRole('list', { name: 'Checkpoints' })
    await list.waitFor()
    const titles = await list.getByRole('link').allTextContents()
    expect(titles[0]).toBe('End of weekly check-in')
    expect(titles).toContain('Start of weekly check-in')
    await shots(page, '1-list', () => list.waitFor())

    // 4. The end of the check-in: the board then, read-only, with the earlier value and the changes marked.
    await list.getByRole('link', { name: 'End of weekly check-in' }).click()
    expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/w/${ws.id}/history/\\d+-meeting-end-[A-Za-z0-9_-]+$`))
    const banner = page.getByRole('note').filter({ hasText: /^Viewing .+ — read-only/ })
    await banner.waitFor()
    await page.getByRole('heading', { name: 'End of weekly check-in', level: 1 }).waitFor()
    const pastLane = lane(page)
    await pastLane.getByText('40%', { exact: true }).waitFor()
    expect(await pastLane.getByText('55%', { exact: true }).count()).toBe(0)
    await pastLane.getByText('Changed since progress 40% → 55%, confidence 7 → 8 now').waitFor()
    const pastCard = card(page, TASK, 'To do')
    await pastCard.waitFor()
    await page.getByText('Changed since moved to Doing').waitFor()
    // Read-only: nothing drags, nothing adds, nothing checks in, nothing types.
    expect(await page.locator('[aria-roledescription="draggable task"]').count()).toBe(0)
    expect(await page.getByRole('button', { name: /^(Add task|Check in|Add objective|Add key result)/ }).count()).toBe(0)
    expect(await page.locator('#view-panel').getByRole('textbox').count()).toBe(0)
    // What changed since, as a list.
    const changes = page.locator('details.history-changes')
    await changes.getByText('Changed since: 1 KR moved, 1 check-in').waitFor()
    await shots(page, '2-board', () => pastLane.waitFor())
    await changes.locator('summary').click()
    await changes.getByRole('region', { name: 'Check-ins' }).getByText('After the meeting').waitFor()
    await changes.locator('summary').click()

    // 5. The OKR tree then: the same earlier value, marked, and nothing to edit.
    await page.getByRole('group', { name: 'Show as it was' }).getByRole('button', { name: 'OKRs' }).click()
    const okrs = page.getByRole('region', { name: 'OKRs' })
    await okrs.waitFor()
    const row = okrs.getByRole('list', { name: 'Key results of Grow the product' }).getByRole('listitem').filter({ has: page.getByRole('button', { name: `Open key result: ${KR}` }) })
    await row.getByText('40%', { exact: true }).waitFor()
    await row.getByText('Changed since progress 40% → 55%, confidence 7 → 8 now').waitFor()
    expect(await okrs.getByRole('button', { name: /^(Edit key result|Objective settings|Add key result|Add objective)/ }).count()).toBe(0)
    expect(await okrs.getByRole('textbox').count()).toBe(0)
    await shots(page, '3-okrs', () => row.waitFor())

    // 6. Back to now: the live board, 55% and the card in Doing, draggable again.
    await banner.getByRole('link', { name: 'Back to now' }).click()
    expect(new URL(page.url()).pathname).toBe(`/w/${ws.id}/board`)
    await lane(page).getByText('55%', { exact: true }).waitFor()
    await card(page, TASK, 'Doing').waitFor()
    expect(await page.locator('[aria-roledescription="draggable task"]').count()).toBe(1)

    if (findings.other.length > 0) console.log(`axe, not blocking:\n${[...new Set(findings.other)].join('\n')}`)
    expect(findings.blocking).toEqual([])
    expect(maya.errors).toEqual([])
  })
})
