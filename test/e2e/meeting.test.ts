/**
 * A live weekly check-in in three browsers whose clocks disagree (one 7 s ahead, one 5 s behind):
 * the facilitator starts it, two people join and follow; the current item opens on their screens;
 * one stops following by navigating and gets the "Back to" pill; the countdown shows the same
 * second everywhere; all three vote, nothing is shown until the reveal, the reveal shows the
 * median; recording it adds a check-in that the board shows. Screenshots of each step.
 */
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DAY_MS, exportWorkspace, isoDay, seedWorkspace } from './helpers/api.ts'
import { SCREENSHOTS, answerIdentityPrompt, connectionBadge, newPerson, showView } from './helpers/app.ts'
import type { Person } from './helpers/app.ts'
import { browserSuite } from './helpers/suite.ts'

const STALLED = 'Weekly active teams'
const SECOND = 'Net promoter score'
const THIRD = 'Trial conversion'

/** Opens the link as `name` in a browser whose clock runs `skewMs` off the real one. */
async function joinAs(suite: ReturnType<typeof browserSuite>, url: string, name: string, skewMs: number): Promise<Person> {
  const person = suite.track(await newPerson(suite.browser, name))
  await person.context.addInitScript((skew: number) => {
    const real = Date.now.bind(Date)
    Date.now = () => real() + skew
  }, skewMs)
  await person.page.goto(url)
  await answerIdentityPrompt(person.page, name)
  await connectionBadge(person.page, 'Live').waitFor()
  return person
}

const meetingPanel = (page: Page) => page.getByRole('complementary', { name: 'Weekly check-in meeting' })
const krPanel = (page: Page, title: string) => page.getByRole('complementary', { name: `Key result: ${title}` })

async function shot(person: Person, step: string): Promise<void> {
  await person.page.screenshot({ path: join(SCREENSHOTS, `meeting-${step}-${person.name.toLowerCase()}.png`) })
}

/** The countdown each page shows, read at the same moment (each page on its own skewed clock). */
async function remainingSeconds(people: readonly Person[]): Promise<number[]> {
  const readings = await Promise.all(
    people.map(({ page }) => page.evaluate(() => Number(document.querySelector('[role="timer"][data-remaining-ms]')?.getAttribute('data-remaining-ms')))),
  )
  return readings.map((ms) => ms / 1000)
}

