/**
 * A viewer link: the board is shown read-only (banner, no editing controls, cards not draggable),
 * and neither dragging in the page nor a write forced over the sync protocol changes the document.
 */
import { describe, expect, it } from 'vitest'
import { browserSuite } from './helpers/suite.ts'
import { createTask } from '../../shared/doc/index.ts'
import { connectClient } from '../helpers/syncClient.ts'
import { waitFor } from '../helpers/waitFor.ts'
import { exportWorkspace, seedWorkspace } from './helpers/api.ts'
import { addTask, card, cell, connectionBadge, openWorkspace, showView } from './helpers/app.ts'

const KR = 'Share the roadmap'
const CARD = 'Publish the roadmap'

describe('a viewer link', () => {
  const suite = browserSuite()

  it('shows the board read-only, and nothing it tries changes the document', async () => {
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Open book',
      objectives: [{ id: 'obj-1', title: 'Be transparent' }],
      keyResults: [{ id: 'kr-1', objectiveId: 'obj-1', title: KR }],
      tasks: [{ id: 'task-1', title: CARD, columnId: 'todo', keyResultId: 'kr-1' }],
    })
    // An editor has the board open too: what the viewer tries must not reach anyone.
    const eve = await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.editor, 'Eve')
    suite.track(eve)
    const vic = await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.viewer, 'Vic')
    suite.track(vic)
    const v = vic.page

    // The banner says why, and no editing control is offered.
    await v.getByRole('note').filter({ hasText: 'You are viewing. Ask for an editor link to make changes.' }).waitFor()
    const theCard = card(cell(v, 'To do', KR), CARD, 'To do')
    await theCard.waitFor()
    for (const name of [/^Add task/, /^Add objective/, /^Add key result/, /^Check in/, /^Edit task/, /^Publish cycle/, /^Undo/, /^Add column/]) {
      expect(await v.getByRole('button', { name }).count(), `a viewer has no ${name} button`).toBe(0)
    }
    // The card is not a draggable: dnd-kit marks it disabled, and it is described as a plain task.
    expect(await theCard.getAttribute('aria-disabled')).toBe('true')
    expect(await theCard.getAttribute('aria-roledescription')).toBe('task')
    // Same on the OKR tree: titles are text, not fields, and nothing can be added.
    await showView(v, 'OKRs')
    await v.getByRole('heading', { name: 'Be transparent' }).waitFor()
    expect(await v.getByRole('textbox').count()).toBe(0)
    expect(await v.getByRole('button', { name: /^Add / }).count()).toBe(0)
    // And the key result's panel has no check-in form.
    await v.getByRole('button', { name: `Open key result: ${KR}` }).click()
    const panel = v.getByRole('complementary', { name: `Key result: ${KR}` })
    await panel.getByRole('heading', { name: 'History' }).waitFor()
    expect(await panel.getByRole('form').count()).toBe(0)
    expect(await panel.getByRole('button', { name: 'Check in' }).count()).toBe(0)
    await showView(v, 'Board')

    // Try anyway, by pointer and by keyboard: no drag starts (the card is never pressed).
    const from = await theCard.boundingBox()
    const to = await cell(v, 'Doing', KR).boundingBox()
    if (from === null || to === null) throw new Error('card and cell should be on screen')
    await v.mouse.move(from.x + 20, from.y + from.height / 2)
    await v.mouse.down()
    await v.mouse.move(from.x + 30, from.y + from.height / 2 + 6, { steps: 5 })
    await v.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 10 })
    expect(await theCard.getAttribute('aria-pressed')).toBeNull()
    await v.mouse.up()
    await theCard.focus()
    for (const key of ['Space', 'ArrowRight', 'Space']) {
      await v.keyboard.press(key)
      expect(await theCard.getAttribute('aria-pressed')).toBeNull()
    }

    // Forced: a sync client with the viewer's token writes a card straight into the document.
    // The server closes it with 4403 (not allowed for this link) and drops the update.
    const intruder = connectClient(suite.server.url, ws.id, ws.tokens.viewer)
    try {
      await intruder.synced()
      createTask(intruder.s, { title: 'Sneaked in by a viewer', columnId: 'todo', keyResultId: 'kr-1', cycleId: ws.cycleId })
      await waitFor(() => intruder.closes.includes(4403), 'the server to refuse the viewer’s write')
    } finally {
      intruder.destroy()
    }

    // A later edit by the editor reaches the viewer: everything before it has been delivered, and
    // neither the viewer's attempts nor the forced write is anywhere.
    await addTask(eve.page, 'To do', KR, 'Sentinel from Eve')
    await card(cell(v, 'To do', KR), 'Sentinel from Eve', 'To do').waitFor()
    for (const page of [v, eve.page]) {
      expect(await card(cell(page, 'To do', KR), CARD, 'To do').count()).toBe(1)
      expect(await page.getByRole('button', { name: /^Task: Sneaked in/ }).count()).toBe(0)
    }
    await connectionBadge(v, 'Live').waitFor()
    const data = await exportWorkspace(suite.server.url, ws.id, ws.tokens.owner)
    expect(data.tasks.map((t) => [t.title, t.placement.columnId]).sort()).toEqual([
      [CARD, 'todo'],
      ['Sentinel from Eve', 'todo'],
    ])
    expect([...eve.errors, ...vic.errors]).toEqual([])
  })

  it('a viewer who reloads while an editor has a card’s menu open stays connected', async () => {
    const ws = await seedWorkspace(suite.server.url, {
      name: 'Menu open',
      objectives: [{ id: 'obj-1', title: 'Be transparent' }],
      keyResults: [{ id: 'kr-1', objectiveId: 'obj-1', title: KR }],
      tasks: [{ id: 'task-1', title: CARD, columnId: 'todo', keyResultId: 'kr-1' }],
    })
    const eve = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.editor, 'Eve'))
    const vic = suite.track(await openWorkspace(suite.browser, suite.server.url, ws.id, ws.tokens.viewer, 'Vic'))
    await card(cell(vic.page, 'To do', KR), CARD, 'To do').waitFor()
    await eve.page.getByRole('button', { name: `Edit task ${CARD}` }).click()
    await eve.page.getByRole('dialog', { name: 'Edit task' }).waitFor()
    const refusals = () => suite.server.output().stdout.match(/viewer_write/g)?.length ?? 0
    const before = refusals()
    // The socket may open before the offline copy is read in; the copy then goes out as an update.
    for (let i = 0; i < 3; i++) {
      await vic.page.reload()
      await connectionBadge(vic.page, 'Live').waitFor()
      await card(cell(vic.page, 'To do', KR), CARD, 'To do').waitFor()
    }
    // An edit after the reloads reaches the viewer: everything it sent before was answered.
    await eve.page.getByRole('dialog', { name: 'Edit task' }).getByRole('button', { name: 'Cancel' }).click()
    await addTask(eve.page, 'To do', KR, 'After the reloads')
    await card(cell(vic.page, 'To do', KR), 'After the reloads', 'To do').waitFor()
    await connectionBadge(vic.page, 'Live').waitFor()
    expect(refusals()).toBe(before)
    expect([...eve.errors, ...vic.errors]).toEqual([])
  })
})
