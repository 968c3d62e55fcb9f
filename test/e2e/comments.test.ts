/**
 * Comments and the inbox (issue 17), in Chromium: Ada mentions Ben twice in a key result's
 * comments through the @ picker (keyboard only); Ben, in a browser of his own, sees "2 unread" on
 * the top bar's Inbox, opens the first mention and lands on the key result with the comment
 * outlined and in view; his reply shows under it, and in Ada's inbox as a reply; "Mark all read"
 * clears his count. Screenshots (1440x900 light and dark, 390x844 light and dark, axe-scanned)
 * go to SHOTS_DIR (default test-results/e2e/comments).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { DAY_MS, isoDay, seedWorkspace } from './helpers/api.ts'
import { SCREENSHOTS } from './helpers/app.ts'
import { joinAs } from './helpers/meeting.ts'
import { screens } from './helpers/screens.ts'
import { browserSuite } from './helpers/suite.ts'

const KR = 'Weekly signups'
const SHOTS = process.env.SHOTS_DIR ?? join(SCREENSHOTS, 'comments')
// The open inbox covers part of a column's settings button under it: axe calls that target obscured.
const { shots, findings } = screens(SHOTS, { phoneDark: true, axe: true, known: /^inbox .*target-size.*Column settings/ })

const inboxButton = (page: Page, unread?: number) => page.getByRole('button', { name: unread === undefined || unread === 0 ? 'Inbox' : `Inbox, ${unread} unread`, exact: true })

/** Writes a comment in the open KR panel, mentioning `who` through the picker (keys only). */
async function commentMentioning(page: Page, before: string, who: string, after: string): Promise<void> {
  const panel = page.getByRole('complementary', { name: `Key result: ${KR}` })
  const box = panel.getByRole('combobox', { name: `Comment on ${KR}` })
  await box.click()
  await box.pressSequentially(`${before} @${who.slice(0, 2)}`)
  const list = page.getByRole('listbox', { name: 'People to mention' })
  await list.getByRole('option', { name: who, selected: true }).waitFor()
  expect(await box.getAttribute('aria-expanded')).toBe('true')
  await box.press('Enter')
  await list.waitFor({ state: 'detached' })
  await box.pressSequentially(after)
  await box.press('Control+Enter')
  await expect.poll(() => box.inputValue()).toBe('')
}

describe('comments and the inbox', () => {
  const suite = browserSuite()

  it('a mention reaches the inbox, opens the comment highlighted, takes a reply, and reads as read', async () => {
    mkdirSync(SHOTS, { recursive: true })
    const now = Date.now()
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Comments',
      cycle: { name: 'This quarter', startDate: isoDay(now - 30 * DAY_MS), endDate: isoDay(now + 60 * DAY_MS), status: 'published' },
      objectives: [{ id: 'o-grow', title: 'Grow the product' }],
      keyResults: [{ id: 'kr-signups', objectiveId: 'o-grow', title: KR, start: 0, target: 100, unit: '%' }],
      tasks: [{ id: 't-ship', title: 'Ship v2', columnId: 'todo', keyResultId: 'kr-signups' }],
      checkIns: [{ id: 'ci-1', keyResultId: 'kr-signups', value: 40, confidence: 6, at: now - DAY_MS }],
    })
    const link = `${suite.server.url}/w/${ws.id}/board#token=${ws.tokens.editor}`
    // Ben first, so he is a person Ada can mention.
    const ben = await joinAs(suite, link, 'Ben')
    const ada = await joinAs(suite, link, 'Ada')
    await inboxButton(ben.page).waitFor()

    // 1. Ada opens the key result and mentions Ben twice, with Markdown-lite.
    await ada.page.getByRole('button', { name: KR, exact: true }).click()
    await commentMentioning(ada.page, 'Can you look at the **funnel**?', 'Ben', 'it dropped after `v2`')
    await commentMentioning(ada.page, 'Also', 'Ben', 'see https://example.org/report')
    const adaPanel = ada.page.getByRole('complementary', { name: `Key result: ${KR}` })
    const first = adaPanel.getByRole('article', { name: /^Comment by Ada/ }).first()
    await first.getByText('@Ben', { exact: true }).waitFor()
    expect(await first.locator('.comment__text strong').innerText()).toBe('funnel')
    expect(await adaPanel.getByRole('link', { name: 'https://example.org/report' }).getAttribute('rel')).toBe('noopener noreferrer')
    // The lane counts the key result's comments.
    await ada.page.getByRole('button', { name: `2 comments on ${KR}` }).waitFor()

    // 2. Ben's inbox counts both mentions; he opens the first one.
    await inboxButton(ben.page, 2).waitFor({ timeout: 15_000 })
    await inboxButton(ben.page, 2).click()
    const inbox = ben.page.getByRole('dialog', { name: /^Inbox/ })
    const items = inbox.getByRole('list', { name: 'Inbox items' }).getByRole('listitem')
    await expect.poll(() => items.count()).toBe(2)
    await shots(ben.page, 'inbox', async () => {
      if (!(await inbox.isVisible())) await ben.page.getByRole('button', { name: /^Inbox/ }).click()
      await inbox.getByText(`Ada mentioned you on “${KR}”`).first().waitFor()
    })
    if (!(await inbox.isVisible())) await inboxButton(ben.page, 2).click()
    await items.filter({ hasText: 'funnel' }).getByRole('button', { name: /^Unread: Ada mentioned you/ }).click()

    // 3. The key result opens with that comment outlined, in view, named by the address.
    const benPanel = ben.page.getByRole('complementary', { name: `Key result: ${KR}` })
    const highlighted = benPanel.locator('.comment--highlight')
    await highlighted.waitFor()
    expect(await highlighted.innerText()).toContain('funnel')
    expect(ben.page.url()).toMatch(/\/kr\/kr-signups\?comment=/)
    await expect.poll(() => highlighted.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid')
    await expect.poll(() => highlighted.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight })).toBe(true)
    await inboxButton(ben.page, 1).waitFor()
    await shots(ben.page, 'highlighted', () => highlighted.waitFor())

    // 4. Ben replies; the reply shows under Ada's comment, for both, and reaches Ada's inbox.
    await highlighted.getByRole('button', { name: 'Reply' }).click()
    const replyBox = benPanel.getByRole('combobox', { name: 'Reply to Ada' })
    await replyBox.fill('On it: the signup form broke in v2')
    await replyBox.press('Control+Enter')
    for (const panel of [benPanel, adaPanel]) {
      await panel.getByRole('list', { name: 'Replies to Ada' }).getByText('On it: the signup form broke in v2').waitFor()
    }
    await inboxButton(ada.page, 1).waitFor({ timeout: 15_000 })
    await inboxButton(ada.page, 1).click()
    await ada.page.getByRole('dialog', { name: /^Inbox/ }).getByText(`Ben replied to you on “${KR}”`).waitFor()
    await shots(ada.page, 'reply', () => adaPanel.getByRole('list', { name: 'Replies to Ada' }).waitFor())

    // 5. "Mark all read" clears Ben's count, and it stays read after a reload in this browser.
    await inboxButton(ben.page, 1).click()
    await ben.page.getByRole('button', { name: 'Mark all read' }).click()
    await inboxButton(ben.page, 0).waitFor()
    await ben.page.reload()
    await inboxButton(ben.page, 0).waitFor()
    expect(await ben.page.getByRole('button', { name: /^Inbox, \d+ unread$/ }).count()).toBe(0)

    expect(findings.blocking, findings.blocking.join('\n')).toEqual([])
  }, 180_000)
})
