/**
 * Finding things from the keyboard in the demo workspace: Ctrl+K, part of a title, Enter opens a
 * key result's panel or focuses a card on the board; "?" lists the shortcuts; the skip link puts
 * the first card within three Tab presses of page load. The open palette passes an axe scan.
 */
import { mkdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from './helpers/suite.ts'
import { answerIdentityPrompt, connectionBadge, newPerson } from './helpers/app.ts'
import { axeScan } from './helpers/axe.ts'

/** What has keyboard focus: its accessible name or text, for assertions and messages. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement
    return el === null || el === document.body ? '' : (el.getAttribute('aria-label') ?? el.textContent ?? '').trim()
  })

describe('the command palette, shortcuts and skip link', () => {
  const suite = browserSuite()

  const openDemo = async (name: string) => {
    const [, ownerLink] = await suite.server.waitForOutput(/^\s+owner:\s+(http\S+)$/m)
    const person = suite.track(await newPerson(suite.browser, name))
    await person.page.goto(ownerLink!)
    await answerIdentityPrompt(person.page, name)
    await connectionBadge(person.page, 'Live').waitFor()
    await person.page.getByRole('button', { name: /^Task: / }).first().waitFor()
    return person
  }

  it('jumps to a key result and to a card by part of its title, and lists the shortcuts with "?"', async () => {
    const person = await openDemo('Finder')
    const page = person.page
    const palette = page.getByRole('dialog', { name: 'Search and commands' })
    const input = palette.getByRole('combobox')

    await page.keyboard.press('Control+k')
    await input.waitFor()
    if (process.env.PALETTE_SHOTS) {
      mkdirSync('/tmp/shots', { recursive: true })
      await page.screenshot({ path: '/tmp/shots/palette-commands-light.png' })
    }
    await input.fill('trial-to-pa')
    expect(await palette.evaluate((el) => el.matches(':modal'))).toBe(true)
    await palette.getByRole('option', { name: /^Raise trial-to-paid conversion/, selected: true }).waitFor()

    const blocking: string[] = []
    const other: string[] = []
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme)
      const found = await axeScan(page, `open palette (${theme})`)
      blocking.push(...found.blocking)
      other.push(...found.other)
      if (process.env.PALETTE_SHOTS) {
        mkdirSync('/tmp/shots', { recursive: true })
        await page.screenshot({ path: `/tmp/shots/palette-open-${theme}.png` })
      }
    }
    await page.evaluate(() => (document.documentElement.dataset.theme = 'light'))
    if (other.length > 0) console.log(`axe, minor and moderate (not failing):\n  ${other.join('\n  ')}`)
    expect(blocking, 'serious or critical axe violations').toEqual([])

    await page.keyboard.press('Enter')
    await palette.waitFor({ state: 'detached' })
    const panel = page.getByRole('complementary', { name: 'Key result: Raise trial-to-paid conversion' })
    await panel.waitFor()
    await panel.getByRole('button', { name: 'Close key result panel' }).click()
    await panel.waitFor({ state: 'detached' })

    await page.keyboard.press('Control+k')
    await input.fill('from spreadsh')
    await palette.getByRole('option', { name: /^Import from spreadsheets/, selected: true }).waitFor()
    await page.keyboard.press('Enter')
    await palette.waitFor({ state: 'detached' })
    const card = page.getByRole('button', { name: /^Task: Import from spreadsheets, / })
    await expect.poll(() => card.evaluate((el) => el === document.activeElement)).toBe(true)

    // "?" is a shortcut on the page, and a plain character in a text field.
    await page.keyboard.press('?')
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await shortcuts.getByText('Find anything or run a command (⌘K on a Mac)').waitFor()
    if (process.env.PALETTE_SHOTS) await page.screenshot({ path: '/tmp/shots/palette-shortcuts-light.png' })
    await page.keyboard.press('Escape')
    await shortcuts.waitFor({ state: 'detached' })
    await page.keyboard.press('Control+k')
    await input.press('?')
    expect(await input.inputValue()).toBe('?')
    expect(await shortcuts.count()).toBe(0)
    await page.keyboard.press('Escape')
    await palette.waitFor({ state: 'detached' })
    expect(person.errors).toEqual([])
  })

  it('shows an objective in the OKR tree, checks in and adds a task under the open key result', async () => {
    const person = await openDemo('Doer')
    const page = person.page
    const palette = page.getByRole('dialog', { name: 'Search and commands' })
    const input = palette.getByRole('combobox')
    const isFocused = (locator: ReturnType<Page['getByRole']>) => locator.evaluate((el) => el === document.activeElement)

    await page.getByRole('button', { name: 'Search' }).click()
    await input.fill('tool teams reach')
    await palette.getByRole('option', { name: /^Become the tool teams reach for/, selected: true }).waitFor()
    await input.press('Enter')
    await page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'OKRs', selected: true }).waitFor()
    const objective = page.getByRole('article', { name: 'Become the tool teams reach for in every roundtable' })
    await expect.poll(() => isFocused(objective)).toBe(true)

    await page.keyboard.press('Control+k')
    await input.fill('trial-to-paid')
    await input.press('Enter')
    const panel = page.getByRole('complementary', { name: 'Key result: Raise trial-to-paid conversion' })
    await panel.waitFor()
    // Focus away from the form the panel focused, then ask for it again from the palette.
    await page.getByRole('button', { name: 'Search' }).focus()
    await page.keyboard.press('Control+k')
    await input.fill('check in')
    await palette.getByRole('option', { name: /^Check in Raise trial-to-paid conversion/, selected: true }).waitFor()
    await input.press('Enter')
    const form = panel.getByRole('form', { name: 'Check in: Raise trial-to-paid conversion' })
    await expect.poll(() => form.evaluate((el) => el.contains(document.activeElement))).toBe(true)

    await page.keyboard.press('Control+k')
    await input.fill('new task')
    await input.press('Enter')
    const title = page.getByRole('textbox', { name: 'Title of the new task under Raise trial-to-paid conversion' })
    await title.fill('Call ten trial users')
    if (process.env.PALETTE_SHOTS) await page.screenshot({ path: '/tmp/shots/palette-newtask-light.png' })
    await title.press('Enter')
    const card = page.getByRole('button', { name: /^Task: Call ten trial users, / })
    await expect.poll(() => isFocused(card)).toBe(true)
    expect(person.errors).toEqual([])
  })

  it('reaches the first card in at most 3 Tab presses from page load, through "Skip to board"', async () => {
    const person = await openDemo('Tabber')
    const page = person.page
    let tabs = 0
    let where = ''
    while (tabs < 3 && !where.startsWith('Task: ')) {
      await page.keyboard.press('Tab')
      tabs++
      where = await focused(page)
      if (where === 'Skip to board') {
        if (process.env.PALETTE_SHOTS) await page.screenshot({ path: '/tmp/shots/palette-skiplink-light.png' })
        await page.keyboard.press('Enter')
        where = await focused(page)
      }
    }
    console.log(`Tab presses from page load to the first card: ${tabs}`)
    // The first card as the board stands now: lanes near the view are built in a transition, so
    // which card comes first in the page can change in the moments after load.
    const firstCard = await page.getByRole('button', { name: /^Task: / }).first().getAttribute('aria-label')
    expect(where).toBe(firstCard)
    expect(tabs).toBeLessThanOrEqual(3)
    expect(person.errors).toEqual([])
  })
})