describe('a live meeting in three browsers', () => {
  const suite = browserSuite()

  it('follows the facilitator, keeps time on the server clock, and votes in private until the reveal', async () => {
    const now = Date.now()
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Roundtable meeting',
      cycle: { name: 'This quarter', startDate: isoDay(now - 40 * DAY_MS), endDate: isoDay(now + 50 * DAY_MS), status: 'published' },
      objectives: [{ id: 'o-grow', title: 'Grow the product', createdAt: now - 41 * DAY_MS }],
      keyResults: [
        { id: 'kr-stall', objectiveId: 'o-grow', title: STALLED, start: 0, target: 100, weight: 40, createdAt: now - 41 * DAY_MS },
        { id: 'kr-nps', objectiveId: 'o-grow', title: SECOND, start: 0, target: 100, weight: 30, createdAt: now - 41 * DAY_MS },
        { id: 'kr-trial', objectiveId: 'o-grow', title: THIRD, start: 0, target: 100, weight: 30, createdAt: now - 41 * DAY_MS },
      ],
      checkIns: [
        // Silent for 20 days: the weekly agenda opens with it.
        { id: 'ci-1', keyResultId: 'kr-stall', value: 10, confidence: 6, at: now - 20 * DAY_MS },
        { id: 'ci-2', keyResultId: 'kr-nps', value: 50, confidence: 7, at: now - DAY_MS },
        { id: 'ci-3', keyResultId: 'kr-trial', value: 48, confidence: 7, at: now - DAY_MS },
      ],
    })
    const link = (token: string) => `${suite.server.url}/w/${ws.id}#token=${token}`
    const maya = await joinAs(suite, link(ws.tokens.owner), 'Maya', 0)
    const ben = await joinAs(suite, link(ws.tokens.editor), 'Ben', 7_000)
    const cleo = await joinAs(suite, link(ws.tokens.editor), 'Cleo', -5_000)
    const everyone = [maya, ben, cleo]

    // 1. Maya starts a weekly check-in from the top bar: it opens with "Since last meeting" (the board).
    await maya.page.getByRole('button', { name: 'Start meeting' }).click()
    await maya.page.getByRole('button', { name: 'Weekly check-in', exact: true }).click()
    const now1 = meetingPanel(maya.page).getByRole('region', { name: 'Current item' })
    await now1.getByText('Since last meeting').waitFor()
    await meetingPanel(maya.page).getByRole('timer').waitFor()
    await shot(maya, '1-started')

    // 2. Ben and Cleo join from the top bar and follow Maya.
    for (const p of [ben, cleo]) {
      await p.page.getByRole('group', { name: 'Weekly check-in meeting' }).getByRole('button', { name: 'Join' }).click()
      await p.page.getByRole('button', { name: 'Stop following' }).waitFor()
      await meetingPanel(p.page).getByRole('region', { name: 'Current item' }).getByText('Since last meeting').waitFor()
    }
    await shot(ben, '2-following')

    // 3. Maya moves on to the stalled KR, then the next one: both followers' screens move with her.
    await meetingPanel(maya.page).getByRole('button', { name: 'Next item' }).click()
    for (const p of [ben, cleo]) {
      await krPanel(p.page, STALLED).waitFor()
      expect(new URL(p.page.url()).pathname).toBe(`/w/${ws.id}/kr/kr-stall`)
    }
    await meetingPanel(maya.page).getByRole('button', { name: 'Next item' }).click()
    for (const p of [ben, cleo]) {
      await krPanel(p.page, SECOND).waitFor()
      expect(new URL(p.page.url()).pathname).toBe(`/w/${ws.id}/kr/kr-nps`)
    }
    await shot(cleo, '3-next-item')

    // 4. Cleo looks at something else on her own: following stops, visibly, and "Back to Maya" returns her.
    await showView(cleo.page, 'OKRs')
    const back = cleo.page.getByRole('button', { name: 'Back to Maya' })
    await back.waitFor()
    expect(await cleo.page.getByRole('button', { name: 'Stop following' }).count()).toBe(0)
    await shot(cleo, '4-back-pill')
    await meetingPanel(maya.page).getByRole('button', { name: 'Next item' }).click()
    await krPanel(ben.page, THIRD).waitFor()
    // Cleo stays where she went (the OKR tree, the last item's panel still open) while she does not follow.
    await cleo.page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'OKRs', selected: true }).waitFor()
    expect(new URL(cleo.page.url()).pathname).not.toContain('kr-trial')
    await back.click()
    await krPanel(cleo.page, THIRD).waitFor()
    await cleo.page.getByRole('button', { name: 'Stop following' }).waitFor()

    // 5. The countdown: the same second on all three screens, whatever their clocks say.
    const seconds = await remainingSeconds(everyone)
    expect(Math.max(...seconds) - Math.min(...seconds), `remaining seconds ${seconds.join(', ')}`).toBeLessThan(1)
    expect(Math.min(...seconds)).toBeGreaterThan(0)
    await shot(ben, '5-timer')

    // 6. Maya opens a vote; two vote, and nobody sees a value before the reveal.
    await meetingPanel(maya.page).getByRole('button', { name: 'Open vote' }).click()
    for (const p of everyone) await meetingPanel(p.page).getByRole('button', { name: 'Vote 7' }).waitFor()
    await meetingPanel(ben.page).getByRole('button', { name: 'Vote 3' }).click()
    await meetingPanel(cleo.page).getByRole('button', { name: 'Vote 8' }).click()
    for (const p of everyone) {
      await meetingPanel(p.page).getByRole('group', { name: '2 voted' }).waitFor()
      expect(await meetingPanel(p.page).getByRole('list', { name: 'Votes' }).count()).toBe(0)
    }
    const hidden = await meetingPanel(maya.page).innerText()
    expect(hidden).not.toMatch(/Median/)
    await shot(maya, '6-voting')

    // 7. Maya votes last: everyone present has voted, so the round reveals itself to all three.
    await meetingPanel(maya.page).getByRole('button', { name: 'Vote 7' }).click()
    for (const p of everyone) {
      const votes = meetingPanel(p.page).getByRole('list', { name: 'Votes' })
      await votes.waitFor()
      const rows = (await votes.getByRole('listitem').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim())
      // Lowest first; each row names the person and their value (after the avatar's initial).
      expect(rows.map((row) => row.match(/(Ben|Maya|Cleo) (\d+)$/)?.slice(1)), rows.join(' | ')).toEqual([
        ['Ben', '3'],
        ['Maya', '7'],
        ['Cleo', '8'],
      ])
      await meetingPanel(p.page).getByText('Median 7').waitFor()
    }
    await shot(ben, '7-revealed')

    // 8. Maya records the median as the KR's confidence: a check-in everyone's board shows.
    await meetingPanel(maya.page).getByRole('button', { name: 'Record as confidence' }).click()
    await meetingPanel(maya.page).getByText('Recorded').waitFor()
    const history = krPanel(ben.page, THIRD).getByRole('list', { name: 'Latest check-ins' })
    await history.getByText('meeting vote, 3 people').waitFor()
    const data = await exportWorkspace(suite.server.url, ws.id, ws.tokens.viewer)
    const recorded = data.checkIns.filter((c) => c.keyResultId === 'kr-trial' && c.note === 'meeting vote, 3 people')
    expect(recorded.map((c) => [c.value, c.confidence])).toEqual([[48, 7]])
    await showView(ben.page, 'Board')
    await shot(ben, '8-recorded-board')

    for (const p of everyone) expect(p.errors).toEqual([])
  })
})
