/**
 * Activity and people's pages (issue 15), in Chromium: Ana moves a card and checks in its key
 * result (40% before); the key result's panel lists both, by her, in words ("40% → 55%"). Cyd thanks Ben through the doc's
 * command (a stock sync client); Ben's page, opened from the panel's owner chip, shows the praise
 * with its author and date, and Ana's page, opened from the command palette, her activity. The
 * card's menu lists the card's own activity, and the workspace's activity lists everything.
 * Screenshots (1440x900 light and dark, 390x844) go to SHOTS_DIR (default test-results/e2e/activity).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { OriginSource, createPerson, openSession, thankSomeone, updateKeyResult } from '../../shared/doc/index.ts'
import type { KeyResultId, PersonId } from '../../shared/model/index.ts'
import { connectClient } from '../helpers/syncClient.ts'
import { DAY_MS, exportWorkspace, isoDay, seedWorkspace } from './helpers/api.ts'
import { SCREENSHOTS, card, dragByKeyboard, waitUntilSettledInView } from './helpers/app.ts'
import { joinAs } from './helpers/meeting.ts'
import { screens } from './helpers/screens.ts'
import { browserSuite } from './helpers/suite.ts'

const KR = 'Weekly signups'
const SHOTS = process.env.SHOTS_DIR ?? join(SCREENSHOTS, 'activity')
const THANKS = 'Ran the survey in a week'
/** Each screen at 1440x900 light and dark, and at 390x844 (light). */
const { shots } = screens(SHOTS)

/** An activity entry by its text (the person's avatar and name, then what they did). */
const entry = (list: Locator, text: RegExp) => list.getByRole('listitem').filter({ hasText: text })

