/**
 * Every view is a link: the view, the open key result, the focused card and the filters are in the
 * address, a reload keeps them, Back and Forward move between views, and "Copy link" gives a link
 * that opens the same key result or card, without the token.
 */
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { browserSuite } from './helpers/suite.ts'
import { seedWorkspace } from './helpers/api.ts'
import { card, cell, newPerson, openWorkspace } from './helpers/app.ts'
import type { Person } from './helpers/app.ts'

const KR = 'Cut time to first board'
const OTHER_KR = 'Raise week-one activation'
const CARD = 'Sample board'

/** Path, query and fragment of the page's address (the origin is the test server's). */
const address = (page: Page) => {
  const url = new URL(page.url())
  return url.pathname + url.search + url.hash
}
const selectedTab = (page: Page, name: string) => page.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name, selected: true })
const krPanel = (page: Page, title: string) => page.getByRole('complementary', { name: `Key result: ${title}` })

describe('view links', () => {
  const suite = browserSuite()

  const seed = () =>
    seedWorkspace(suite.server.url, {
      name: 'Links',
      objectives: [{ id: 'obj-1', title: 'Faster onboarding' }],
      keyResults: [
        { id: 'kr-1', objectiveId: 'obj-1', title: KR, weight: 50 },
        { id: 'kr-2', objectiveId: 'obj-1', title: OTHER_KR, weight: 50 },
      ],
      tasks: [
        { id: 'task-1', title: 'Template gallery', columnId: 'todo', keyResultId: 'kr-1' },
        { id: 'task-2', title: CARD, columnId: 'doing', keyResultId: 'kr-2' },
      ],
    })

  const open = async (id: string, token: string, name: string): Promise<Person> => {
    const person = suite.track(await openWorkspace(suite.browser, suite.server.url, id, token, name))
    await person.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: suite.server.url })
    return person
  }

  it('opens a key result by its address, keeps it on reload, and Back and Forward walk Board -> OKRs -> KR', async () => {
    const ws = await seed()
    const ada = await open(ws.id, ws.tokens.editor, 'Ada')
    const a = ada.page
    // The access link's token has left the address once it was stored.
    expect(address(a)).toBe(`/w/${ws.id}`)
    await selectedTab(a, 'Board').waitFor()

    await a.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'OKRs' }).click()
    await selectedTab(a, 'OKRs').waitFor()
    expect(address(a)).toBe(`/w/${ws.id}/okrs`)
    await a.getByRole('button', { name: `Open key result: ${KR}` }).click()
    await krPanel(a, KR).waitFor()
    expect(address(a)).toBe(`/w/${ws.id}/kr/kr-1?view=okrs`)

    // A reload shows the same: the OKR tree with the key result's panel.
    await a.reload()
    await krPanel(a, KR).waitFor()
    await selectedTab(a, 'OKRs').waitFor()
    expect(address(a)).toBe(`/w/${ws.id}/kr/kr-1?view=okrs`)

    // Back: the tree without the panel, then the board. Forward: the way back again.
    await a.goBack()
    await selectedTab(a, 'OKRs').waitFor()
    await krPanel(a, KR).waitFor({ state: 'detached' })
    expect(address(a)).toBe(`/w/${ws.id}/okrs`)
    await a.goBack()
    await selectedTab(a, 'Board').waitFor()
    await card(cell(a, 'Doing', OTHER_KR), CARD, 'Doing').waitFor()
    expect(address(a)).toBe(`/w/${ws.id}`)
    await a.goForward()
    await selectedTab(a, 'OKRs').waitFor()
    await a.goForward()
    await krPanel(a, KR).waitFor()
    await selectedTab(a, 'OKRs').waitFor()

    // Copy link: the key result's own address, absolute, with no token and no view or filters.
    await krPanel(a, KR).getByRole('button', { name: 'Copy link to this key result' }).click()
    await krPanel(a, KR).getByRole('status').filter({ hasText: 'Link copied' }).waitFor()
    const copied = await a.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(`${suite.server.url}/w/${ws.id}/kr/kr-1`)

    // Opened in a new tab of the same browser (which holds the access): the board, the key result's
    // lane and its panel.
    const tab = await ada.context.newPage()
    await tab.goto(copied)
    await krPanel(tab, KR).waitFor()
    await selectedTab(tab, 'Board').waitFor()
    await tab.getByRole('group', { name: `Key result: ${KR}` }).waitFor()
    expect(address(tab)).toBe(`/w/${ws.id}/kr/kr-1`)
    expect(ada.errors).toEqual([])
  })

  it('keeps the filters in the query: a reload keeps them, and they are not steps for Back', async () => {
    const ws = await seed()
    const ben = await open(ws.id, ws.tokens.viewer, 'Ben')
    const b = ben.page
    await b.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Stall radar' }).click()
    await selectedTab(b, 'Stall radar').waitFor()
    const level = b.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: 'Level' })
    await level.selectOption('company')
    await b.waitForURL((url) => url.search === '?level=company')
    expect(address(b)).toBe(`/w/${ws.id}/radar?level=company`)

    await b.reload()
    await selectedTab(b, 'Stall radar').waitFor()
    expect(await level.inputValue()).toBe('company')
    await b.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'Board' }).click()
    // The filter goes along to the other view, and it still applies there.
    await b.getByText('No objective matches the filters.').waitFor()
    expect(address(b)).toBe(`/w/${ws.id}/board?level=company`)

    await level.selectOption('team')
    await card(b, CARD, 'Doing').waitFor()
    expect(address(b)).toBe(`/w/${ws.id}/board?level=team`)
    // Back skips the filter change (it replaced the entry) and goes to the radar as it was left.
    await b.goBack()
    await selectedTab(b, 'Stall radar').waitFor()
    expect(address(b)).toBe(`/w/${ws.id}/radar?level=company`)
    expect(await level.inputValue()).toBe('company')
    expect(ben.errors).toEqual([])
  })

  it("copies a card's link from its menu; the link opens the board with that card focused", async () => {
    const ws = await seed()
    const ada = await open(ws.id, ws.tokens.editor, 'Ada')
    const a = ada.page
    await card(a, CARD, 'Doing').hover()
    await a.getByRole('button', { name: `Edit task ${CARD}` }).click()
    const menu = a.getByRole('dialog', { name: 'Edit task' })
    await menu.getByRole('button', { name: 'Copy link to this task' }).click()
    await menu.getByRole('status').filter({ hasText: 'Link copied' }).waitFor()
    const copied = await a.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(`${suite.server.url}/w/${ws.id}/task/task-2`)
    await menu.getByRole('button', { name: 'Cancel' }).click()

    const tab = await ada.context.newPage()
    await tab.goto(copied)
    const focused = card(tab, CARD, 'Doing')
    await focused.waitFor()
    await tab.waitForFunction((name) => document.activeElement?.getAttribute('aria-label') === name, `Task: ${CARD}, Doing`)
    expect(await focused.evaluate((el) => el.closest('.card')?.classList.contains('card--focused'))).toBe(true)
    // Leaving the board leaves the card: the OKRs tab is a plain view again.
    await tab.getByRole('tablist', { name: 'Views' }).getByRole('tab', { name: 'OKRs' }).click()
    await selectedTab(tab, 'OKRs').waitFor()
    expect(address(tab)).toBe(`/w/${ws.id}/okrs`)
    expect(ada.errors).toEqual([])
  })

  it('gives a viewer a card link too, and a link alone opens nothing in a browser without access', async () => {
    const ws = await seed()
    const vic = await open(ws.id, ws.tokens.viewer, 'Vic')
    const v = vic.page
    await card(v, CARD, 'Doing').hover()
    await v.getByRole('button', { name: `Copy link to ${CARD}` }).click()
    await v.waitForFunction(() => [...document.querySelectorAll('[role=status]')].some((s) => s.textContent === 'Link copied'))
    const copied = await v.evaluate(() => navigator.clipboard.readText())
    expect(copied).toBe(`${suite.server.url}/w/${ws.id}/task/task-2`)

    // Someone who never opened the workspace: the link carries no access, and the page says so.
    const stranger = suite.track(await newPerson(suite.browser, 'Stranger'))
    await stranger.page.goto(copied)
    await stranger.page.getByRole('heading', { name: 'This link is incomplete' }).waitFor()
    expect(vic.errors).toEqual([])
  })
})
