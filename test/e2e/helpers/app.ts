/**
 * @module Driving the Roundtable client in Chromium the way a person does: open a workspace link in
 * a browser context of its own, answer "Who are you?", then find things by role and accessible name
 * (cards are buttons "Task: <title>, <column>", cells are regions "<column> · <lane>"). Drags by
 * pointer and by keyboard wait on what the page shows, never on the clock.
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))

/** Where screenshots go (the CI keeps test-results/ as artifacts). */
export const SCREENSHOTS = join(ROOT, 'test-results/e2e')
export const VIEWPORT = { width: 1280, height: 800 } as const
/** Deadline for any one thing to show up in a page: sync on localhost takes milliseconds. */
export const UI_TIMEOUT = 10_000

/** One person: a browser context of their own (own storage, own IndexedDB) with one page. */
export interface Person {
  readonly name: string
  readonly context: BrowserContext
  readonly page: Page
  /** Uncaught exceptions in the page; a test ends by checking there were none. */
  readonly errors: string[]
}

/** A fresh browser context and page, 1280x800, light theme, short default deadlines. */
export async function newPerson(browser: Browser, name: string): Promise<Person> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' })
  context.setDefaultTimeout(UI_TIMEOUT)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (err) => errors.push(err.message))
  return { name, context, page, errors }
}

/**
 * Opens `/w/:id#token=...` as a new person, answers the identity prompt with `name` and waits for
 * the live board. The caller closes `person.context`.
 */
export async function openWorkspace(browser: Browser, baseUrl: string, workspaceId: string, token: string, name: string): Promise<Person> {
  const person = await newPerson(browser, name)
  try {
    await person.page.goto(`${baseUrl}/w/${workspaceId}#token=${token}`)
    await answerIdentityPrompt(person.page, name)
    await connectionBadge(person.page, 'Live').waitFor()
    return person
  } catch (err) {
    await person.context.close()
    throw err
  }
}

/** "Who are you?": type a new name (editors: as someone new) and join. */
export async function answerIdentityPrompt(page: Page, name: string): Promise<void> {
  const prompt = page.getByRole('dialog', { name: /^Join / })
  await prompt.getByRole('textbox', { name: 'Your name' }).fill(name)
  await prompt.getByRole('button', { name: 'Join' }).click()
  await page.getByRole('tablist', { name: 'Views' }).waitFor()
}

/** The connection badge in the top bar, optionally only while it reads `text` ("Live", /^Offline/...). */
export function connectionBadge(page: Page, text?: string | RegExp): Locator {
  const badge = page.getByRole('banner').getByRole('status')
  if (text === undefined) return badge
  return badge.filter({ hasText: typeof text === 'string' ? new RegExp(`^${escapeRegExp(text)}$`) : text })
}

/** A card on the board: role button named "Task: <title>, <column>". */
export function card(page: Page | Locator, title: string, column: string): Locator {
  return page.getByRole('button', { name: `Task: ${title}, ${column}`, exact: true })
}

/** A board cell: the region "<column> · <KR title or Unlinked>". */
export function cell(page: Page, column: string, lane: string): Locator {
  return page.getByRole('region', { name: `${column} · ${lane}`, exact: true })
}

/** Switches the view with the top bar's tabs ("Board", "OKRs", "Stall radar"). */
export async function showView(page: Page, tab: 'Board' | 'OKRs' | 'Stall radar'): Promise<void> {
  const tabs = page.getByRole('tablist', { name: 'Views' })
  await tabs.getByRole('tab', { name: tab }).click()
  await tabs.getByRole('tab', { name: tab, selected: true }).waitFor()
}

/** "+ Add task" in a cell, type the title, Enter; resolves once the card is on the board. */
export async function addTask(page: Page, column: string, lane: string, title: string): Promise<void> {
  const where = `${column} · ${lane}`
  await page.getByRole('button', { name: `Add task to ${where}`, exact: true }).click()
  const field = page.getByRole('textbox', { name: `New task in ${where}`, exact: true })
  await field.fill(title)
  await field.press('Enter')
  await card(cell(page, column, lane), title, column).waitFor()
  // Leave the (now empty) field, which closes it.
  await field.press('Escape')
}

