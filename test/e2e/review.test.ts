/**
 * A review meeting in two browsers (issue 15, "the meeting remembers"): on a published cycle Maya
 * (owner) facilitates and Ben follows; the objective's score rolls up live; Maya types "What went
 * well" while Ben sees it; she sets one KR's lead score from the meeting and the other's from the
 * key-result panel; she thanks Ben; "What we learned" lists the praise and offers her (not Ben)
 * "Close cycle". Ending it, the minutes hold the praise and the scores' changes. A weekly check-in
 * afterwards opens with what changed since. Screenshots (1440x900 light and dark, 390x844) of each
 * item go to SHOTS_DIR (default test-results/e2e/review).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DAY_MS, isoDay, pushCheckIn, seedWorkspace } from './helpers/api.ts'
import { SCREENSHOTS } from './helpers/app.ts'
import type { Person } from './helpers/app.ts'
import { endMeeting, joinAs, startMeeting } from './helpers/meeting.ts'
import { screens } from './helpers/screens.ts'
import { browserSuite } from './helpers/suite.ts'

const ACTIVATION = 'Activation rate'
const NPS = 'Net promoter score'
const SHOTS = process.env.SHOTS_DIR ?? join(SCREENSHOTS, 'review')

const reviewPanel = (page: Page) => page.getByRole('complementary', { name: 'Review meeting' })
const weeklyPanel = (page: Page) => page.getByRole('complementary', { name: 'Weekly check-in meeting' })
const krPanel = (page: Page, title: string) => page.getByRole('complementary', { name: `Key result: ${title}` })
const current = (panel: Locator) => panel.getByRole('region', { name: 'Current item' })

async function showTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name }).click()
  await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, selected: true }).waitFor()
}

/**
 * Known and not this suite's: the key-result panel's stall toggletip beside its title is 18px, under
 * the 24px target size (client/features/krpanel). Printed, not failed, until that panel fixes it.
 */
const KNOWN = /\.krp__title > \.stall-icon/

const screen = screens(SHOTS, { axe: true, known: KNOWN })
const { findings } = screen
/** The same screen at 1440x900 light and dark and at 390x844, `focus` scrolled into the panel's view, each scanned by axe. */
const shots = (page: Page, step: string, focus: Locator) => screen.shots(page, step, () => focus.scrollIntoViewIfNeeded())

