/**
 * Screenshots of the demo workspace (created on the server's first start, its owner link printed
 * on stdout) for review: the board, the OKR tree, the stall radar and a key result's panel, at
 * 1280x800, saved to test-results/e2e/. The checks here are deliberately loose: the demo is built
 * around today's quarter, so its exact figures depend on the date.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { browserSuite } from './helpers/suite.ts'
import { SCREENSHOTS, answerIdentityPrompt, connectionBadge, newPerson, showView, waitUntilSettledInView } from './helpers/app.ts'

describe('the demo workspace, for the eye', () => {
  const suite = browserSuite()

  it('saves the board, the OKR tree, the radar and a key result panel', async () => {
    const [, ownerLink] = await suite.server.waitForOutput(/^\s+owner:\s+(http\S+)$/m)
    const reviewer = await newPerson(suite.browser, 'Reviewer')
    suite.track(reviewer)
    const page = reviewer.page
    await page.goto(ownerLink!)
    await answerIdentityPrompt(page, 'Reviewer')
    await connectionBadge(page, 'Live').waitFor()
    await page.getByRole('heading', { level: 1, name: 'Roundtable demo' }).waitFor()

    // Board: the company objective and its first lane with cards.
    await page.getByRole('region', { name: 'Objective: Become the tool teams reach for in every roundtable' }).waitFor()
    await page.getByRole('button', { name: /^Task: / }).first().waitFor()
    expect(await page.getByRole('region', { name: /^Objective: / }).count()).toBe(5)
    await page.screenshot({ path: join(SCREENSHOTS, 'board.png') })

    await showView(page, 'OKRs')
    await page.getByRole('region', { name: 'Company objectives' }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'okr-tree.png') })

    await showView(page, 'Stall radar')
    const radar = page.getByRole('region', { name: 'Stall radar' })
    await radar.getByRole('listitem').first().waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'radar.png') })

    // A key result's panel, opened with its lane's "Check in" on the board.
    await showView(page, 'Board')
    const lane = page.getByRole('group', { name: 'Key result: Raise trial-to-paid conversion' })
    await lane.getByRole('button', { name: 'Check in Raise trial-to-paid conversion' }).click()
    const panel = page.getByRole('complementary', { name: 'Key result: Raise trial-to-paid conversion' })
    await panel.getByRole('form', { name: 'Check in: Raise trial-to-paid conversion' }).waitFor()
    await waitUntilSettledInView(page, lane.getByRole('button', { name: 'Check in Raise trial-to-paid conversion' }))
    await page.screenshot({ path: join(SCREENSHOTS, 'kr-panel.png') })
    expect(reviewer.errors).toEqual([])
  })
})