/**
 * Drags `from` by mouse onto `to` the way dnd-kit's pointer sensor needs it: press, travel past the
 * 5 px activation distance in several moves, glide to the middle of the target, then wait until
 * the page shows the card previewed where it will land (`landing`) before releasing.
 */
export async function dragByPointer(page: Page, from: Locator, to: Locator, landing: Locator): Promise<void> {
  await from.scrollIntoViewIfNeeded()
  const a = await box(from)
  const b = await box(to)
  // Left of the middle: the card's menu button sits at its right edge and does not start drags.
  const start = { x: a.x + Math.min(30, a.width / 3), y: a.y + a.height / 2 }
  await page.mouse.move(start.x, start.y)
  await page.mouse.down()
  await page.mouse.move(start.x + 10, start.y + 6, { steps: 5 })
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 })
  try {
    await landing.waitFor()
  } finally {
    await page.mouse.up()
  }
}

/**
 * Moves a card by keyboard, as dnd-kit's keyboard sensor and the board's announcements define it:
 * focus, Space to lift, one arrow key per move, Space to drop. Each step waits for what confirms
 * it: the card pressed and the first "is over" announcement (the drop areas are measured), then
 * each move's and the drop's announcement.
 */
export async function dragByKeyboard(page: Page, from: Locator, title: string, moves: ReadonlyArray<{ key: string; over: string }>): Promise<void> {
  await from.focus()
  await page.keyboard.press('Space')
  await page.getByRole('button', { name: new RegExp(`^Task: ${escapeRegExp(title)}, `), pressed: true }).waitFor()
  await announcement(page, `task ${title} is over `).waitFor({ state: 'attached' })
  // The sensor adds its arrow-key listener in a setTimeout(0) queued by the Space above; a timer
  // queued now runs after it, so the next key cannot arrive before the listener.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)))
  for (const { key, over } of moves) {
    await page.keyboard.press(key)
    await announcement(page, `task ${title} is over ${over},`).waitFor({ state: 'attached' })
  }
  await page.keyboard.press('Space')
  await announcement(page, `task ${title} was dropped in`).waitFor({ state: 'attached' })
}

/** dnd-kit's live region (a visually hidden role=status in document.body) while it says `start`... */
function announcement(page: Page, start: string): Locator {
  return page.getByRole('status').filter({ hasText: new RegExp(`^${escapeRegExp(start)}`) })
}

/**
 * Waits until `locator` is entirely inside the viewport and has stopped moving (two reads 50 ms
 * apart agree): for screenshots, once scrolling and reflow (a panel opening) are over.
 */
export async function waitUntilSettledInView(page: Page, locator: Locator, timeoutMs = UI_TIMEOUT): Promise<void> {
  const viewport = page.viewportSize() ?? VIEWPORT
  const deadline = Date.now() + timeoutMs
  let last = ''
  for (;;) {
    const b = await locator.boundingBox()
    const where = b === null ? '' : `${b.x},${b.y},${b.width},${b.height}`
    const inView = b !== null && b.y >= 0 && b.x >= 0 && b.y + b.height <= viewport.height && b.x + b.width <= viewport.width
    if (inView && where === last) return
    if (Date.now() > deadline) throw new Error(`${locator} did not settle in view within ${timeoutMs} ms (last box ${where || 'none'})`)
    last = where
    await page.waitForTimeout(50)
  }
}

async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox()
  if (b === null) throw new Error(`${locator} has no bounding box (not visible)`)
  return b
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Closes contexts that were opened, ignoring the ones that are already gone. */
export async function closeAll(people: ReadonlyArray<Person | undefined>): Promise<void> {
  await Promise.all(people.map((p) => p?.context.close().catch(() => undefined)))
}