describe('a review meeting', () => {
  const suite = browserSuite()

  it('scores, co-types the lessons, thanks someone, and keeps it all in the minutes', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const now = Date.now()
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Review',
      cycle: { name: 'This quarter', startDate: isoDay(now - 80 * DAY_MS), endDate: isoDay(now + 5 * DAY_MS), status: 'published' },
      objectives: [{ id: 'o-grow', title: 'Grow the product', createdAt: now - 81 * DAY_MS }],
      keyResults: [
        { id: 'kr-act', objectiveId: 'o-grow', title: ACTIVATION, start: 0, target: 100, weight: 60, createdAt: now - 81 * DAY_MS },
        { id: 'kr-nps', objectiveId: 'o-grow', title: NPS, start: 0, target: 100, weight: 40, createdAt: now - 81 * DAY_MS },
      ],
      checkIns: [
        { id: 'ci-1', keyResultId: 'kr-act', value: 55, confidence: 6, at: now - 2 * DAY_MS, note: 'Onboarding revamp shipped' },
        { id: 'ci-2', keyResultId: 'kr-nps', value: 80, confidence: 8, at: now - DAY_MS },
      ],
    })
    const link = (token: string) => `${suite.server.url}/w/${ws.id}#token=${token}`
    const maya = await joinAs(suite, link(ws.tokens.owner), 'Maya')
    const ben = await joinAs(suite, link(ws.tokens.editor), 'Ben')

    // 1. Maya starts a review; Ben joins and follows. It opens on the objective: its score rolled up from progress.
    await startMeeting(maya.page, 'Review')
    await current(reviewPanel(maya.page)).getByText('Grow the product').waitFor()
    await ben.page.getByRole('group', { name: 'Review meeting' }).getByRole('button', { name: 'Join' }).click()
    await ben.page.getByRole('button', { name: 'Stop following' }).waitFor()
    const objectiveScore = (p: Person) => reviewPanel(p.page).getByRole('region', { name: 'Objective score' })
    // 0.6 x 0.55 + 0.4 x 0.8 = 0.65, from progress until anyone scores.
    await objectiveScore(ben).getByRole('img', { name: /^Score 0\.65, / }).waitFor()

    // 2. Maya types "What went well"; Ben sees it as she types.
    const wentWell = reviewPanel(maya.page).getByRole('textbox', { name: 'What went well' })
    await wentWell.click()
    await wentWell.pressSequentially('Onboarding revamp landed')
    await expect.poll(() => reviewPanel(ben.page).getByRole('textbox', { name: 'What went well' }).inputValue()).toBe('Onboarding revamp landed')
    await shots(maya.page, '1-objective', objectiveScore(maya))

    // 3. The first KR: Maya sets the lead score from the meeting; the band shows as she types.
    await reviewPanel(maya.page).getByRole('button', { name: 'Next item' }).click()
    await krPanel(ben.page, ACTIVATION).waitFor()
    const lead = reviewPanel(maya.page).getByRole('form', { name: 'Lead score' })
    await lead.getByRole('textbox').fill('0.7')
    await lead.getByRole('img', { name: /^Score 0\.70, Stretch/ }).waitFor()
    await lead.getByRole('button', { name: 'Set' }).click()
    const krScore = (p: Person) => reviewPanel(p.page).getByRole('region', { name: 'Key result score' })
    await krScore(ben).getByRole('img', { name: /^Score 0\.70 \(lead score\), Stretch/ }).waitFor()
    await shots(maya.page, '2-key-result', krScore(maya))

    // 4. The second KR: Maya scores it in the key-result panel beside the meeting; the meeting shows it at once.
    await reviewPanel(maya.page).getByRole('button', { name: 'Next item' }).click()
    const form = krPanel(maya.page, NPS)
    await form.getByRole('textbox', { name: 'Lead score (0–1)' }).fill('0.9')
    await form.getByRole('button', { name: 'Save scores' }).click()
    await krScore(ben).getByRole('img', { name: /^Score 0\.90 \(lead score\), Strong/ }).waitFor()

    // 5. Maya thanks Ben (she cannot pick herself).
    const praise = reviewPanel(maya.page).getByRole('region', { name: 'Praise' })
    const who = praise.getByRole('combobox', { name: 'Person to thank' })
    expect(await who.getByRole('option').allTextContents()).toEqual(['Thank someone…', 'Ben'])
    await who.selectOption({ label: 'Ben' })
    await praise.getByRole('textbox', { name: 'What for' }).fill('Ran the survey in a week')
    await praise.getByRole('button', { name: 'Thank' }).click()
    await reviewPanel(ben.page).getByRole('region', { name: 'Praise' }).getByText('Maya thanked Ben: Ran the survey in a week').waitFor()
    expect(await reviewPanel(ben.page).getByRole('button', { name: /^Take back/ }).count()).toBe(0)

    // 6. "What we learned": the praise, and "Close cycle" for Maya (the owner) only. The objective now scores 0.78.
    await reviewPanel(maya.page).getByRole('button', { name: 'Next item' }).click()
    await current(reviewPanel(maya.page)).getByText('What we learned').waitFor()
    const closing = (p: Person) => reviewPanel(p.page).getByRole('region', { name: 'Close the cycle' })
    await closing(maya).getByRole('button', { name: 'Close cycle' }).waitFor()
    await closing(ben).getByText('The owner closes the cycle.').waitFor()
    await reviewPanel(ben.page).getByRole('region', { name: 'Praise' }).getByText('Maya thanked Ben: Ran the survey in a week').waitFor()
    // "What we learned" takes everyone to the radar: the shots wait for it to have loaded.
    await maya.page.getByRole('heading', { name: 'Stall radar', level: 1 }).waitFor()
    await shots(maya.page, '3-learned', closing(maya))

    // 7. Maya ends it: the minutes hold the praise and the scores' changes.
    await endMeeting(reviewPanel(maya.page))
    await showTab(maya.page, 'Meetings')
    await maya.page.getByRole('list', { name: 'Past meetings' }).getByRole('link', { name: 'Review This quarter' }).click()
    const minutes = maya.page.getByRole('article', { name: /^Review · This quarter/ })
    await minutes.waitFor()
    await minutes.getByRole('region', { name: 'Praise' }).getByText(/Maya thanked\s+Ben: Ran the survey in a week/).waitFor()
    // The arrows are for the eye; the accessibility tree reads "– to 0.70".
    expect(await minutes.getByRole('region', { name: `2. ${ACTIVATION}` }).getByRole('list').first().ariaSnapshot()).toContain('Score – to 0.70')
    expect(await minutes.getByRole('region', { name: `3. ${NPS}` }).getByRole('list').first().ariaSnapshot()).toContain('Score – to 0.90')
    const meetingId = new URL(maya.page.url()).pathname.split('/').pop()!
    const res = await fetch(`${suite.server.url}/api/workspaces/${ws.id}/meetings/${meetingId}/minutes.md`, { headers: { authorization: `Bearer ${ws.tokens.owner}` } })
    const md = await res.text()
    expect(res.status, md).toBe(200)
    expect(md).toContain('score - -> 0.70')
    expect(md).toContain('score - -> 0.90')
    expect(md).toContain('Maya thanked **Ben**: Ran the survey in a week')
    await shots(maya.page, '4-minutes', minutes)

    // 8. A check-in after the review, then a weekly check-in: it opens with what changed since, and the KR's own change.
    await pushCheckIn(suite.server.url, ws.id, ws.tokens.editor, 'kr-act', { value: 62, confidence: 7, note: 'Second cohort in' })
    await showTab(maya.page, 'Board')
    await startMeeting(maya.page, 'Weekly check-in')
    const since = weeklyPanel(maya.page).getByRole('region', { name: 'What changed since the last meeting' })
    await since.getByText('1 KR moved, 1 check-in').waitFor()
    await since.getByRole('region', { name: 'Check-ins' }).getByText('Second cohort in').waitFor()
    await shots(maya.page, '5-weekly-since', since)
    // The KRs follow in the agenda's order (stalled first): step to the one that moved (a few steps at most).
    const title = current(weeklyPanel(maya.page)).getByRole('heading', { name: ACTIVATION })
    for (let step = 0; step < 3 && !(await title.isVisible()); step++) {
      await weeklyPanel(maya.page).getByRole('button', { name: 'Next item' }).click()
      await current(weeklyPanel(maya.page)).getByText(`Item ${step + 2} of`).waitFor()
    }
    await title.waitFor()
    const own = weeklyPanel(maya.page).getByRole('region', { name: 'This key result since the last meeting' })
    expect(await own.getByRole('list').ariaSnapshot()).toContain('Progress 55% to 62%, confidence 6 to 7')
    await own.getByText('Second cohort in').waitFor()
    await shots(maya.page, '6-weekly-kr', own)

    if (findings.other.length > 0) console.log(`axe, not blocking:\n${[...new Set(findings.other)].join('\n')}`)
    expect(findings.blocking).toEqual([])
    for (const p of [maya, ben]) expect(p.errors).toEqual([])
  })
})
