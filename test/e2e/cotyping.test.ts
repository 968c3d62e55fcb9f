/**
 * Two people type into the same objective title at once, key by key with a delay, one at the end
 * and one at the start, for three rounds: every character (spaces included) survives on both pages,
 * in the server's copy, and after both reload. Also a task title renamed by two people at once.
 */
import { join } from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { exportWorkspace, seedWorkspace } from './helpers/api.ts'
import { SCREENSHOTS, card, connectionBadge, openWorkspace, showView } from './helpers/app.ts'
import { browserSuite } from './helpers/suite.ts'

const BASE = 'Plan the roundtable together now'

/** Resolves once `read` returns `want`, or fails with what it last read. */
async function until(read: () => Promise<string>, want: string, what: string): Promise<void> {
  const deadline = Date.now() + 10_000
  let last = await read()
  while (last !== want) {
    if (Date.now() > deadline) throw new Error(`${what}: expected ${JSON.stringify(want)}, still ${JSON.stringify(last)}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
    last = await read()
  }
}

const titleField = (page: Page): Locator => page.getByRole('textbox', { name: 'Objective title' })

describe('co-typing in Chromium', () => {
  const suite = browserSuite()

  it('keeps every character when two people type in the same title at once, three rounds, and after a reload', async () => {
    const ws = await seedWorkspace(suite.server.url, { name: 'Co-typing', objectives: [{ id: 'o-plan', title: BASE }] })
    const owner = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.owner, 'Olga Owner'))
    const editor = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.editor, 'Eddie Editor'))
    for (const p of [owner, editor]) await showView(p.page, 'OKRs')

    let expected = BASE
    for (let round = 1; round <= 3; round++) {
      const suffix = ` with the whole team ${round}`
      const prefix = `Round ${round}: `
      await titleField(owner.page).click()
      await owner.page.keyboard.press('Control+End') // the title wraps: End alone ends a visual line
      await titleField(editor.page).click()
      await editor.page.keyboard.press('Control+Home')
      // Different delays, so keystrokes and remote edits interleave in every order.
      await Promise.all([owner.page.keyboard.type(suffix, { delay: 37 }), editor.page.keyboard.type(prefix, { delay: 53 })])
      expected = prefix + expected + suffix
      await until(() => titleField(owner.page).inputValue(), expected, `owner's title after round ${round}`)
      await until(() => titleField(editor.page).inputValue(), expected, `editor's title after round ${round}`)
      // Each typist's caret is still right after what they typed.
      expect(await titleField(owner.page).evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(expected.length)
      expect(await titleField(editor.page).evaluate((el: HTMLTextAreaElement) => el.selectionStart)).toBe(prefix.length)
    }
    await owner.page.screenshot({ path: join(SCREENSHOTS, 'cotyping-owner.png') })

    const stored = async () => (await exportWorkspace(suite.server.url, ws.id, ws.tokens.owner)).objectives.find((o) => o.id === 'o-plan')?.title ?? ''
    await until(stored, expected, "the server's copy")
    for (const p of [owner, editor]) {
      await p.page.reload()
      await connectionBadge(p.page, 'Live').waitFor()
      await showView(p.page, 'OKRs')
      await until(() => titleField(p.page).inputValue(), expected, `${p.name}'s title after a reload`)
    }
    expect([...owner.errors, ...editor.errors]).toEqual([])
  })

  it('keeps both renames when two people edit the same card title at once', async () => {
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Card titles',
      objectives: [{ id: 'o-1', title: 'Ship it' }],
      keyResults: [{ id: 'kr-1', objectiveId: 'o-1', title: 'Release 2.0' }],
      tasks: [{ id: 't-1', title: 'Write notes', columnId: 'todo', keyResultId: 'kr-1' }],
    })
    const owner = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.owner, 'Olga Owner'))
    const editor = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.editor, 'Eddie Editor'))
    const column = 'To do'
    for (const p of [owner, editor]) {
      await card(p.page, 'Write notes', column).focus()
      await p.page.keyboard.press('F2')
      await p.page.getByRole('textbox', { name: 'Task title' }).waitFor()
    }
    const field = (page: Page) => page.getByRole('textbox', { name: 'Task title' })
    await field(owner.page).press('End')
    await field(editor.page).press('Home')
    await Promise.all([owner.page.keyboard.type(' for the launch', { delay: 31 }), editor.page.keyboard.type('Draft and ', { delay: 43 })])
    const want = 'Draft and Write notes for the launch'
    await until(() => field(owner.page).inputValue(), want, "owner's card title")
    await until(() => field(editor.page).inputValue(), want, "editor's card title")
    for (const p of [owner, editor]) await field(p.page).press('Enter')
    await card(owner.page, want, column).waitFor()
    await card(editor.page, want, column).waitFor()
  })
})

