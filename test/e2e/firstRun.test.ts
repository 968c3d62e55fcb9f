/**
 * First run: a workspace made through the API starts with an empty draft quarter; its owner sees
 * the three steps, starts from the "Product team" template, and the OKRs appear for everyone;
 * the Share dialog then downloads them as CSV.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { browserSuite } from './helpers/suite.ts'
import { createWorkspace } from './helpers/api.ts'
import { card, cell, openWorkspace, showView } from './helpers/app.ts'

const SHOTS = process.env.FIRST_RUN_SHOTS ?? '/tmp/shots'

describe('first run', () => {
  const suite = browserSuite()

  it('shows the three steps, starts from the Product team template, and everyone sees the OKRs', async () => {
    const ws = await createWorkspace(suite.server.url, 'Fresh team')
    const owner = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.owner, 'Olga'))
    const editor = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.editor, 'Ed'))
    const viewer = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.viewer, 'Vi'))
    const o = owner.page

    const guide = o.getByRole('region', { name: /going in three steps$/ })
    await guide.waitFor()
    expect(await guide.getByRole('listitem').count()).toBe(3)
    const templates = guide.getByRole('group', { name: 'Start from a template' })
    for (const name of ['Company quarter', 'Product team', 'Sales team']) {
      await templates.getByRole('button', { name: new RegExp(`^${name}`) }).waitFor()
    }
    // A viewer gets the explanation without the buttons.
    const viewerGuide = viewer.page.getByRole('region', { name: /going in three steps$/ })
    await viewerGuide.getByText('editors and owners draft the objectives').waitFor()
    expect(await viewerGuide.getByRole('button').count()).toBe(0)
    await o.screenshot({ path: `${SHOTS}/firstrun-empty-board.png`, fullPage: true })
    await viewer.page.screenshot({ path: `${SHOTS}/firstrun-viewer.png` })

    await templates.getByRole('button', { name: /^Product team/ }).click()

    // The owner's board: the objectives, their key-result lanes and the template's first cards.
    await card(cell(o, 'To do', 'Ship the guided onboarding flow'), 'Map the current onboarding steps', 'To do').waitFor()
    await o.getByText('Make onboarding effortless').first().waitFor()
    expect(await guide.count()).toBe(0)
    await o.screenshot({ path: `${SHOTS}/firstrun-applied-board.png` })
    // The second person's page, live.
    const e = editor.page
    await card(cell(e, 'To do', 'Ship the guided onboarding flow'), 'Map the current onboarding steps', 'To do').waitFor()
    await showView(e, 'OKRs')
    for (const title of ['Make onboarding effortless', 'Ship a faster, more reliable product', 'Learn what customers need next']) {
      await e.getByRole('article', { name: title }).waitFor()
    }
    await e.screenshot({ path: `${SHOTS}/firstrun-applied-okrs.png`, fullPage: true })

    // Export from the app: the Share dialog's CSV download.
    await o.getByRole('button', { name: /^Share/ }).click()
    const dialog = o.getByRole('dialog', { name: /^Share / })
    await dialog.getByRole('region', { name: 'Export' }).waitFor()
    await o.screenshot({ path: `${SHOTS}/firstrun-share-export.png` })
    const [download] = await Promise.all([o.waitForEvent('download'), dialog.getByRole('button', { name: 'CSV' }).click()])
    expect(download.suggestedFilename()).toBe(`${ws.id}.csv`)
    const csv = await readFile(await download.path(), 'utf8')
    expect(csv.split('\r\n')[0]).toMatch(/^type,id,cycle,objective,key_result,title,/)
    expect(csv).toMatch(/^key_result,.*,Raise week-one activation,/m)
    expect(csv).toMatch(/^task,.*,Map the current onboarding steps,/m)
  })
})
