/**
 * A board bigger than the screen builds only the lanes in or near view: every lane's header is
 * there, far lanes' cards are not. Jumping to a card in a far lane (the palette) builds its lane
 * and focuses the card; scrolling builds the lanes it reaches; a keyboard move across lanes still
 * works. Issue 16 ("big boards stay fast").
 */
import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from './helpers/suite.ts'
import { seedWorkspace } from './helpers/api.ts'
import { card, cell, dragByKeyboard, openWorkspace } from './helpers/app.ts'

const OBJECTIVES = 8
const KRS_PER_OBJECTIVE = 5
const COLUMNS = ['todo', 'doing', 'blocked', 'done'] as const
const PER_CELL = 2
const CARDS = OBJECTIVES * KRS_PER_OBJECTIVE * COLUMNS.length * PER_CELL

const cardsBuilt = (page: Page) => page.getByRole('button', { name: /^Task: / }).count()

describe('a big board', () => {
  const suite = browserSuite()

  it('builds the lanes near the view, and builds a far lane when a card in it is wanted', async () => {
    const objectives = Array.from({ length: OBJECTIVES }, (_, o) => ({ id: `obj-${o}`, title: `Objective ${o}`, createdAt: 1_000 + o }))
    const keyResults = objectives.flatMap((o, i) =>
      Array.from({ length: KRS_PER_OBJECTIVE }, (_, k) => ({ id: `kr-${i}-${k}`, objectiveId: o.id, title: `Key result ${i}.${k}`, createdAt: 1_000 + k })),
    )
    const tasks = keyResults.flatMap((kr) =>
      COLUMNS.flatMap((columnId) =>
        Array.from({ length: PER_CELL }, (_, n) => ({ id: `t-${kr.id}-${columnId}-${n}`, title: `Card ${kr.title.slice(11)} ${columnId} ${n}`, columnId, keyResultId: kr.id })),
      ),
    )
    const ws = await seedWorkspace(suite.server.url, { name: 'Big board', objectives, keyResults, tasks })
    const ada = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.editor, 'Ada'))
    const page = ada.page
    await card(page, 'Card 0.0 todo 0', 'To do').waitFor()

    // Every lane is there (its header), but only the lanes near the view hold cards.
    expect(await page.getByRole('group', { name: /^Key result: / }).count()).toBe(OBJECTIVES * KRS_PER_OBJECTIVE)
    const built = await cardsBuilt(page)
    expect(built).toBeGreaterThan(0)
    expect(built).toBeLessThan(CARDS / 2)
    expect(await card(page, 'Card 7.4 done 1', 'Done').count()).toBe(0)
    if (process.env.BIG_BOARD_SHOTS) {
      mkdirSync('/tmp/shots', { recursive: true })
      console.log(`big board: ${built} of ${CARDS} cards built`)
      await page.screenshot({ path: '/tmp/shots/bigboard-top.png' })
      // Mid-scroll, before the lanes reached are built: the empty cells keep the board's shape.
      await page.locator('.board__scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }))
      await page.screenshot({ path: '/tmp/shots/bigboard-scrolled.png' })
    }

    // The palette finds a card in the last lane: its lane is built and the card has focus.
    await page.keyboard.press('Control+k')
    const palette = page.getByRole('dialog', { name: 'Search and commands' })
    await palette.getByRole('combobox').fill('Card 7.4 done 1')
    await palette.getByRole('option', { name: /^Card 7\.4 done 1/ }).first().waitFor()
    await page.keyboard.press('Enter')
    const far = card(page, 'Card 7.4 done 1', 'Done')
    await far.waitFor()
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.card')?.textContent ?? '')).toContain('Card 7.4 done 1')
    if (process.env.BIG_BOARD_SHOTS) await page.screenshot({ path: '/tmp/shots/bigboard-jump.png' })

    // Scrolling back to the top builds the first lanes again.
    await page.locator('.board__scroll').evaluate((el) => el.scrollTo({ top: 0 }))
    await card(page, 'Card 0.0 doing 0', 'Doing').waitFor()

    // A keyboard move from the bottom of one lane into the next lane still lands.
    await dragByKeyboard(page, card(cell(page, 'To do', 'Key result 0.0'), 'Card 0.0 todo 1', 'To do'), 'Card 0.0 todo 1', [
      { key: 'ArrowDown', over: 'To do, under Key result 0.1' },
    ])
    await card(cell(page, 'To do', 'Key result 0.1'), 'Card 0.0 todo 1', 'To do').waitFor()
  })
})