describe('activity and people\'s pages', () => {
  const suite = browserSuite()

  it('lists who moved a card and checked in on the key result, and shows praise on the person\'s page', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const now = Date.now()
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Activity',
      cycle: { name: 'This quarter', startDate: isoDay(now - 30 * DAY_MS), endDate: isoDay(now + 60 * DAY_MS), status: 'published' },
      objectives: [{ id: 'o-grow', title: 'Grow the product' }],
      keyResults: [{ id: 'kr-signups', objectiveId: 'o-grow', title: KR, start: 0, target: 100, unit: '%' }],
      tasks: [{ id: 't-ship', title: 'Ship v2', columnId: 'todo', keyResultId: 'kr-signups' }],
      checkIns: [{ id: 'ci-1', keyResultId: 'kr-signups', value: 40, confidence: 6, at: now - 3 * DAY_MS }],
    })

    // Ben owns the key result; Cyd thanks him, through the doc's commands over a stock sync client.
    const client = connectClient(suite.server.url, ws.id, ws.tokens.editor)
    try {
      await client.synced()
      const setup = openSession(client.doc, { source: OriginSource.System })
      const ben: PersonId = createPerson(setup, { name: 'Ben' })
      const cyd: PersonId = createPerson(setup, { name: 'Cyd' })
      updateKeyResult(setup, 'kr-signups' as KeyResultId, { ownerId: ben })
      client.provider.awareness.setLocalState({ user: { name: 'Cyd', color: '#336699', personId: cyd } })
      thankSomeone(openSession(client.doc, { actor: cyd }), { toPersonId: ben, text: THANKS })
      // On the server (its export has the praise) before the client goes.
      await expect.poll(async () => (await exportWorkspace(suite.server.url, ws.id, ws.tokens.owner)).praise?.length, { timeout: 10_000 }).toBe(1)
    } finally {
      client.destroy()
    }

    const ana = await joinAs(suite, `${suite.server.url}/w/${ws.id}/board#token=${ws.tokens.editor}`, 'Ana')
    const { page } = ana

    // 1. Ana moves the card to Doing and checks in the key result from its lane.
    await dragByKeyboard(page, card(page, 'Ship v2', 'To do'), 'Ship v2', [{ key: 'ArrowRight', over: 'Doing' }])
    await card(page, 'Ship v2', 'Doing').waitFor()
    await page.getByRole('button', { name: `Check in ${KR}` }).click()
    const panel = page.getByRole('complementary', { name: `Key result: ${KR}` })
    const form = panel.getByRole('form', { name: `Check in: ${KR}` })
    await form.getByRole('textbox', { name: /^Current value/ }).fill('55')
    await form.getByRole('radio', { name: 'Confidence 7 of 10' }).click()
    await form.getByRole('button', { name: 'Check in', exact: true }).click()

    // 2. The panel's Activity lists both, by Ana, newest first (it reads again once the board is quiet).
    const activity = panel.getByRole('list', { name: 'Activity of this key result' })
    await entry(activity, /Ana\s+checked in 40% → 55% at confidence 7\/10/).waitFor()
    await entry(activity, /Ana\s+moved ‘Ship v2’ to Doing/).waitFor()
    const lines = await activity.getByRole('listitem').allInnerTexts()
    const checkIn = lines.findIndex((l) => l.includes('checked in 40% → 55%'))
    expect(checkIn).toBeLessThan(lines.findIndex((l) => l.includes('moved ‘Ship v2’')))
    expect(lines[checkIn]).toMatch(/just now|minute/)
    // Ben became the owner through the sync client, which named no one: "Someone".
    await entry(activity, /^Someone changed the owner/).waitFor()
    await shots(page, 'kr-panel-activity', async () => {
      await activity.scrollIntoViewIfNeeded()
      await waitUntilSettledInView(page, entry(activity, /checked in 40% → 55%/))
    })

    // The card's menu has the card's own activity, read when its disclosure opens.
    await page.getByRole('button', { name: 'Edit task Ship v2' }).click()
    const dialog = page.getByRole('dialog', { name: 'Edit task' })
    await dialog.getByText('Activity', { exact: true }).click()
    await entry(dialog.getByRole('list', { name: 'Activity of this task' }), /Ana\s+moved it to Doing/).waitFor()
    await shots(page, 'task-dialog-activity', async () => {
      await entry(dialog.getByRole('list', { name: 'Activity of this task' }), /Ana\s+moved it to Doing/).scrollIntoViewIfNeeded()
    })
    await dialog.getByRole('button', { name: 'Cancel' }).click()
    await dialog.waitFor({ state: 'detached' })

    // 3. The owner chip opens Ben's page: the key result he owns and the praise, with author and date.
    await panel.getByRole('link', { name: /Ben/ }).first().click()
    await page.waitForURL(/\/people\//)
    const benPage = page.getByRole('region', { name: 'Ben' })
    await benPage.getByRole('heading', { level: 1, name: 'Ben' }).waitFor()
    await benPage.getByRole('region', { name: /^Objectives and key results/ }).getByRole('button', { name: KR }).waitFor()
    const received = benPage.getByRole('region', { name: 'Praise received' })
    await received.getByText(`“${THANKS}”`).waitFor()
    await received.getByRole('link', { name: 'Cyd' }).waitFor()
    const today = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(Date.now())
    await received.getByText(today).waitFor()
    await shots(page, 'person-page', async () => {
      await benPage.getByRole('heading', { level: 1, name: 'Ben' }).waitFor()
    })

    // 4. Cyd's page, from the praise's author: the praise she gave, and her activity says so.
    await received.getByRole('link', { name: 'Cyd' }).click()
    const cydPage = page.getByRole('region', { name: 'Cyd' })
    await cydPage.getByRole('region', { name: 'Praise given' }).getByText(`“${THANKS}”`).waitFor()
    await entry(cydPage.getByRole('list', { name: 'What Cyd did lately' }), new RegExp(`Cyd\\s+thanked Ben: “${THANKS}”`)).waitFor()

    // 5. Ana's page from the command palette: her move and her check-in.
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Search and commands' })
    await palette.getByRole('combobox').fill('Ana')
    await palette.getByRole('option', { name: /Ana/ }).first().click()
    const anaActivity = page.getByRole('region', { name: 'Ana' }).getByRole('list', { name: 'What Ana did lately' })
    await entry(anaActivity, /Ana\s+checked in the key result ‘Weekly signups’: 40% → 55% at confidence 7\/10/).waitFor()
    await entry(anaActivity, /Ana\s+moved ‘Ship v2’ to Doing/).waitFor()

    // 6. The workspace's activity, from the top bar.
    await page.getByRole('banner').getByRole('link', { name: 'Activity' }).click()
    await page.waitForURL(/\/activity$/)
    const all = page.getByRole('list', { name: 'Workspace activity' })
    await entry(all, /Cyd\s+thanked Ben/).waitFor()
    await entry(all, /Ana\s+moved ‘Ship v2’ to Doing/).waitFor()
    await shots(page, 'workspace-activity', async () => {
      await entry(all, /Cyd\s+thanked Ben/).waitFor()
    })
    expect(ana.errors).toEqual([])
  })
})
